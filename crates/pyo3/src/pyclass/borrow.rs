//! `PyRef` and `PyRefMut`: owned borrows of a `#[pyclass]` value, checked at run time
//! against the object's borrow flag, and the errors raised when a borrow conflicts.

use std::fmt;
use std::ops::{Deref, DerefMut};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyRuntimeError;
use crate::impl_::pyclass::layout;
use crate::instance::{Borrowed, Bound, Py};
use crate::pyclass::boolean_struct::{Boolean, False};
use crate::pyclass::{PyClass, PyClassGuardError, PyClassGuardMutError};
use crate::types::PyAny;
use crate::{ffi, PyErr, Python};

/// A shared borrow of the Rust value inside a `#[pyclass]` object, holding a strong
/// reference to the object. While one exists, the value cannot be borrowed mutably.
///
/// ```
/// use pyo3::prelude::*;
///
/// #[pyclass]
/// struct Point {
///     x: i32,
/// }
///
/// Python::attach(|py| {
///     let point = Bound::new(py, Point { x: 1 }).unwrap();
///     let first: PyRef<'_, Point> = point.borrow();
///     let second = point.borrow();
///     assert_eq!(first.x + second.x, 2);
///     assert!(point.try_borrow_mut().is_err());
/// });
/// ```
#[repr(transparent)]
pub struct PyRef<'p, T: PyClass> {
    inner: Bound<'p, T>,
}

/// An exclusive borrow of the Rust value inside a `#[pyclass]` object, holding a strong
/// reference to the object. While it exists, no other borrow of the value succeeds.
#[repr(transparent)]
pub struct PyRefMut<'p, T: PyClass<Frozen = False>> {
    inner: Bound<'p, T>,
}

impl<'p, T: PyClass> PyRef<'p, T> {
    /// The token of the thread this borrow is bound to.
    pub fn py(&self) -> Python<'p> {
        self.inner.py()
    }

    /// The object's raw pointer (still owned by `self`).
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.inner.as_ptr()
    }

    /// Ends the borrow and returns the owned reference to the object as a raw pointer.
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        self.into_bound().into_ptr()
    }

    /// Borrows `obj` shared, failing if it is mutably borrowed.
    pub(crate) fn try_borrow(obj: &Bound<'p, T>) -> Result<Self, PyBorrowError> {
        // SAFETY: `obj` is a live instance of `T` (its type says so).
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            if !T::Frozen::VALUE {
                layout::borrow_flag::<T>(obj.as_ptr()).try_borrow()?;
            }
        }
        Ok(PyRef { inner: obj.clone() })
    }

    /// Ends the borrow, keeping the reference to the object.
    pub(crate) fn into_bound(self) -> Bound<'p, T> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: `me` is not dropped, so its borrow is released here exactly once and
        // its reference moves out exactly once.
        unsafe {
            if !T::Frozen::VALUE {
                layout::borrow_flag::<T>(me.inner.as_ptr()).release_borrow();
            }
            std::ptr::read(&me.inner)
        }
    }
}

impl<'p, T> PyRef<'p, T>
where
    T: PyClass,
    T::BaseType: PyClass,
{
    /// Views this borrow as a borrow of the base class (the same borrow flag covers both).
    pub fn as_super(&self) -> &PyRef<'p, T::BaseType> {
        // SAFETY: `PyRef` is a transparent `Bound`; an instance of `T` is an instance of
        // its base class, and the whole object shares one borrow flag.
        unsafe { &*(self as *const Self).cast::<PyRef<'p, T::BaseType>>() }
    }

    /// Turns this borrow into a borrow of the base class.
    pub fn into_super(self) -> PyRef<'p, T::BaseType> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: as for `as_super`; ownership of the reference and of the borrow move into
        // the returned guard, since `me` is never dropped.
        let inner = unsafe { std::ptr::read(&me.inner).cast_into_unchecked::<T::BaseType>() };
        PyRef { inner }
    }
}

impl<'p, T: PyClass<Frozen = False>> PyRefMut<'p, T> {
    /// The token of the thread this borrow is bound to.
    pub fn py(&self) -> Python<'p> {
        self.inner.py()
    }

    /// The object's raw pointer (still owned by `self`).
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.inner.as_ptr()
    }

    /// Ends the borrow and returns the owned reference to the object as a raw pointer.
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        self.into_bound().into_ptr()
    }

    /// Borrows `obj` exclusively, failing if any other borrow exists.
    pub(crate) fn try_borrow(obj: &Bound<'p, T>) -> Result<Self, PyBorrowMutError> {
        // SAFETY: `obj` is a live instance of `T`.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            layout::borrow_flag::<T>(obj.as_ptr()).try_borrow_mut()?;
        }
        Ok(PyRefMut { inner: obj.clone() })
    }

    /// Ends the borrow, keeping the reference to the object.
    pub(crate) fn into_bound(self) -> Bound<'p, T> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: as for `PyRef::into_bound`.
        unsafe {
            layout::borrow_flag::<T>(me.inner.as_ptr()).release_borrow_mut();
            std::ptr::read(&me.inner)
        }
    }
}

impl<'p, T> PyRefMut<'p, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    /// Views this borrow as an exclusive borrow of the base class.
    pub fn as_super(&mut self) -> &mut PyRefMut<'p, T::BaseType> {
        // SAFETY: as for `PyRef::as_super`.
        unsafe { &mut *(self as *mut Self).cast::<PyRefMut<'p, T::BaseType>>() }
    }

    /// Turns this borrow into an exclusive borrow of the base class.
    pub fn into_super(self) -> PyRefMut<'p, T::BaseType> {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: as for `PyRef::into_super`.
        let inner = unsafe { std::ptr::read(&me.inner).cast_into_unchecked::<T::BaseType>() };
        PyRefMut { inner }
    }
}

impl<T: PyClass> Deref for PyRef<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the shared borrow is registered (or the class is frozen), so no `&mut T`
        // exists while `self` lives.
        unsafe { &*layout::value_ptr::<T>(self.inner.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyRefMut<'_, T> {
    type Target = T;

    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the exclusive borrow is registered while `self` lives.
        unsafe { &*layout::value_ptr::<T>(self.inner.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyRefMut<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the exclusive borrow is registered while `self` lives.
        unsafe { &mut *layout::value_ptr::<T>(self.inner.as_ptr()) }
    }
}

impl<T: PyClass> Drop for PyRef<'_, T> {
    fn drop(&mut self) {
        if !T::Frozen::VALUE {
            // SAFETY: this guard registered one shared borrow on a live instance.
            unsafe { layout::borrow_flag::<T>(self.inner.as_ptr()).release_borrow() }
        }
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyRefMut<'_, T> {
    fn drop(&mut self) {
        // SAFETY: this guard registered the exclusive borrow on a live instance.
        unsafe { layout::borrow_flag::<T>(self.inner.as_ptr()).release_borrow_mut() }
    }
}

impl<T, U> AsRef<U> for PyRef<'_, T>
where
    T: PyClass<BaseType = U>,
    U: PyClass,
{
    fn as_ref(&self) -> &U {
        self.as_super()
    }
}

impl<T> AsRef<T::BaseType> for PyRefMut<'_, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    fn as_ref(&self) -> &T::BaseType {
        // SAFETY: as for `PyRef::as_super`; a shared view of an exclusive borrow.
        unsafe { &*(self as *const Self).cast::<PyRefMut<'_, T::BaseType>>() }
    }
}

impl<T> AsMut<T::BaseType> for PyRefMut<'_, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    fn as_mut(&mut self) -> &mut T::BaseType {
        self.as_super()
    }
}

impl<T: PyClass + fmt::Debug> fmt::Debug for PyRef<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: PyClass<Frozen = False> + fmt::Debug> fmt::Debug for PyRefMut<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyRef<'py, T> {
    type Error = PyClassGuardError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let bound = obj.cast::<T>().map_err(PyClassGuardError::cast)?;
        PyRef::try_borrow(&bound.to_owned()).map_err(PyClassGuardError::borrow)
    }
}

impl<'a, 'py, T> FromPyObject<'a, 'py> for PyRefMut<'py, T>
where
    T: PyClass<Frozen = False>,
{
    type Error = PyClassGuardMutError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let bound = obj.cast::<T>().map_err(PyClassGuardMutError::cast)?;
        PyRefMut::try_borrow(&bound.to_owned()).map_err(PyClassGuardMutError::borrow)
    }
}

impl<'py, T: PyClass> IntoPyObject<'py> for PyRef<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_bound())
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for &'a PyRef<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.inner.as_borrowed())
    }
}

impl<'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for PyRefMut<'py, T> {
    type Target = T;
    type Output = Bound<'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_bound())
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for &'a PyRefMut<'py, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, _py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.inner.as_borrowed())
    }
}

impl<T: PyClass> From<PyRef<'_, T>> for Py<T> {
    fn from(borrow: PyRef<'_, T>) -> Self {
        borrow.into_bound().unbind()
    }
}

impl<'py, T> From<PyRefMut<'py, T>> for Py<T>
where
    T: PyClass<Frozen = False>,
{
    fn from(borrow: PyRefMut<'_, T>) -> Self {
        borrow.into_bound().unbind()
    }
}

/// A shared borrow failed because the value is mutably borrowed. Raised in Python as
/// `RuntimeError: Already mutably borrowed`.
pub struct PyBorrowError {
    _private: (),
}

/// An exclusive borrow failed because the value is borrowed. Raised in Python as
/// `RuntimeError: Already borrowed`.
pub struct PyBorrowMutError {
    _private: (),
}

impl PyBorrowError {
    pub(crate) const NEW: PyBorrowError = PyBorrowError { _private: () };
}

impl PyBorrowMutError {
    pub(crate) const NEW: PyBorrowMutError = PyBorrowMutError { _private: () };
}

impl fmt::Debug for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowError")
    }
}

impl fmt::Display for PyBorrowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already mutably borrowed")
    }
}

impl fmt::Debug for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PyBorrowMutError")
    }
}

impl fmt::Display for PyBorrowMutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Already borrowed")
    }
}

impl std::error::Error for PyBorrowError {}
impl std::error::Error for PyBorrowMutError {}

impl From<PyBorrowError> for PyErr {
    fn from(error: PyBorrowError) -> Self {
        PyRuntimeError::new_err(error.to_string())
    }
}

impl From<PyBorrowMutError> for PyErr {
    fn from(error: PyBorrowMutError) -> Self {
        PyRuntimeError::new_err(error.to_string())
    }
}
