//! Turning a `#[pyfunction]`'s return value into the new reference CPython expects.
//!
//! `()` and `Result<(), E>` become `None` (not the empty tuple that `()` converts to
//! elsewhere). That choice is made by method resolution on the concrete return type:
//! `converter(&value)` yields a `Converter<R>` whose inherent methods cover the unit cases
//! and which derefs to the general `AnyConverter<R>` for everything else.

use std::marker::PhantomData;
use std::ops::Deref;

use crate::conversion::{BoundObject, IntoPyObject};
use crate::ffi;
use crate::{PyErr, PyResult, Python};

/// Chooses the conversion for a return value of type `R`.
pub struct Converter<R>(AnyConverter<R>);

/// The conversion for any `IntoPyObject` value or `Result` of one.
pub struct AnyConverter<R>(PhantomData<R>);

/// Starts the conversion of `value` (only its type matters).
#[inline(always)]
pub fn converter<R>(_value: &R) -> Converter<R> {
    Converter(AnyConverter(PhantomData))
}

#[inline]
fn none_ptr() -> *mut ffi::PyObject {
    // SAFETY: `Py_None` is a static object; we return a new strong reference to it.
    unsafe {
        let none = ffi::Py_None();
        ffi::Py_INCREF(none);
        none
    }
}

impl Converter<()> {
    /// `()` becomes `None`.
    #[inline(always)]
    pub fn into_return_ptr(&self, _py: Python<'_>, _value: ()) -> PyResult<*mut ffi::PyObject> {
        Ok(none_ptr())
    }
}

impl<E: Into<PyErr>> Converter<Result<(), E>> {
    /// `Ok(())` becomes `None`.
    #[inline(always)]
    pub fn into_return_ptr(
        &self,
        _py: Python<'_>,
        value: Result<(), E>,
    ) -> PyResult<*mut ffi::PyObject> {
        value.map_err(Into::into)?;
        Ok(none_ptr())
    }
}

impl<R> Deref for Converter<R> {
    type Target = AnyConverter<R>;

    #[inline(always)]
    fn deref(&self) -> &AnyConverter<R> {
        &self.0
    }
}

impl<R> AnyConverter<R> {
    /// Converts any other return value.
    #[inline(always)]
    pub fn into_return_ptr<'py>(&self, py: Python<'py>, value: R) -> PyResult<*mut ffi::PyObject>
    where
        R: IntoPyCallbackOutput<'py>,
    {
        value.into_callback_output(py)
    }
}

/// A return type of a Python callback.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to Python",
    note = "return a type implementing `IntoPyObject`, or `PyResult<T>` / `Result<T, E>` where `E: Into<PyErr>`"
)]
pub trait IntoPyCallbackOutput<'py> {
    /// Converts into a new reference.
    fn into_callback_output(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject>;
}

impl<'py, T: IntoPyObject<'py>> IntoPyCallbackOutput<'py> for T {
    #[inline]
    fn into_callback_output(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject> {
        match self.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_ptr()),
            Err(e) => Err(e.into()),
        }
    }
}

impl<'py, T: IntoPyObject<'py>, E: Into<PyErr>> IntoPyCallbackOutput<'py> for Result<T, E> {
    #[inline]
    fn into_callback_output(self, py: Python<'py>) -> PyResult<*mut ffi::PyObject> {
        match self {
            Ok(value) => value.into_callback_output(py),
            Err(e) => Err(e.into()),
        }
    }
}

/// Chooses the conversion of a `__next__` result: `Option<T>` (or a `Result` of one) ends
/// the iteration at `None`; any other value is yielded.
pub struct NextConverter<R>(NextAnyConverter<R>);

/// Starts the conversion of a `__next__` result (only its type matters).
#[inline(always)]
pub fn next_converter<R>(_value: &R) -> NextConverter<R> {
    NextConverter(NextAnyConverter(AnyConverter(PhantomData)))
}

impl<'py, T: IntoPyObject<'py>> NextConverter<Option<T>> {
    /// `None` ends the iteration (NULL without an exception).
    #[inline(always)]
    pub fn into_next_ptr(&self, py: Python<'py>, value: Option<T>) -> PyResult<*mut ffi::PyObject> {
        match value {
            Some(value) => value.into_callback_output(py),
            None => Ok(std::ptr::null_mut()),
        }
    }
}

impl<'py, T: IntoPyObject<'py>, E: Into<PyErr>> NextConverter<Result<Option<T>, E>> {
    /// `Ok(None)` ends the iteration.
    #[inline(always)]
    pub fn into_next_ptr(
        &self,
        py: Python<'py>,
        value: Result<Option<T>, E>,
    ) -> PyResult<*mut ffi::PyObject> {
        match value.map_err(Into::into)? {
            Some(value) => value.into_callback_output(py),
            None => Ok(std::ptr::null_mut()),
        }
    }
}

impl<R> Deref for NextConverter<R> {
    type Target = NextAnyConverter<R>;

    #[inline(always)]
    fn deref(&self) -> &NextAnyConverter<R> {
        &self.0
    }
}

/// The conversion of any other `__next__` result: the value is yielded.
pub struct NextAnyConverter<R>(AnyConverter<R>);

impl<R> NextAnyConverter<R> {
    /// Yields the value.
    #[inline(always)]
    pub fn into_next_ptr<'py>(&self, py: Python<'py>, value: R) -> PyResult<*mut ffi::PyObject>
    where
        R: IntoPyCallbackOutput<'py>,
    {
        value.into_callback_output(py)
    }
}
