//! Conversions for [bytes](https://docs.rs/bytes)'s `Bytes`: into a Python `bytes` (one
//! copy), and from a `bytes` or `bytearray`. Extraction does not copy: the `Bytes` keeps
//! the Python object alive and views its buffer (a `bytearray`, whose buffer may change,
//! is copied once, as [`PyBackedBytes`](crate::pybacked::PyBackedBytes) does).
//!
//! Enable with the `bytes` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["bytes"] }
//! bytes = "1.10"
//! ```
//!
//! ```rust
//! # #[cfg(feature = "bytes")] {
//! use bytes::Bytes;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let data: Bytes = py.eval(c"b'\\x00abc'", None, None)?.extract()?;
//!     assert_eq!(&data[..], b"\x00abc");
//!
//!     let back = Bytes::from_static(b"xyz").into_pyobject(py)?;
//!     assert_eq!(back.as_bytes(), b"xyz");
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use bytes::Bytes;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::instance::{Borrowed, Bound};
use crate::pybacked::PyBackedBytes;
use crate::types::{PyAny, PyBytes};
use crate::{PyErr, Python};

impl<'py> IntoPyObject<'py> for Bytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, &self))
    }
}

impl<'py> IntoPyObject<'py> for &Bytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBytes::new(py, self))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Bytes {
    type Error = CastError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let backed = obj.extract::<PyBackedBytes>()?;
        Ok(Bytes::from_owner(backed))
    }
}
