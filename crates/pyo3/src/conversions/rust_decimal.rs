//! [`rust_decimal`](https://docs.rs/rust_decimal)'s `Decimal` to and from Python's
//! `decimal.Decimal` (cargo feature `rust_decimal`).
//!
//! Into Python a `Decimal` goes through its decimal string, so every digit and the scale
//! survive. Out of Python, an integer (anything with `__index__` that fits in an `i64`) is
//! taken as is; any other object is converted through `str()` and parsed, in plain or
//! scientific notation, so `decimal.Decimal`, `float` and numeric strings all work. NaN,
//! infinities and values beyond `Decimal`'s 96-bit mantissa raise `ValueError`.
//!
//! ```toml
//! [dependencies]
//! rust_decimal = "1"
//! pyo3 = { version = "0.27.2", features = ["rust_decimal"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "rust_decimal")] {
//! use pyo3::prelude::*;
//! use rust_decimal::Decimal;
//! use std::str::FromStr;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let price = Decimal::from_str("19.990").unwrap();
//!     let obj = price.into_pyobject(py)?;
//!     assert_eq!(obj.repr()?.to_string(), "Decimal('19.990')");
//!     assert_eq!(obj.extract::<Decimal>()?, price);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods, PyType};
use crate::{PyErr, PyResult, Python};

/// `decimal.Decimal`, imported once.
fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "Decimal")
}

impl FromPyObject<'_, '_> for Decimal {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(int) = obj.extract::<i64>() {
            return Ok(Decimal::new(int, 0));
        }
        let text = obj.str()?;
        let text = text.to_cow()?;
        Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl<'py> IntoPyObject<'py> for Decimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// `decimal.Decimal(str(self))`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        decimal_class(py)?.call1((self.to_string(),))
    }
}

impl<'py> IntoPyObject<'py> for &Decimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}
