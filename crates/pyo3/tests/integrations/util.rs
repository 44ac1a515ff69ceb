//! Small helpers shared by the integration tests: evaluate a Python expression, check an
//! error's exact type and message, and round-trip a Rust value through Python.

#![allow(dead_code)]

use pyo3::prelude::*;
use pyo3::types::PyType;

/// Evaluates a Python expression (with `__builtins__` only) and panics on error.
pub fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None)
        .unwrap_or_else(|e| panic!("evaluating {code:?} failed: {e}"))
}

/// Runs `source` (class statements and the like) in a fresh module namespace and returns
/// `name()`: an instance of a class defined there, or the result of a factory.
pub fn instance_of<'py>(py: Python<'py>, source: &str, name: &str) -> Bound<'py, PyAny> {
    let namespace = pyo3::types::PyDict::new(py);
    let code = std::ffi::CString::new(source).unwrap();
    py.run(&code, Some(&namespace), None).unwrap();
    namespace.get_item(name).unwrap().unwrap().call0().unwrap()
}

/// Asserts that `result` failed with exactly the exception type `ty` and message `msg`.
pub fn assert_err<T: std::fmt::Debug, E: Into<PyErr>>(
    py: Python<'_>,
    result: Result<T, E>,
    ty: &Bound<'_, PyType>,
    msg: &str,
) {
    let err: PyErr = result.expect_err("expected an error").into();
    assert!(
        err.get_type(py).is(ty),
        "expected {} but got {}",
        ty.str().unwrap(),
        err
    );
    assert_eq!(err.value(py).to_string(), msg);
}

/// Asserts that `obj == expected` holds in Python (`expected` is a Python expression).
pub fn assert_py_eq(obj: &Bound<'_, PyAny>, expected: &str) {
    let want = eval(obj.py(), expected);
    assert!(
        obj.eq(&want).unwrap(),
        "{} != {}",
        obj.repr().unwrap(),
        want.repr().unwrap()
    );
}

/// Asserts that `obj`'s exact type is `module.name`.
pub fn assert_type(obj: &Bound<'_, PyAny>, module: &str, name: &str) {
    let ty = obj.py().import(module).unwrap().getattr(name).unwrap();
    assert!(
        obj.get_type().is(&ty),
        "{} is a {}, not {module}.{name}",
        obj.repr().unwrap(),
        obj.get_type().name().unwrap()
    );
}
