//! `From<anyhow::Error> for PyErr`, so that `?` turns an [anyhow](https://docs.rs/anyhow)
//! error into a Python exception.
//!
//! An `anyhow::Error` that is a bare [`PyErr`] (no context added) gives that `PyErr` back
//! unchanged, with its type and value. Anything else becomes a `RuntimeError` whose message
//! is the error's `Debug` form, i.e. the error, then `Caused by:` and each cause of the
//! chain on its own line (numbered when there are several), and the backtrace if anyhow
//! captured one.
//!
//! Enable with the `anyhow` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["anyhow"] }
//! anyhow = "1"
//! ```
//!
//! ```rust
//! # #[cfg(all(feature = "anyhow", feature = "macros"))] {
//! use anyhow::Context;
//! use pyo3::prelude::*;
//!
//! #[pyfunction]
//! fn parse(text: &str) -> anyhow::Result<u16> {
//!     Ok(text.parse::<u16>().context("not a port number")?)
//! }
//!
//! Python::attach(|py| {
//!     let err = PyErr::from(parse("x").unwrap_err());
//!     assert!(err.is_instance_of::<pyo3::exceptions::PyRuntimeError>(py));
//!     // (followed by a backtrace when `RUST_BACKTRACE` asks anyhow to capture one)
//!     let message = err.value(py).to_string();
//!     assert!(message.starts_with("not a port number\n\nCaused by:\n    invalid digit"));
//! });
//! # }
//! ```

use crate::exceptions::PyRuntimeError;
use crate::PyErr;

impl From<anyhow::Error> for PyErr {
    fn from(error: anyhow::Error) -> Self {
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
