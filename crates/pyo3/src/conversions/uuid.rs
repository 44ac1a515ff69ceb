//! [`uuid`](https://docs.rs/uuid)'s `Uuid` to and from Python's `uuid.UUID` (cargo feature
//! `uuid`).
//!
//! Only instances of `uuid.UUID` (or subclasses) extract, through their 128-bit `int`;
//! anything else, strings included, raises `TypeError`.
//!
//! ```toml
//! [dependencies]
//! uuid = "1"
//! pyo3 = { version = "0.27.2", features = ["uuid"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "uuid")] {
//! use pyo3::prelude::*;
//! use uuid::Uuid;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let id = Uuid::from_u128(0x12345678_1234_5678_1234_567812345678);
//!     let obj = id.into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "12345678-1234-5678-1234-567812345678");
//!     assert_eq!(obj.extract::<Uuid>()?, id);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use uuid::Uuid;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyType};
use crate::{intern, PyErr, PyResult, Python};

/// `uuid.UUID`, imported once.
fn uuid_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "uuid", "UUID")
}

impl FromPyObject<'_, '_> for Uuid {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let py = obj.py();
        if !obj.is_instance(uuid_class(py)?)? {
            return Err(PyTypeError::new_err("Expected a `uuid.UUID` instance."));
        }
        let value: u128 = obj.getattr(intern!(py, "int"))?.extract()?;
        Ok(Uuid::from_u128(value))
    }
}

impl<'py> IntoPyObject<'py> for Uuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `uuid.UUID` built from the 128-bit integer (`UUID(int=...)`).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let none = py.None();
        // `UUID(hex, bytes, bytes_le, fields, int)`: passing `int` positionally avoids a
        // keyword dictionary.
        uuid_class(py)?.call1((&none, &none, &none, &none, self.as_u128()))
    }
}

impl<'py> IntoPyObject<'py> for &Uuid {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}
