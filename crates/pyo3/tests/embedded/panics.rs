//! Panics at the Python/Rust boundary, from Rust (the Python side, one test per callback
//! kind, is pytests/tests/test_panics.py): `PyOnceLock` initialisers, errors whose lazy
//! arguments panic, and the callbacks that can only report through `sys.unraisablehook`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

/// Runs `code` with `f` bound, catching in Python whatever it raises; returns
/// `"<module>.<name>: <message>"`, or `"no exception"`.
fn caught_in_python(py: Python<'_>, f: &Bound<'_, PyAny>, code: &str) -> String {
    let ns = PyDict::new(py);
    ns.set_item("f", f).unwrap();
    let script = format!(
        "try:\n    {code}\n    result = 'no exception'\nexcept BaseException as e:\n    result = type(e).__module__ + '.' + type(e).__name__ + ': ' + str(e)\n"
    );
    let script = std::ffi::CString::new(script).unwrap();
    py.run(&script, Some(&ns), None).unwrap();
    ns.get_item("result").unwrap().unwrap().extract().unwrap()
}

#[test]
fn once_lock_stays_empty_after_a_panicking_initialiser() {
    Python::attach(|py| {
        let cell: PyOnceLock<i32> = PyOnceLock::new();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            cell.get_or_init(py, || panic!("initialiser panicked"));
        }));
        let payload = result.unwrap_err();
        assert_eq!(
            payload.downcast_ref::<&str>(),
            Some(&"initialiser panicked")
        );
        assert!(cell.get(py).is_none());
        assert_eq!(*cell.get_or_init(py, || 5), 5);
        assert_eq!(*cell.get_or_init(py, || panic!("not called again")), 5);
    });
}

/// Converting this to Python panics.
struct Grenade;

impl<'py> IntoPyObject<'py> for Grenade {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Self::Output> {
        panic!("argument conversion panicked")
    }
}

#[pyfunction]
fn error_with_panicking_argument() -> PyResult<()> {
    Err(pyo3::exceptions::PyValueError::new_err((Grenade,)))
}

#[test]
fn error_whose_lazy_argument_panics_becomes_panic_exception() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(error_with_panicking_argument, py).unwrap();
        assert_eq!(
            caught_in_python(py, f.as_any(), "f()"),
            "pyo3_runtime.PanicException: argument conversion panicked"
        );
        // The interpreter goes on, and a second call behaves the same.
        assert_eq!(
            caught_in_python(py, f.as_any(), "f()"),
            "pyo3_runtime.PanicException: argument conversion panicked"
        );
    });
}

/// Installs a `sys.unraisablehook` that records `"<type name>: <message>"`, runs `action`
/// and returns what was recorded. Other tests run in parallel threads (truly so on 3.13t)
/// and may report their own unraisable errors meanwhile, so callers look for theirs only.
#[cfg(Py_3_8)]
fn unraisable_reports(py: Python<'_>, action: impl FnOnce()) -> Vec<String> {
    let ns = PyDict::new(py);
    py.run(
        c"import sys\nseen = []\nold = sys.unraisablehook\nsys.unraisablehook = lambda r: seen.append(r.exc_type.__name__ + ': ' + str(r.exc_value))\n",
        Some(&ns),
        None,
    )
    .unwrap();
    action();
    py.run(c"sys.unraisablehook = old\n", Some(&ns), None)
        .unwrap();
    ns.get_item("seen").unwrap().unwrap().extract().unwrap()
}

#[pyclass]
struct DropPanics;

impl Drop for DropPanics {
    fn drop(&mut self) {
        panic!("pyclass drop panicked")
    }
}

/// One test for both, so that they do not replace each other's hook.
#[cfg(Py_3_8)]
#[test]
fn panics_in_destructors_are_unraisable() {
    Python::attach(|py| {
        let count = |seen: &[String], report: &str| seen.iter().filter(|s| *s == report).count();
        let seen = unraisable_reports(py, || {
            let capsule = pyo3::types::PyCapsule::new_with_destructor(py, 1_u64, None, |_, _| {
                panic!("capsule destructor panicked")
            })
            .unwrap();
            drop(capsule);
        });
        assert_eq!(
            count(&seen, "PanicException: capsule destructor panicked"),
            1,
            "{seen:?}"
        );
        let seen = unraisable_reports(py, || {
            drop(Bound::new(py, DropPanics).unwrap());
        });
        assert_eq!(
            count(&seen, "PanicException: pyclass drop panicked"),
            1,
            "{seen:?}"
        );
    });
}

#[test]
fn panicking_closure_becomes_panic_exception() {
    Python::attach(|py| {
        let f = pyo3::types::PyCFunction::new_closure(py, None, None, |_args, _kwargs| -> i32 {
            panic!("closure panicked")
        })
        .unwrap();
        assert_eq!(
            caught_in_python(py, f.as_any(), "f(1, k=2)"),
            "pyo3_runtime.PanicException: closure panicked"
        );
    });
}
