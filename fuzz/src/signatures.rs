//! The signature table: `#[pyfunction]`s and `Item`'s methods of every parameter kind, called
//! through Python's call protocol beside Python twins of the same signatures, CPython's own
//! binding being the oracle.
//!
//! The untyped functions return what they bound (a list: each parameter's object or `None`,
//! then the `*args` tuple and the `**kwargs` dict where present), so the comparison is by
//! identity with the pool objects that were passed.

use crate::build::Item;
use crate::conversions::kind_of;
use crate::oracle::{self, Errs};
use crate::value::{Call, KeywordName, Value};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyTuple};

type Parts<'py> = Vec<Option<Bound<'py, PyAny>>>;

#[pyfunction]
#[pyo3(signature = (a, b, /))]
fn pos_only<'py>(a: Bound<'py, PyAny>, b: Bound<'py, PyAny>) -> Parts<'py> {
    vec![Some(a), Some(b)]
}

#[pyfunction]
#[pyo3(signature = (a, b = None))]
fn with_default<'py>(a: Bound<'py, PyAny>, b: Option<Bound<'py, PyAny>>) -> Parts<'py> {
    vec![Some(a), b]
}

#[pyfunction]
#[pyo3(signature = (a, *, k, m = None))]
fn kw_only<'py>(
    a: Bound<'py, PyAny>,
    k: Bound<'py, PyAny>,
    m: Option<Bound<'py, PyAny>>,
) -> Parts<'py> {
    vec![Some(a), Some(k), m]
}

#[pyfunction]
#[pyo3(signature = (a, *args, **kwargs))]
fn var_all<'py>(
    a: Bound<'py, PyAny>,
    args: Bound<'py, PyTuple>,
    kwargs: Option<Bound<'py, PyDict>>,
) -> Parts<'py> {
    vec![Some(a), Some(args.into_any()), kwargs.map(Bound::into_any)]
}

#[pyfunction]
#[pyo3(signature = (*args))]
fn var_args<'py>(args: Bound<'py, PyTuple>) -> Parts<'py> {
    vec![Some(args.into_any())]
}

#[pyfunction]
#[pyo3(signature = (a, /, b, *, c))]
fn mixed<'py>(a: Bound<'py, PyAny>, b: Bound<'py, PyAny>, c: Bound<'py, PyAny>) -> Parts<'py> {
    vec![Some(a), Some(b), Some(c)]
}

#[pyfunction]
#[pyo3(signature = (a, /, **kwargs))]
fn pos_only_kwargs<'py>(a: Bound<'py, PyAny>, kwargs: Option<Bound<'py, PyDict>>) -> Parts<'py> {
    vec![Some(a), kwargs.map(Bound::into_any)]
}

#[pyfunction]
#[pyo3(signature = (n, s = None))]
fn typed(n: i64, s: Option<String>) -> (i64, Option<String>) {
    (n, s)
}

#[pymethods]
impl Item {
    #[new]
    fn new(value: i64) -> Self {
        Item { value }
    }

    #[pyo3(signature = (a, *args, b = None, **kwargs))]
    fn __call__<'py>(
        &self,
        a: Bound<'py, PyAny>,
        args: Bound<'py, PyTuple>,
        b: Option<Bound<'py, PyAny>>,
        kwargs: Option<Bound<'py, PyDict>>,
    ) -> Parts<'py> {
        vec![
            Some(a),
            b,
            Some(args.into_any()),
            kwargs.map(Bound::into_any),
        ]
    }

    #[staticmethod]
    #[pyo3(signature = (a, /, b = None))]
    fn smeth<'py>(a: Bound<'py, PyAny>, b: Option<Bound<'py, PyAny>>) -> Parts<'py> {
        vec![Some(a), b]
    }

    #[classmethod]
    #[pyo3(signature = (x, *, y))]
    fn cmeth<'py>(
        _cls: &Bound<'py, pyo3::types::PyType>,
        x: Bound<'py, PyAny>,
        y: Bound<'py, PyAny>,
    ) -> Parts<'py> {
        vec![Some(x), Some(y)]
    }

    #[pyo3(signature = (x, y = None, *args, z = None))]
    fn method<'py>(
        &self,
        x: Bound<'py, PyAny>,
        y: Option<Bound<'py, PyAny>>,
        args: Bound<'py, PyTuple>,
        z: Option<Bound<'py, PyAny>>,
    ) -> Parts<'py> {
        vec![Some(x), y, z, Some(args.into_any())]
    }
}

/// The names of the table's callables, in the order of `callables` and `TWINS`.
pub const TABLE: &[&str] = &[
    "pos_only",
    "with_default",
    "kw_only",
    "var_all",
    "var_args",
    "mixed",
    "pos_only_kwargs",
    "Item.method",
    "typed",
    "Item.__new__",
    "Item.method (unbound)",
    "Item.__call__",
    "Item.smeth",
    "Item.cmeth",
];

const TYPED: usize = 8;
const CONSTRUCTOR: usize = 9;

/// Python twins of the table: the same parameters, returning what they bound in the same
/// shape. CPython's own binding is the oracle, both for the binding and for the exact error
/// message (the project words argument errors as CPython does; docs/api-differences.md).
/// Methods are plain functions named like the method: PyO3 methods do not count `self`.
const TWINS: &std::ffi::CStr = c"\
def pos_only(a, b, /): return [a, b]
def with_default(a, b=None): return [a, b]
def kw_only(a, *, k, m=None): return [a, k, m]
def var_all(a, *args, **kwargs): return [a, args, kwargs or None]
def var_args(*args): return [args]
def mixed(a, /, b, *, c): return [a, b, c]
def pos_only_kwargs(a, /, **kwargs): return [a, kwargs or None]
def method(x, y=None, *args, z=None): return [x, y, z, args]
method.__qualname__ = 'Item.method'
def typed(n, s=None): return [n, s]
def new(value): return [value]
new.__qualname__ = 'Item.__new__'
def method_unbound(self, x, y=None, *args, z=None): return [x, y, z, args]
method_unbound.__qualname__ = 'Item.method'
def call(a, *args, b=None, **kwargs): return [a, b, args, kwargs or None]
call.__qualname__ = 'Item.__call__'
def smeth(a, /, b=None): return [a, b]
smeth.__qualname__ = 'Item.smeth'
def cmeth(x, *, y): return [x, y]
cmeth.__qualname__ = 'Item.cmeth'
import functools
TWINS = [pos_only, with_default, kw_only, var_all, var_args, mixed, pos_only_kwargs, method,
         typed, new, functools.partial(method_unbound, None), call, smeth, cmeth]
";

fn twins(py: Python<'_>) -> &Vec<Py<PyAny>> {
    static TWIN_FUNCTIONS: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();
    TWIN_FUNCTIONS.get_or_init(py, || {
        let module =
            PyModule::from_code(py, TWINS, c"fuzz_twins.py", c"fuzz_twins").expect("twin module");
        let list = module.getattr("TWINS").expect("TWINS");
        let out: Vec<Py<PyAny>> = list
            .try_iter()
            .expect("a list")
            .map(|f| f.expect("item").unbind())
            .collect();
        assert_eq!(out.len(), TABLE.len());
        out
    })
}

fn callables(py: Python<'_>) -> &Vec<Py<PyAny>> {
    static CALLABLES: PyOnceLock<Vec<Py<PyAny>>> = PyOnceLock::new();
    CALLABLES.get_or_init(py, || {
        let item = Bound::new(py, Item { value: 0 }).expect("Item");
        let functions = [
            wrap_pyfunction!(pos_only, py),
            wrap_pyfunction!(with_default, py),
            wrap_pyfunction!(kw_only, py),
            wrap_pyfunction!(var_all, py),
            wrap_pyfunction!(var_args, py),
            wrap_pyfunction!(mixed, py),
            wrap_pyfunction!(pos_only_kwargs, py),
        ];
        let mut out: Vec<Py<PyAny>> = functions
            .into_iter()
            .map(|f| f.expect("wrap_pyfunction").into_any().unbind())
            .collect();
        out.push(item.getattr("method").expect("Item.method").unbind());
        out.push(
            wrap_pyfunction!(typed, py)
                .expect("typed")
                .into_any()
                .unbind(),
        );
        let class = py.get_type::<Item>();
        out.push(class.clone().into_any().unbind());
        // Unbound, through the method descriptor: `Item.method(item, ...)`.
        let partial = py
            .import("functools")
            .and_then(|m| m.getattr("partial"))
            .expect("functools.partial");
        let method = class.getattr("method").expect("Item.method");
        out.push(partial.call1((method, &item)).expect("partial").unbind());
        out.push(item.clone().into_any().unbind());
        out.push(class.getattr("smeth").expect("Item.smeth").unbind());
        out.push(class.getattr("cmeth").expect("Item.cmeth").unbind());
        assert_eq!(out.len(), TABLE.len());
        out
    })
}

/// Makes `call` through Python's call protocol, on the table's callable and on its Python
/// twin, and compares: the same TypeError message, or the same objects bound.
pub fn check_call(py: Python<'_>, pool: &[(&Value, Bound<'_, PyAny>)], call: &Call) {
    let callable = callables(py)[call.function].bind(py);
    let twin = twins(py)[call.function].bind(py);
    let args = PyTuple::new(py, call.positional.iter().map(|&i| &pool[i].1)).expect("args");
    let kwargs = PyDict::new(py);
    for &(name, i) in &call.keywords {
        let set = match name {
            KeywordName::Fixed(name) => kwargs.set_item(name, &pool[i].1),
            KeywordName::Pool(k) => kwargs.set_item(&pool[k].1, &pool[i].1),
        };
        // An unhashable name cannot be a dict key: that keyword is left out.
        drop(set);
    }
    let what = format!("call {call:?} of {}()", TABLE[call.function]);
    let expected = twin.call(&args, Some(&kwargs));
    let result = callable.call(&args, Some(&kwargs));
    let (bound, result) = match (expected, result) {
        (Err(want), Err(err)) => {
            assert!(
                want.get_type(py).is(py.get_type::<PyTypeError>()),
                "{what}: twin raised {want}"
            );
            assert!(
                err.get_type(py).is(py.get_type::<PyTypeError>()),
                "{what}: raised {err}, expected {want}"
            );
            // Compared as Python strings: a keyword name may hold a lone surrogate.
            let got = err.value(py).str().expect("str(exception)");
            let want = want.value(py).str().expect("str(exception)");
            assert!(
                PyAnyMethods::eq(got.as_any(), &want).expect("str == str"),
                "{what}: message {got:?}, expected {want:?}"
            );
            return;
        }
        (Err(want), Ok(r)) => panic!("{what}: returned {r}, expected {want}"),
        (Ok(bound), result) => (bound, result),
    };
    let bound: Vec<Bound<'_, PyAny>> = bound.cast::<PyList>().expect("a list").iter().collect();
    // A bound object is a pool object, or None (passed, or a parameter's default).
    static NONE: Value = Value::None;
    let value_of = |obj: &Bound<'_, PyAny>| {
        pool.iter()
            .find(|(_, o)| o.is(obj))
            .map_or(&NONE, |(v, _)| *v)
    };
    match call.function {
        TYPED => check_typed(
            py,
            &what,
            &[
                ("n", value_of(&bound[0]), &bound[0]),
                ("s", value_of(&bound[1]), &bound[1]),
            ],
            result,
        ),
        CONSTRUCTOR => check_typed(
            py,
            &what,
            &[("value", value_of(&bound[0]), &bound[0])],
            result,
        ),
        _ => {
            let result =
                result.unwrap_or_else(|e| panic!("{what}: raised {e}, expected {bound:?}"));
            check_parts(&what, &bound, &result);
        }
    }
}

/// The untyped functions' returned parts against the twin's, by identity (`*args` and
/// `**kwargs` item by item, in order).
fn check_parts(what: &str, want: &[Bound<'_, PyAny>], result: &Bound<'_, PyAny>) {
    let got: Vec<Bound<'_, PyAny>> = result.cast::<PyList>().expect("a list").iter().collect();
    assert_eq!(got.len(), want.len(), "{what}");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if let (Ok(g), Ok(w)) = (g.cast::<PyTuple>(), w.cast::<PyTuple>()) {
            assert_eq!(g.len(), w.len(), "{what}: *args {g} vs {w}");
            for (x, y) in g.iter().zip(w.iter()) {
                assert!(x.is(&y), "{what}: *args {g} vs {w}");
            }
        } else if let (Ok(g), Ok(w)) = (g.cast::<PyDict>(), w.cast::<PyDict>()) {
            let g: Vec<_> = g.iter().collect();
            let w: Vec<_> = w.iter().collect();
            assert_eq!(g.len(), w.len(), "{what}: **kwargs");
            for ((gk, gv), (wk, wv)) in g.iter().zip(&w) {
                assert!(
                    gk.eq(wk).expect("str ==") && gv.is(wv),
                    "{what}: **kwargs {gk}"
                );
            }
        } else {
            assert!(g.is(w), "{what}: part {i} is {g}, expected {w}");
        }
    }
}

/// `typed(n: i64, s: Option<String>)` and `Item(value: i64)`: each argument extracted in order;
/// a TypeError names the argument, other errors pass through.
fn check_typed(
    py: Python<'_>,
    what: &str,
    args: &[(&str, &Value, &Bound<'_, PyAny>)],
    result: PyResult<Bound<'_, PyAny>>,
) {
    let mut failure = None;
    for &(name, value, obj) in args {
        let outcome = match name {
            "s" => oracle::option(value, oracle::string).map(drop),
            _ => oracle::int::<i64>(value).map(drop),
        };
        if let Err(kinds) = outcome {
            failure = Some((name, kinds, obj));
            break;
        }
    }
    match (failure, result) {
        (None, Ok(r)) => {
            let n = oracle::int::<i64>(args[0].1).expect("checked");
            if args[0].0 == "value" {
                let item = r.cast::<Item>().expect("an Item");
                assert_eq!(item.borrow().value, n, "{what}");
            } else {
                let s = oracle::option(args[1].1, oracle::string).expect("checked");
                let got: (i64, Option<String>) = r.extract().expect("(n, s)");
                assert_eq!(got, (n, s), "{what}");
            }
        }
        (None, Err(e)) => panic!("{what}: raised {e}, expected success"),
        (Some((name, kinds, _)), Ok(r)) => {
            panic!("{what}: returned {r}, expected {kinds:?} for '{name}'")
        }
        (Some((name, kinds, obj)), Err(e)) => {
            let kind = kind_of(py, &e, what);
            assert!(
                kinds.contains(kind),
                "{what}: raised {e}, expected {kinds:?}"
            );
            let message = e.value(py).to_string();
            if kind == Errs::TYPE {
                let prefix = format!("argument '{name}': ");
                assert!(message.starts_with(&prefix), "{what}: message {message:?}");
                assert!(e.get_type(py).is(py.get_type::<PyTypeError>()), "{what}");
                if name != "s" {
                    // The integer's own message is CPython's, as `operator.index` words it.
                    let index = py
                        .import("operator")
                        .and_then(|m| m.getattr("index"))
                        .expect("operator.index");
                    let want = index.call1((obj,)).expect_err("not an index");
                    assert_eq!(message, format!("{prefix}{}", want.value(py)), "{what}");
                }
            } else {
                assert!(
                    !message.starts_with("argument '"),
                    "{what}: message {message:?}"
                );
            }
        }
    }
}
