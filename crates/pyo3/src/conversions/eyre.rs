//! `From<eyre::Report> for PyErr`, so that `?` turns an [eyre](https://docs.rs/eyre) report
//! into a Python exception.
//!
//! An `eyre::Report` that is a bare [`PyErr`] (no context wrapped around it) gives that `PyErr` back
//! unchanged, with its type and value. Anything else becomes a `RuntimeError` whose message
//! is the report's `Debug` form as its installed handler writes it (for eyre's default
//! handler: the error, then `Caused by:` and the chain of causes, then the `Location:` where
//! the report was made).
//!
//! Enable with the `eyre` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["eyre"] }
//! eyre = "0.6"
//! ```
//!
//! ```rust
//! # #[cfg(all(feature = "eyre", feature = "macros"))] {
//! use eyre::WrapErr;
//! use pyo3::prelude::*;
//!
//! #[pyfunction]
//! fn parse(text: &str) -> eyre::Result<u16> {
//!     Ok(text.parse::<u16>().wrap_err("not a port number")?)
//! }
//!
//! Python::attach(|py| {
//!     let err = PyErr::from(parse("x").unwrap_err());
//!     assert!(err.is_instance_of::<pyo3::exceptions::PyRuntimeError>(py));
//!     let message = err.value(py).to_string();
//!     assert!(message.starts_with("not a port number\n\nCaused by:\n    invalid digit"));
//! });
//! # }
//! ```

use crate::exceptions::PyRuntimeError;
use crate::PyErr;

impl From<eyre::Report> for PyErr {
    fn from(error: eyre::Report) -> Self {
        // Only a `PyErr` with nothing wrapped around it is handed back as it is: with a
        // context attached, the context is part of the message and must not be lost.
        let error = if error.source().is_none() {
            match error.downcast::<PyErr>() {
                Ok(py_err) => return py_err,
                Err(error) => error,
            }
        } else {
            error
        };
        PyRuntimeError::new_err(format!("{error:?}"))
    }
}
