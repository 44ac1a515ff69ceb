//! [`num-rational`](https://docs.rs/num-rational)'s `Ratio<i8|i16|i32|i64|isize>` (and
//! `Ratio<BigInt>` with the `num-bigint` feature too) to and from Python's
//! `fractions.Fraction` (cargo feature `num-rational`).
//!
//! Into Python a ratio becomes `Fraction(numer, denom)`. Out of Python any object with
//! integral `numerator` and `denominator` attributes extracts (a `Fraction`, an `int`, or a
//! user type following the `numbers.Rational` protocol); the value is reduced to lowest
//! terms with a positive denominator before the parts are converted to the integer type,
//! which raises `OverflowError` when either part does not fit. A zero denominator raises
//! `ZeroDivisionError`, as `Fraction(n, 0)` does.
//!
//! ```toml
//! [dependencies]
//! num-rational = "0.4"
//! pyo3 = { version = "0.27.2", features = ["num-rational"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "num-rational")] {
//! use num_rational::Ratio;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let third: Ratio<i32> = py
//!         .eval(c"__import__('fractions').Fraction(2, 6)", None, None)?
//!         .extract()?;
//!     assert_eq!(third, Ratio::new(1, 3));
//!     assert_eq!(third.into_pyobject(py)?.str()?.to_string(), "1/3");
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use num_rational::Ratio;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyZeroDivisionError;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyInt, PyType};
use crate::{ffi, intern, PyErr, PyResult, Python};

/// `fractions.Fraction`, imported once.
fn fraction_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "fractions", "Fraction")
}

/// `math.gcd`, imported once.
fn gcd_function(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static FUNCTION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    FUNCTION.import(py, "math", "gcd")
}

/// `int(x)`.
fn to_int<'py>(x: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; returns a new reference or NULL with an exception set.
    unsafe { ffi::PyNumber_Long(x.as_ptr()).assume_owned_or_err(x.py()) }
}

/// The numerator and denominator of `obj` as Python ints, in lowest terms with a positive
/// denominator. Exact `Fraction`s and `int`s already are, and skip the reduction.
fn fraction_parts<'py>(
    obj: Borrowed<'_, 'py, PyAny>,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    let py = obj.py();
    let numer = to_int(&obj.getattr(intern!(py, "numerator"))?)?;
    let denom = to_int(&obj.getattr(intern!(py, "denominator"))?)?;
    let obj_type = obj.get_type();
    let normalised = obj_type.is(py.get_type::<PyInt>()) || obj_type.is(fraction_class(py)?);
    if normalised && denom.gt(0)? {
        return Ok((numer, denom));
    }
    if !denom.is_truthy()? {
        return Err(PyZeroDivisionError::new_err(format!(
            "Fraction({}, 0)",
            numer.repr()?
        )));
    }
    let mut gcd = gcd_function(py)?.call1((&numer, &denom))?;
    if denom.lt(0)? {
        gcd = gcd.neg()?;
    }
    Ok((numer.floor_div(&gcd)?, denom.floor_div(&gcd)?))
}

/// A ratio of the already reduced parts.
fn ratio_from_parts<'py, T>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Ratio<T>>
where
    T: for<'a> FromPyObject<'a, 'py, Error = PyErr>,
{
    let (numer, denom) = fraction_parts(obj)?;
    // The parts are coprime with a positive denominator, which is `Ratio`'s invariant.
    Ok(Ratio::new_raw(numer.extract()?, denom.extract()?))
}

macro_rules! ratio_conversions {
    ($($int:ty),*) => {$(
        impl<'py> FromPyObject<'_, 'py> for Ratio<$int> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
                ratio_from_parts(obj)
            }
        }

        impl<'py> IntoPyObject<'py> for Ratio<$int> {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (&self).into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &Ratio<$int> {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            /// `fractions.Fraction(numer, denom)`.
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                fraction_class(py)?.call1((self.numer(), self.denom()))
            }
        }
    )*};
}

ratio_conversions!(i8, i16, i32, i64, isize);
#[cfg(feature = "num-bigint")]
ratio_conversions!(num_bigint::BigInt);
