//! The errors of failed casts. `CastError`/`CastIntoError` (from `Bound::cast` and
//! friends) name the Python type they were checked against: `'int' object cannot be cast
//! as 'str'`. The older `DowncastError`/`DowncastIntoError` (from the deprecated
//! `downcast*` methods) name a Rust-side string: `'int' object cannot be converted to
//! 'PyString'`. All four become `TypeError`s.

use std::borrow::Cow;
use std::fmt;

use crate::exceptions::PyTypeError;
use crate::instance::{Borrowed, Bound};
use crate::types::{
    PyAny, PyAnyMethods, PyStringMethods, PyTuple, PyTupleMethods, PyType, PyTypeMethods,
};
use crate::PyErr;

/// A failed cast of a borrowed object: `from` did not pass the check against `to`, the
/// type object (or tuple of them) the cast was made to.
pub struct CastError<'a, 'py> {
    from: Borrowed<'a, 'py, PyAny>,
    to: Bound<'py, PyAny>,
}

/// A failed cast that owned the object (returned by `cast_into`, so the object is not
/// lost: see [`CastIntoError::into_inner`]).
pub struct CastIntoError<'py> {
    from: Bound<'py, PyAny>,
    to: Bound<'py, PyAny>,
}

/// A failed downcast in PyO3's pre-0.27 form, naming the target by a string.
pub struct DowncastError<'a, 'py> {
    from: Borrowed<'a, 'py, PyAny>,
    to: Cow<'static, str>,
}

/// The owning counterpart of [`DowncastError`].
pub struct DowncastIntoError<'py> {
    from: Bound<'py, PyAny>,
    to: Cow<'static, str>,
}

impl<'a, 'py> CastError<'a, 'py> {
    /// Records that `from` failed the type check against `to` (a type object or a tuple
    /// of type objects, as `isinstance` takes).
    pub fn new(from: Borrowed<'a, 'py, PyAny>, to: Bound<'py, PyAny>) -> Self {
        CastError { from, to }
    }
}

impl<'py> CastIntoError<'py> {
    /// Records that `from` failed the type check against `to`.
    pub fn new(from: Bound<'py, PyAny>, to: Bound<'py, PyAny>) -> Self {
        CastIntoError { from, to }
    }

    /// Gives back the object that failed to cast.
    pub fn into_inner(self) -> Bound<'py, PyAny> {
        self.from
    }
}

impl<'a, 'py> DowncastError<'a, 'py> {
    /// Records that `from` could not be viewed as the type named `to`.
    pub fn new(from: &'a Bound<'py, PyAny>, to: impl Into<Cow<'static, str>>) -> Self {
        DowncastError {
            from: from.as_borrowed(),
            to: to.into(),
        }
    }
}

impl<'a, 'py> DowncastError<'a, 'py> {
    pub(crate) fn from_borrowed(from: Borrowed<'a, 'py, PyAny>, to: &'static str) -> Self {
        DowncastError {
            from,
            to: Cow::Borrowed(to),
        }
    }
}

impl<'py> DowncastIntoError<'py> {
    /// Records that `from` could not be converted into the type named `to`.
    pub fn new(from: Bound<'py, PyAny>, to: impl Into<Cow<'static, str>>) -> Self {
        DowncastIntoError {
            from,
            to: to.into(),
        }
    }

    /// Gives back the object that failed to convert.
    pub fn into_inner(self) -> Bound<'py, PyAny> {
        self.from
    }
}

/// The `__qualname__` of `object`'s type, or a placeholder if it cannot be read.
fn type_qualname(object: &Bound<'_, PyAny>) -> String {
    object
        .get_type()
        .qualname()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|_| String::from("<failed to extract type name>"))
}

/// Writes a classinfo the way the cast messages show it: a type by its qualified name, a
/// tuple as its members joined with ` | `, anything else by its `str()`.
fn write_classinfo(f: &mut fmt::Formatter<'_>, classinfo: &Bound<'_, PyAny>) -> fmt::Result {
    if let Ok(ty) = classinfo.cast::<PyType>() {
        let name = ty.qualname().map_err(|_| fmt::Error)?;
        f.write_str(&name.to_string_lossy())
    } else if let Ok(members) = classinfo.cast::<PyTuple>() {
        for (i, member) in members.iter().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            write_classinfo(f, &member)?;
        }
        Ok(())
    } else {
        fmt::Display::fmt(classinfo, f)
    }
}

/// The cast message, rendered once so both `Display` and the `TypeError` share it.
struct CastMessage<'a, 'py> {
    from: &'a Bound<'py, PyAny>,
    to: &'a Bound<'py, PyAny>,
}

impl fmt::Display for CastMessage<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' object cannot be cast as '",
            type_qualname(self.from)
        )?;
        write_classinfo(f, self.to)?;
        f.write_str("'")
    }
}

fn downcast_message(from: &Bound<'_, PyAny>, to: &str) -> String {
    format!(
        "'{}' object cannot be converted to '{}'",
        type_qualname(from),
        to
    )
}

impl fmt::Display for CastError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        CastMessage {
            from: &self.from,
            to: &self.to,
        }
        .fmt(f)
    }
}

impl fmt::Display for CastIntoError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        CastMessage {
            from: &self.from,
            to: &self.to,
        }
        .fmt(f)
    }
}

impl fmt::Display for DowncastError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&downcast_message(&self.from, &self.to))
    }
}

impl fmt::Display for DowncastIntoError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&downcast_message(&self.from, &self.to))
    }
}

macro_rules! debug_and_error {
    ($name:ident $(<$($lt:lifetime),+>)?) => {
        impl fmt::Debug for $name $(<$($lt),+>)? {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($name))
                    .field("from", &self.from)
                    .field("to", &self.to)
                    .finish()
            }
        }

        impl std::error::Error for $name $(<$($lt),+>)? {}

        impl From<$name $(<$($lt),+>)?> for PyErr {
            fn from(err: $name $(<$($lt),+>)?) -> PyErr {
                // The message is rendered now: the error borrows objects tied to the
                // attachment, which a lazily built `PyErr` may outlive.
                PyTypeError::new_err(err.to_string())
            }
        }
    };
}

debug_and_error!(CastError<'_, '_>);
debug_and_error!(CastIntoError<'_>);
debug_and_error!(DowncastError<'_, '_>);
debug_and_error!(DowncastIntoError<'_>);
