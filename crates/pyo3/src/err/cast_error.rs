//! The errors of failed casts (`Bound::cast`, `cast_into`), which become `TypeError`s
//! reading `'int' object cannot be converted to 'PyString'`.

use std::borrow::Cow;

use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PyStringMethods, PyTypeMethods};
use crate::PyErr;

/// A failed cast of a borrowed object to a Python type.
pub struct CastError<'a, 'py> {
    from: Borrowed<'a, 'py, PyAny>,
    to: Cow<'static, str>,
}

/// A failed cast that owned the object (returned by `cast_into`, so the object is not lost).
pub struct CastIntoError<'py> {
    from: Bound<'py, PyAny>,
    to: Cow<'static, str>,
}

/// The name PyO3 0.26 and earlier used for [`CastError`].
pub type DowncastError<'a, 'py> = CastError<'a, 'py>;
/// The name PyO3 0.26 and earlier used for [`CastIntoError`].
pub type DowncastIntoError<'py> = CastIntoError<'py>;

impl<'a, 'py> CastError<'a, 'py> {
    /// Records that `from` could not be viewed as the type named `to`.
    pub fn new(
        from: impl Into<Borrowed<'a, 'py, PyAny>>,
        to: impl Into<Cow<'static, str>>,
    ) -> Self {
        CastError {
            from: from.into(),
            to: to.into(),
        }
    }
}

impl<'py> CastIntoError<'py> {
    /// Records that `from` could not be converted into the type named `to`.
    pub fn new(from: Bound<'py, PyAny>, to: impl Into<Cow<'static, str>>) -> Self {
        CastIntoError {
            from,
            to: to.into(),
        }
    }

    /// Gives back the object that failed to convert.
    pub fn into_inner(self) -> Bound<'py, PyAny> {
        self.from
    }
}

fn describe(
    from: &Bound<'_, PyAny>,
    to: &str,
    f: &mut std::fmt::Formatter<'_>,
) -> std::fmt::Result {
    let ty = from.get_type();
    match ty.qualname() {
        Ok(name) => write!(
            f,
            "'{}' object cannot be converted to '{}'",
            name.to_string_lossy(),
            to
        ),
        Err(_) => write!(f, "object cannot be converted to '{}'", to),
    }
}

impl std::fmt::Display for CastError<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        describe(&self.from, &self.to, f)
    }
}

impl std::fmt::Debug for CastError<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CastError")
            .field("from", &self.from)
            .field("to", &self.to)
            .finish()
    }
}

impl std::fmt::Display for CastIntoError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        describe(&self.from, &self.to, f)
    }
}

impl std::fmt::Debug for CastIntoError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CastIntoError")
            .field("from", &self.from)
            .field("to", &self.to)
            .finish()
    }
}

impl std::error::Error for CastError<'_, '_> {}
impl std::error::Error for CastIntoError<'_> {}

impl From<CastError<'_, '_>> for PyErr {
    fn from(err: CastError<'_, '_>) -> PyErr {
        PyTypeError::new_err(err.to_string())
    }
}

impl From<CastIntoError<'_>> for PyErr {
    fn from(err: CastIntoError<'_>) -> PyErr {
        PyTypeError::new_err(err.to_string())
    }
}
