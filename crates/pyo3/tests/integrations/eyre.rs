//! `From<eyre::Report> for PyErr`.

use eyre::{bail, eyre, WrapErr};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;

fn failing_io() -> eyre::Result<()> {
    bail!(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "oh no!"
    ));
}

fn nested() -> eyre::Result<()> {
    failing_io()
        .wrap_err("inner step failed")
        .wrap_err("outer step failed")
}

#[test]
fn bare_pyerr_comes_back_unchanged() {
    Python::attach(|py| {
        let original = PyValueError::new_err("the value was bad");
        let original_value = original.value(py).clone();
        let report: eyre::Report = original.into();
        let back = PyErr::from(report);
        assert!(back.is_instance_of::<PyValueError>(py));
        assert!(back.value(py).is(&original_value));
        assert_eq!(back.value(py).to_string(), "the value was bad");
    });
}

#[test]
fn pyerr_with_context_becomes_runtime_error() {
    Python::attach(|py| {
        let report = eyre::Report::from(PyValueError::new_err("the value was bad"))
            .wrap_err("while parsing");
        let expected = format!("{report:?}");
        let err = PyErr::from(report);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        let message = err.value(py).to_string();
        assert_eq!(message, expected);
        assert!(
            message.starts_with("while parsing\n\nCaused by:\n    ValueError: the value was bad")
        );
    });
}

#[test]
fn plain_report_and_cause_chain() {
    Python::attach(|py| {
        let report = eyre!("Some sort of error");
        let expected = format!("{report:?}");
        let err = PyErr::from(report);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(err.value(py).to_string(), expected);
        assert!(expected.starts_with("Some sort of error"));

        let report = nested().unwrap_err();
        let expected = format!("{report:?}");
        let err = PyErr::from(report);
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        let message = err.value(py).to_string();
        assert_eq!(message, expected);
        assert!(message
            .starts_with("outer step failed\n\nCaused by:\n   0: inner step failed\n   1: oh no!"));
    });
}
