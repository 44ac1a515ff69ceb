//! [`bigdecimal`](https://docs.rs/bigdecimal)'s `BigDecimal` to and from Python's
//! `decimal.Decimal` (cargo feature `bigdecimal`).
//!
//! Into Python the value is rebuilt exactly from its digits and exponent
//! (`Decimal((sign, digits, exponent))`), so no precision is lost whatever the decimal
//! context says. Out of Python any object is converted through `str()` and parsed, so
//! `decimal.Decimal`, `int`, `float` and numeric strings work; NaN and infinities cannot be
//! represented and raise `ValueError`.
//!
//! ```toml
//! [dependencies]
//! bigdecimal = "0.4"
//! pyo3 = { version = "0.27.2", features = ["bigdecimal"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "bigdecimal")] {
//! use bigdecimal::BigDecimal;
//! use pyo3::prelude::*;
//! use std::str::FromStr;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let tiny = BigDecimal::from_str("-1.5e-300").unwrap();
//!     let obj = tiny.clone().into_pyobject(py)?;
//!     assert_eq!(obj.str()?.to_string(), "-1.5E-300");
//!     assert_eq!(obj.extract::<BigDecimal>()?, tiny);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use std::str::FromStr;

use bigdecimal::BigDecimal;
use num_bigint::{BigInt, Sign};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods, PyTuple, PyType};
use crate::{PyErr, PyResult, Python};

/// `decimal.Decimal`, imported once.
fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "Decimal")
}

/// `decimal.InvalidOperation`, imported once.
fn invalid_operation_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "decimal", "InvalidOperation")
}

impl FromPyObject<'_, '_> for BigDecimal {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let text = obj.str()?;
        let text = text.to_cow()?;
        BigDecimal::from_str(&text).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

impl<'py> IntoPyObject<'py> for BigDecimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// An exactly equal `decimal.Decimal`, with the same exponent.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (digits, scale) = self.into_bigint_and_scale();
        decimal_from_parts(py, &digits, scale)
    }
}

impl<'py> IntoPyObject<'py> for &BigDecimal {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.clone().into_pyobject(py)
    }
}

/// `Decimal(value * 10**-scale)`, built without rounding.
fn decimal_from_parts<'py>(
    py: Python<'py>,
    value: &BigInt,
    scale: i64,
) -> PyResult<Bound<'py, PyAny>> {
    let class = decimal_class(py)?;
    if scale == 0 {
        return class.call1((value,));
    }
    // Python's exponent is the negated scale; `i64::MIN` has no negation, and Python's
    // decimal module itself answers an unrepresentable exponent with `InvalidOperation`.
    let exponent = match scale.checked_neg() {
        Some(exponent) => exponent,
        None => {
            return Err(match invalid_operation_class(py) {
                Ok(class) => PyErr::from_type(class.clone(), ()),
                Err(err) => err,
            })
        }
    };
    let (sign, digits) = value.to_radix_be(10);
    let digits = PyTuple::new(py, digits)?;
    class.call1(((i32::from(sign == Sign::Minus), digits, exponent),))
}
