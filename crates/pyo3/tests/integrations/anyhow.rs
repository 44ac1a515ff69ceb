//! `From<anyhow::Error> for PyErr`.

use anyhow::{anyhow, bail, Context};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::IntoPyDict;

fn failing_io() -> anyhow::Result<()> {
    bail!(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "oh no!"
    ));
}

fn nested() -> anyhow::Result<()> {
    failing_io()
        .context("inner step failed")
        .context("outer step failed")
}

/// Raises `err` in Python and returns what was caught, as Python saw it.
fn raise_and_catch(py: Python<'_>, err: PyErr) -> PyErr {
    let locals = [("err", err)].into_py_dict(py).unwrap();
    py.run(c"raise err", None, Some(&locals)).unwrap_err()
}

#[test]
fn bare_pyerr_comes_back_unchanged() {
    Python::attach(|py| {
        let original = PyValueError::new_err("the value was bad");
        let original_value = original.value(py).clone();
        let wrapped: anyhow::Error = original.into();
        let back = PyErr::from(wrapped);
        assert!(back.is_instance_of::<PyValueError>(py));
        assert!(back.value(py).is(&original_value));
        let caught = raise_and_catch(py, back);
        assert_eq!(caught.to_string(), "ValueError: the value was bad");
    });
}

#[test]
fn pyerr_with_context_becomes_runtime_error() {
    Python::attach(|py| {
        let wrapped = anyhow::Error::from(PyValueError::new_err("the value was bad"))
            .context("while parsing");
        let expected = format!("{wrapped:?}");
        let err = PyErr::from(wrapped);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        let message = err.value(py).to_string();
        // With RUST_BACKTRACE set, anyhow's `Debug` form ends with the captured backtrace.
        assert_eq!(message, expected);
        assert!(
            message.starts_with("while parsing\n\nCaused by:\n    ValueError: the value was bad")
        );
    });
}

#[test]
fn plain_error_message() {
    Python::attach(|py| {
        let error = anyhow!("Some sort of error");
        let expected = format!("{error:?}");
        let err = PyErr::from(error);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        let caught = raise_and_catch(py, err);
        assert!(caught.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(caught.value(py).to_string(), expected);
        assert!(expected.starts_with("Some sort of error"));
    });
}

#[test]
fn cause_chain_is_formatted_as_anyhow_debug() {
    Python::attach(|py| {
        let error = nested().unwrap_err();
        let expected = format!("{error:?}");
        let err = PyErr::from(error);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        let message = err.value(py).to_string();
        assert_eq!(message, expected);
        assert!(message.starts_with(
            "outer step failed\n\nCaused by:\n    0: inner step failed\n    1: oh no!"
        ));
    });
}
