//! `signature = (...)`, defaults, `*args`, `**kwargs`, keyword-only and positional-only
//! parameters, `text_signature`, `pass_module` and `from_py_with`, called from Python.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyTuple};
use std::cell::Cell;

thread_local! {
    static DEFAULT_EVALUATED: Cell<u32> = const { Cell::new(0) };
}

fn counted_default() -> i64 {
    DEFAULT_EVALUATED.with(|c| c.set(c.get() + 1));
    100
}

#[pyfunction]
#[pyo3(signature = (a, b = counted_default(), /, c = None, *args, d, e = 5, **kwargs))]
#[allow(clippy::too_many_arguments)]
fn everything(
    py: Python<'_>,
    a: i64,
    b: i64,
    c: Option<String>,
    args: &Bound<'_, PyTuple>,
    d: bool,
    e: u8,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let kwargs = match kwargs {
        Some(kw) => kw.repr()?.to_string(),
        None => "None".to_owned(),
    };
    let _ = py;
    Ok(format!(
        "{a} {b} {c:?} {} {d} {e} {kwargs}",
        args.repr()?.to_str()?
    ))
}

#[pyfunction]
#[pyo3(signature = (*, flag = false, name = "x"))]
fn kwonly(flag: bool, name: &str) -> String {
    format!("{flag}:{name}")
}

#[pyfunction]
#[pyo3(signature = (*args))]
fn count_args(args: Vec<i64>) -> i64 {
    args.iter().sum()
}

#[pyfunction]
#[pyo3(text_signature = "(x, /)")]
fn custom_text(x: i64) -> i64 {
    x
}

#[pyfunction]
#[pyo3(pass_module)]
fn module_name(module: &Bound<'_, PyModule>, suffix: &str) -> PyResult<String> {
    Ok(format!("{}{suffix}", module.name()?))
}

fn length_of(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[pyfunction]
#[pyo3(signature = (value, other = 7))]
fn with_from_py_with(
    #[pyo3(from_py_with = length_of)] value: usize,
    #[pyo3(from_py_with = length_of)] other: usize,
) -> usize {
    value * 1000 + other
}

#[pyfunction]
fn returns_option(x: Option<i64>) -> Option<i64> {
    x.map(|v| v + 1)
}

fn namespace<'py>(
    py: Python<'py>,
    items: &[(&str, Bound<'py, PyCFunction>)],
) -> Bound<'py, PyDict> {
    let d = PyDict::new(py);
    for (name, f) in items {
        d.set_item(*name, f).unwrap();
    }
    d
}

fn eval_str(py: Python<'_>, ns: &Bound<'_, PyDict>, code: &str) -> String {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, Some(ns), None)
        .unwrap_or_else(|e| panic!("{:?}: {e}", code))
        .str()
        .unwrap()
        .to_string()
}

fn error_of(py: Python<'_>, ns: &Bound<'_, PyDict>, code: &str) -> PyErr {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, Some(ns), None)
        .expect_err("expected an exception")
}

#[test]
fn defaults_varargs_kwargs() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(everything, py).unwrap();
        let ns = namespace(py, &[("f", f)]);
        DEFAULT_EVALUATED.with(|c| c.set(0));
        assert_eq!(
            eval_str(py, &ns, "f(1, 2, 'c', 3, 4, d=True, z=9)"),
            "1 2 Some(\"c\") (3, 4) true 5 {'z': 9}"
        );
        assert_eq!(
            DEFAULT_EVALUATED.with(Cell::get),
            0,
            "default evaluated although given"
        );
        assert_eq!(
            eval_str(py, &ns, "f(1, d=False)"),
            "1 100 None () false 5 None"
        );
        assert_eq!(DEFAULT_EVALUATED.with(Cell::get), 1);
        assert_eq!(
            eval_str(py, &ns, "f(1, c=None, d=True, e=255)"),
            "1 100 None () true 255 None"
        );
        // Positional-only names passed by keyword land in **kwargs, as in Python.
        assert_eq!(
            eval_str(py, &ns, "f(1, d=False, a=3)"),
            "1 100 None () false 5 {'a': 3}"
        );
        let err = error_of(py, &ns, "f(1)");
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "everything() missing 1 required keyword-only argument: 'd'"
        );
        let err = error_of(py, &ns, "f(1, d=True, e=256)");
        assert!(err.is_instance_of::<PyOverflowError>(py), "{err}");
        let err = error_of(py, &ns, "f('x', d=True)");
        assert_eq!(
            err.value(py).to_string(),
            "argument 'a': 'str' object cannot be interpreted as an integer"
        );
        assert_eq!(
            eval_str(py, &ns, "f.__text_signature__"),
            "(a, b=..., /, c=None, *args, d, e=5, **kwargs)"
        );
    });
}

#[test]
fn keyword_only_and_varargs() {
    Python::attach(|py| {
        let k = wrap_pyfunction!(kwonly, py).unwrap();
        let c = wrap_pyfunction!(count_args, py).unwrap();
        let ns = namespace(py, &[("k", k), ("c", c)]);
        assert_eq!(eval_str(py, &ns, "k()"), "false:x");
        assert_eq!(eval_str(py, &ns, "k(name='y', flag=True)"), "true:y");
        assert_eq!(
            error_of(py, &ns, "k(1)").value(py).to_string(),
            "kwonly() takes 0 positional arguments but 1 was given"
        );
        assert_eq!(
            eval_str(py, &ns, "k.__text_signature__"),
            "(*, flag=False, name='x')"
        );
        assert_eq!(eval_str(py, &ns, "c()"), "0");
        assert_eq!(eval_str(py, &ns, "c(1, 2, 3)"), "6");
        assert_eq!(
            error_of(py, &ns, "c(1, 'a')").value(py).to_string(),
            "argument 'args': 'str' object cannot be interpreted as an integer"
        );
        assert_eq!(
            error_of(py, &ns, "c(x=1)").value(py).to_string(),
            "count_args() got an unexpected keyword argument 'x'"
        );
    });
}

#[test]
fn text_signature_pass_module_from_py_with() {
    Python::attach(|py| {
        let module = PyModule::new(py, "sigmod").unwrap();
        let m = wrap_pyfunction!(module_name, &module).unwrap();
        let t = wrap_pyfunction!(custom_text, py).unwrap();
        let w = wrap_pyfunction!(with_from_py_with, py).unwrap();
        let o = wrap_pyfunction!(returns_option, py).unwrap();
        let ns = namespace(py, &[("m", m), ("t", t), ("w", w), ("o", o)]);
        assert_eq!(eval_str(py, &ns, "m('!')"), "sigmod!");
        assert_eq!(eval_str(py, &ns, "m.__text_signature__"), "(suffix)");
        assert_eq!(eval_str(py, &ns, "t.__text_signature__"), "(x, /)");
        assert_eq!(eval_str(py, &ns, "w([1, 2], 'abc')"), "2003");
        assert_eq!(eval_str(py, &ns, "w('ab')"), "2007");
        assert_eq!(
            error_of(py, &ns, "w(3)").value(py).to_string(),
            "argument 'value': object of type 'int' has no len()"
        );
        assert_eq!(eval_str(py, &ns, "o(None)"), "None");
        assert_eq!(eval_str(py, &ns, "o(1)"), "2");
        // Since PyO3 0.24, a trailing `Option<T>` without a signature is still required.
        assert_eq!(
            error_of(py, &ns, "o()").value(py).to_string(),
            "returns_option() missing 1 required positional argument: 'x'"
        );
    });
}

struct DropFlag(std::sync::Arc<std::sync::atomic::AtomicBool>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn new_closure_captures_and_is_freed() {
    use std::sync::atomic::Ordering;
    Python::attach(|py| {
        let dropped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = DropFlag(dropped.clone());
        let offset = 10i64;
        let f = PyCFunction::new_closure(
            py,
            Some(c"adder"),
            Some(c"Adds the arguments to 10."),
            move |args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<i64> {
                let _keep = &flag;
                let mut total = offset;
                for item in args.iter() {
                    total += item.extract::<i64>()?;
                }
                if let Some(kwargs) = kwargs {
                    assert!(!kwargs.contains("boom")?, "closure panicked");
                    total += kwargs.len() as i64;
                }
                Ok(total)
            },
        )
        .unwrap();
        let ns = namespace(py, &[("f", f)]);
        assert_eq!(eval_str(py, &ns, "f(1, 2)"), "13");
        assert_eq!(eval_str(py, &ns, "f(1, x=0, y=0)"), "13");
        assert_eq!(eval_str(py, &ns, "f.__name__"), "adder");
        assert_eq!(eval_str(py, &ns, "f.__doc__"), "Adds the arguments to 10.");
        let err = error_of(py, &ns, "f('a')");
        assert!(err.is_instance_of::<PyTypeError>(py));
        // A panic in the closure is raised as PanicException; Python catches it and the
        // interpreter keeps going.
        py.run(
            c"try:\n    f(boom=1)\nexcept BaseException as e:\n    caught = type(e).__name__",
            Some(&ns),
            None,
        )
        .unwrap();
        assert_eq!(eval_str(py, &ns, "caught"), "PanicException");
        assert_eq!(eval_str(py, &ns, "f()"), "10");
        assert!(!dropped.load(Ordering::SeqCst));
        ns.clear();
        drop(ns);
        py.run(c"import gc; gc.collect()", None, None).unwrap();
        assert!(
            dropped.load(Ordering::SeqCst),
            "closure not freed with its function"
        );
    });
}

#[pyfunction]
#[pyo3(signature = (a, b, /))]
fn two_positional_only(a: i64, b: i64) -> i64 {
    a + b
}

/// Found by fuzzing (fuzz/regressions/posonly-keyword-order): the positional-only names
/// passed as keywords are listed in parameter order, as CPython lists them, not in the order
/// the keywords came in.
#[test]
fn positional_only_passed_as_keywords_listed_in_parameter_order() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(two_positional_only, py).unwrap();
        let ns = namespace(py, &[("f", f)]);
        // Python functions have positional-only parameters from 3.8: compare with a twin there.
        let twins = if py.version_info() >= (3, 8) {
            &["f(m=1, b=2, a=3)", "f(b=2, a=3)", "f(1, b=2, zz=3)"][..]
        } else {
            &[]
        };
        let code = "if __import__('sys').version_info >= (3, 8):\n    \
                    exec(\"def twin(a, b, /): pass\\ntwin.__qualname__ = 'two_positional_only'\")";
        py.run(&std::ffi::CString::new(code).unwrap(), Some(&ns), None)
            .unwrap();
        for call in twins {
            let ours = error_of(py, &ns, call);
            let theirs = error_of(py, &ns, &call.replacen('f', "twin", 1));
            assert!(ours.is_instance_of::<PyTypeError>(py));
            assert_eq!(
                ours.value(py).to_string(),
                theirs.value(py).to_string(),
                "{call}"
            );
        }
        let err = error_of(py, &ns, "f(m=1, b=2, a=3)");
        assert_eq!(
            err.value(py).to_string(),
            "two_positional_only() got some positional-only arguments passed as keyword \
             arguments: 'a, b'"
        );
    });
}

#[pyfunction]
#[pyo3(signature = (a, **kwargs))]
fn keywords_of(a: i64, kwargs: Option<Bound<'_, PyDict>>) -> (i64, Option<Bound<'_, PyDict>>) {
    (a, kwargs)
}

#[pyclass]
struct MadeWithNew {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl MadeWithNew {
    #[new]
    fn new(value: i64) -> Self {
        MadeWithNew { value }
    }
}

/// Found by fuzzing (fuzz/regressions/surrogate-keyword-name): a keyword name holding a lone
/// surrogate is an unknown name like any other (CPython's message, or a `**kwargs` entry),
/// not a UnicodeEncodeError.
#[test]
fn keyword_name_with_a_lone_surrogate() {
    Python::attach(|py| {
        let ns = namespace(
            py,
            &[
                ("f", wrap_pyfunction!(two_positional_only, py).unwrap()),
                ("g", wrap_pyfunction!(keywords_of, py).unwrap()),
            ],
        );
        let code = r#"
import sys
def message(fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except TypeError as e:
        return str(e)
ours = message(f, 1, 2, **{'\ud800x': 3})
if sys.version_info >= (3, 8):  # positional-only parameters in Python code
    exec("def twin(a, b, /): pass\ntwin.__qualname__ = 'two_positional_only'")
    assert ours == message(twin, 1, 2, **{'\ud800x': 3}), ascii(ours)
assert ours == "two_positional_only() got an unexpected keyword argument '\ud800x'", ascii(ours)
assert g(1, **{'\udcff': 2, 'b': 3}) == (1, {'\udcff': 2, 'b': 3})
"#;
        py.run(&std::ffi::CString::new(code).unwrap(), Some(&ns), None)
            .unwrap();
    });
}

/// Found by fuzzing (fuzz/regressions/non-str-keyword-to-new): calling a class hands
/// `**kwargs` to `tp_new` without checking the names, so `#[new]` refuses a non-str name
/// itself, with CPython's message (it used to read it as a str: "bad argument type").
#[test]
fn non_str_keyword_name_to_a_constructor() {
    Python::attach(|py| {
        let cls = py.get_type::<MadeWithNew>();
        let ns = PyDict::new(py);
        ns.set_item("C", cls).unwrap();
        let code = r#"
import sys
class Twin:
    def __new__(cls, value): pass
# 3.7 names the method in a Python class's message ("__new__() keywords ..."); ours has
# 3.8's wording on every version.
classes = (C, Twin) if sys.version_info >= (3, 8) else (C,)
for kwargs in ({1: 2}, {'value': 1, (1,): 2}, {None: 1}):
    for cls in classes:
        try:
            cls(**kwargs)
        except TypeError as e:
            assert str(e) == 'keywords must be strings', (cls, str(e))
        else:
            raise AssertionError(cls)
assert C(value=5).value == 5
"#;
        py.run(&std::ffi::CString::new(code).unwrap(), Some(&ns), None)
            .unwrap();
    });
}
