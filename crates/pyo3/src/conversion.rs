//! The conversion traits between Rust values and Python objects: `IntoPyObject` (Rust to
//! Python), `FromPyObject` (Python to Rust) and their helpers. Implementations for std
//! types live in `conversions/`.

use std::convert::Infallible;

use crate::err::CastError;
use crate::ffi;
use crate::instance::{Borrowed, Bound, Py};
use crate::type_object::PyTypeCheck;
use crate::types::PyAny;
use crate::{PyErr, PyResult, Python};

/// Conversion of a Rust value into a Python object.
///
/// ```
/// use pyo3::prelude::*;
/// Python::attach(|py| {
///     let obj = "hello".into_pyobject(py).unwrap();
///     assert_eq!(obj.to_str().unwrap(), "hello");
/// });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be converted to a Python object",
    note = "implement `IntoPyObject` for `{Self}`, or `IntoPyObject for &{Self}` if a reference is passed"
)]
pub trait IntoPyObject<'py>: Sized {
    /// The Python type of the result.
    type Target;
    /// The smart pointer returned (`Bound` or `Borrowed`).
    type Output: BoundObject<'py, Self::Target>;
    /// The error when conversion fails.
    type Error: Into<PyErr>;

    /// Performs the conversion.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error>;

    /// The Python type hint of the converted value, as a dotted name (`typing.Any` unless
    /// the implementation says better).
    #[cfg(feature = "experimental-inspect")]
    const OUTPUT_TYPE: &'static str = "typing.Any";

    /// The type hint of this type as a return value (`Any` unless the implementation says
    /// better).
    #[cfg(feature = "experimental-inspect")]
    fn type_output() -> crate::inspect::types::TypeInfo {
        crate::inspect::types::TypeInfo::Any
    }

    /// Converts a `Vec<Self>` (or another owned sequence); a `list` unless the element type
    /// knows better (`u8` makes `bytes`).
    #[doc(hidden)]
    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self>,
        I::IntoIter: ExactSizeIterator,
    {
        let list = crate::types::PyList::empty(py);
        for item in iter {
            crate::types::PyListMethods::append(&list, item)?;
        }
        Ok(list.into_any())
    }
}

pub(crate) mod private {
    /// Keeps the hidden `IntoPyObject` methods out of reach of other crates' calls.
    pub struct Token;
}

/// What `IntoPyObject` returns: an owned `Bound` or a `Borrowed` reference.
pub trait BoundObject<'py, T>: Sized {
    /// The same pointer viewed as `PyAny`.
    type Any: BoundObject<'py, PyAny>;
    /// Borrows the object.
    fn as_borrowed(&self) -> Borrowed<'_, 'py, T>;
    /// Converts into an owned `Bound` (adding a reference if borrowed).
    fn into_bound(self) -> Bound<'py, T>;
    /// Views as `PyAny`.
    fn into_any(self) -> Self::Any;
    /// Converts into an owned raw pointer.
    fn into_ptr(self) -> *mut ffi::PyObject;
    /// The raw pointer.
    fn as_ptr(&self) -> *mut ffi::PyObject;
    /// Converts into an owned `Py`.
    fn unbind(self) -> Py<T>;
}

impl<'py, T> BoundObject<'py, T> for Bound<'py, T> {
    type Any = Bound<'py, PyAny>;

    fn as_borrowed(&self) -> Borrowed<'_, 'py, T> {
        Bound::as_borrowed(self)
    }
    fn into_bound(self) -> Bound<'py, T> {
        self
    }
    fn into_any(self) -> Self::Any {
        Bound::into_any(self)
    }
    fn into_ptr(self) -> *mut ffi::PyObject {
        Bound::into_ptr(self)
    }
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Bound::as_ptr(self)
    }
    fn unbind(self) -> Py<T> {
        Bound::unbind(self)
    }
}

impl<'a, 'py, T> BoundObject<'py, T> for Borrowed<'a, 'py, T> {
    type Any = Borrowed<'a, 'py, PyAny>;

    fn as_borrowed(&self) -> Borrowed<'a, 'py, T> {
        *self
    }
    fn into_bound(self) -> Bound<'py, T> {
        self.to_owned()
    }
    fn into_any(self) -> Self::Any {
        self.to_any()
    }
    fn into_ptr(self) -> *mut ffi::PyObject {
        self.to_owned().into_ptr()
    }
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Borrowed::as_ptr(*self)
    }
    fn unbind(self) -> Py<T> {
        self.to_owned().unbind()
    }
}

/// Extraction of a Rust value from a Python object.
///
/// `'a` is how long the input is borrowed (a `&'a str` may point into a Python string);
/// `'py` is the attached-thread lifetime.
///
/// ```
/// use pyo3::prelude::*;
/// Python::attach(|py| {
///     let obj = 42i32.into_pyobject(py).unwrap();
///     let n: u8 = obj.extract().unwrap();
///     assert_eq!(n, 42);
/// });
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extracted from a Python object",
    note = "implement `FromPyObject` for `{Self}` or derive it with `#[derive(FromPyObject)]`"
)]
pub trait FromPyObject<'a, 'py>: Sized {
    /// The error when extraction fails.
    type Error: Into<PyErr>;

    /// Extracts `Self` from `obj`.
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error>;

    /// `Some` only for chrono's `Local`: lets `DateTime<Local>` take a naive `datetime` as
    /// local time, which no other time zone does. Not callable outside this crate (the
    /// token cannot be named there).
    #[cfg(feature = "chrono-local")]
    #[inline]
    fn as_local_tz(_: private::Token) -> Option<Self> {
        None
    }

    /// The Python type hint of the values accepted, as a dotted name (`typing.Any` unless
    /// the implementation says better).
    #[cfg(feature = "experimental-inspect")]
    const INPUT_TYPE: &'static str = "typing.Any";

    /// The type hint of this type as an argument (`Any` unless the implementation says
    /// better).
    #[cfg(feature = "experimental-inspect")]
    fn type_input() -> crate::inspect::types::TypeInfo {
        crate::inspect::types::TypeInfo::Any
    }

    /// `Some` only for `u8`, when `obj` is a `bytes` or `bytearray` (subclasses included):
    /// its contents, copied at once, so `Vec<u8>` reads the buffer instead of converting
    /// item by item (and ignores a subclass's `__iter__`, as PyO3 does). Not callable
    /// outside this crate (the token cannot be named there).
    #[doc(hidden)]
    #[inline]
    fn byte_buffer(_obj: Borrowed<'_, 'py, PyAny>, _: private::Token) -> Option<Vec<Self>> {
        None
    }

    /// `Some` only for `u8`, when `obj` is exactly a `bytes` or `bytearray`: `[u8; N]`
    /// copied from its buffer at once, or the `ValueError` of a wrong length, so `[u8; N]`
    /// does not convert item by item. Not callable outside this crate (the token cannot be
    /// named there).
    #[doc(hidden)]
    #[inline]
    fn byte_array<const N: usize>(
        _obj: Borrowed<'_, 'py, PyAny>,
        _: private::Token,
    ) -> Option<PyResult<[Self; N]>> {
        None
    }
}

/// A `FromPyObject` type that borrows nothing from its input.
pub trait FromPyObjectOwned<'py>: for<'a> FromPyObject<'a, 'py> {}

impl<'py, T> FromPyObjectOwned<'py> for T where T: for<'a> FromPyObject<'a, 'py> {}

/// Convenience methods for every `IntoPyObject` type.
pub trait IntoPyObjectExt<'py>: IntoPyObject<'py> {
    /// Converts into `Bound<'py, PyAny>`.
    fn into_bound_py_any(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().into_bound()),
            Err(err) => Err(err.into()),
        }
    }

    /// Converts into `Py<PyAny>`.
    fn into_py_any(self, py: Python<'py>) -> PyResult<Py<PyAny>> {
        self.into_bound_py_any(py).map(Bound::unbind)
    }

    /// Converts, turning the error into a `PyErr`.
    fn into_pyobject_or_pyerr(self, py: Python<'py>) -> PyResult<Self::Output> {
        self.into_pyobject(py).map_err(Into::into)
    }
}

impl<'py, T: IntoPyObject<'py>> IntoPyObjectExt<'py> for T {}

/// Converts a value for a C API call that takes any object (crate-private shorthand for
/// [`IntoPyObjectExt::into_bound_py_any`]).
#[inline]
pub(crate) fn to_any<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    value.into_bound_py_any(py)
}

/// Access to the raw pointer of a Python smart pointer.
pub trait AsPyPointer {
    /// The raw pointer (ownership unchanged).
    fn as_ptr(&self) -> *mut ffi::PyObject;
}

impl<T> AsPyPointer for Bound<'_, T> {
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Bound::as_ptr(self)
    }
}

impl<T> AsPyPointer for Py<T> {
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Py::as_ptr(self)
    }
}

impl<T> AsPyPointer for Borrowed<'_, '_, T> {
    fn as_ptr(&self) -> *mut ffi::PyObject {
        Borrowed::as_ptr(*self)
    }
}

// --- Python smart pointers convert to themselves ---

impl<'py, T> IntoPyObject<'py> for Bound<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Bound<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.as_borrowed())
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for Borrowed<'a, 'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &Borrowed<'a, 'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(*self)
    }
}

impl<'py, T> IntoPyObject<'py> for Py<T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_bound(py))
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Py<T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.bind_borrowed(py))
    }
}

/// A reference to a reference converts as the inner reference does (handy for the items of
/// `iter()` over a collection of references).
impl<'a, 'py, T> IntoPyObject<'py> for &&'a T
where
    &'a T: IntoPyObject<'py>,
{
    type Target = <&'a T as IntoPyObject<'py>>::Target;
    type Output = <&'a T as IntoPyObject<'py>>::Output;
    type Error = <&'a T as IntoPyObject<'py>>::Error;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Bound<'py, T> {
    type Error = CastError<'a, 'py>;

    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<T>().map(Borrowed::to_owned)
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Borrowed<'a, 'py, T> {
    type Error = CastError<'a, 'py>;

    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<T>()
    }
}

impl<'a, 'py, T: PyTypeCheck> FromPyObject<'a, 'py> for Py<T> {
    type Error = CastError<'a, 'py>;

    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<T>().map(|b| b.to_owned().unbind())
    }
}
