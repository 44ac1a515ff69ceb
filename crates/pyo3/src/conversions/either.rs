//! Conversions for [either](https://docs.rs/either)'s `Either<L, R>`. Into Python, the
//! inner value is converted as it would be on its own. From Python, `L` is tried first and
//! then `R`; when both fail the error is a `TypeError` naming both Rust types, e.g.
//! `failed to convert the value to 'Union[i32, alloc::string::String]'`.
//!
//! Enable with the `either` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["either"] }
//! either = "1.9"
//! ```
//!
//! ```rust
//! # #[cfg(feature = "either")] {
//! use either::Either;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let value: Either<i64, String> = py.eval(c"'text'", None, None)?.extract()?;
//!     assert_eq!(value, Either::Right("text".to_owned()));
//!
//!     let number = Either::<i64, String>::Left(7).into_pyobject(py)?;
//!     assert_eq!(number.extract::<i64>()?, 7);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use either::Either;

use crate::conversion::{FromPyObject, IntoPyObject, IntoPyObjectExt};
use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound};
use crate::types::PyAny;
use crate::{PyErr, Python};

impl<'py, L, R> IntoPyObject<'py> for Either<L, R>
where
    L: IntoPyObject<'py>,
    R: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            Either::Left(left) => left.into_bound_py_any(py),
            Either::Right(right) => right.into_bound_py_any(py),
        }
    }
}

impl<'a, 'py, L, R> IntoPyObject<'py> for &'a Either<L, R>
where
    &'a L: IntoPyObject<'py>,
    &'a R: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            Either::Left(left) => left.into_bound_py_any(py),
            Either::Right(right) => right.into_bound_py_any(py),
        }
    }
}

impl<'a, 'py, L, R> FromPyObject<'a, 'py> for Either<L, R>
where
    L: FromPyObject<'a, 'py>,
    R: FromPyObject<'a, 'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(left) = obj.extract::<L>() {
            return Ok(Either::Left(left));
        }
        if let Ok(right) = obj.extract::<R>() {
            return Ok(Either::Right(right));
        }
        Err(neither_error(
            std::any::type_name::<L>(),
            std::any::type_name::<R>(),
        ))
    }
}

/// The `TypeError` for a value that is neither `L` nor `R`.
#[cold]
fn neither_error(left: &str, right: &str) -> PyErr {
    PyTypeError::new_err(format!(
        "failed to convert the value to 'Union[{left}, {right}]'"
    ))
}
