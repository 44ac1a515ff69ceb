//! `PyClassGuard` and `PyClassGuardMut`: borrows of a `#[pyclass]` value that do not own a
//! reference to the object (cheaper than `PyRef`, bounded by the borrowed object's lifetime),
//! their projections (`PyClassGuardMap`), and the extraction errors of all four guards.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::ptr::NonNull;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::impl_::pyclass::{layout, BorrowFlag};
use crate::instance::Borrowed;
use crate::pyclass::boolean_struct::{Boolean, False};
use crate::pyclass::{PyBorrowError, PyBorrowMutError, PyClass};
use crate::types::PyAny;
use crate::{ffi, PyErr, Python};

/// A shared borrow of a `#[pyclass]` value for as long as the object is borrowed (`'a`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::pyclass::PyClassGuard;
///
/// #[pyclass]
/// struct Name(String);
///
/// Python::attach(|py| {
///     let obj = Bound::new(py, Name("x".into())).unwrap().into_any();
///     let guard: PyClassGuard<'_, Name> = obj.extract().unwrap();
///     assert_eq!(guard.0, "x");
/// });
/// ```
#[repr(transparent)]
pub struct PyClassGuard<'a, T: PyClass> {
    ptr: NonNull<ffi::PyObject>,
    marker: PhantomData<&'a T>,
}

/// An exclusive borrow of a `#[pyclass]` value for as long as the object is borrowed.
#[repr(transparent)]
pub struct PyClassGuardMut<'a, T: PyClass<Frozen = False>> {
    ptr: NonNull<ffi::PyObject>,
    marker: PhantomData<&'a mut T>,
}

/// A guard narrowed to part of the value by [`PyClassGuard::map`] or
/// [`PyClassGuardMut::map`]; `MUT` says whether it is exclusive.
pub struct PyClassGuardMap<'a, U: ?Sized, const MUT: bool> {
    value: NonNull<U>,
    flag: Option<&'a BorrowFlag>,
}

impl<'a, T: PyClass> PyClassGuard<'a, T> {
    /// Borrows `obj` shared without taking a reference to it (the caller's `obj` keeps it
    /// alive for `'a`), failing if it is mutably borrowed.
    #[inline]
    pub(crate) fn try_borrow(obj: &'a crate::Bound<'_, T>) -> Result<Self, PyBorrowError> {
        // SAFETY: `obj` is a live instance of `T`, borrowed for `'a`.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            if let Some(flag) = shared_flag::<T>(obj.as_ptr()) {
                flag.try_borrow()?;
            }
            Ok(PyClassGuard {
                ptr: NonNull::new_unchecked(obj.as_ptr()),
                marker: PhantomData,
            })
        }
    }

    /// Narrows the guard to a part of the value, keeping the borrow.
    pub fn map<F, U: ?Sized>(self, f: F) -> PyClassGuardMap<'a, U, false>
    where
        F: FnOnce(&T) -> &U,
    {
        let me = std::mem::ManuallyDrop::new(self);
        // SAFETY: the shared borrow registered by `me` moves into the map, which releases it.
        let flag = unsafe { shared_flag::<T>(me.ptr.as_ptr()) };
        PyClassGuardMap {
            value: NonNull::from(f(&**me)),
            flag,
        }
    }
}

impl<'a, T: PyClass<Frozen = False>> PyClassGuardMut<'a, T> {
    /// Borrows `obj` exclusively without taking a reference to it, failing if any other
    /// borrow exists.
    #[inline]
    pub(crate) fn try_borrow(obj: &'a crate::Bound<'_, T>) -> Result<Self, PyBorrowMutError> {
        // SAFETY: `obj` is a live instance of `T`, borrowed for `'a`.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            layout::borrow_flag::<T>(obj.as_ptr()).try_borrow_mut()?;
            Ok(PyClassGuardMut {
                ptr: NonNull::new_unchecked(obj.as_ptr()),
                marker: PhantomData,
            })
        }
    }

    /// Narrows the guard to a part of the value, keeping the exclusive borrow.
    pub fn map<F, U: ?Sized>(self, f: F) -> PyClassGuardMap<'a, U, true>
    where
        F: FnOnce(&mut T) -> &mut U,
    {
        let mut me = std::mem::ManuallyDrop::new(self);
        // SAFETY: the exclusive borrow registered by `me` moves into the map.
        let flag = unsafe { layout::borrow_flag::<T>(me.ptr.as_ptr()) };
        PyClassGuardMap {
            value: NonNull::from(f(&mut **me)),
            flag: Some(flag),
        }
    }
}

impl<'a, T> PyClassGuard<'a, T>
where
    T: PyClass,
    T::BaseType: PyClass,
{
    /// Views this guard as a guard of the base class (one borrow flag covers both).
    pub fn as_super(&self) -> &PyClassGuard<'a, T::BaseType> {
        // SAFETY: the guard is a transparent object pointer; an instance of `T` is an
        // instance of its base, and the whole object shares one borrow flag.
        unsafe { &*(self as *const Self).cast::<PyClassGuard<'a, T::BaseType>>() }
    }

    /// Turns this guard into a guard of the base class, keeping the borrow.
    pub fn into_super(self) -> PyClassGuard<'a, T::BaseType> {
        let me = std::mem::ManuallyDrop::new(self);
        PyClassGuard {
            ptr: me.ptr,
            marker: PhantomData,
        }
    }
}

impl<'a, T> PyClassGuardMut<'a, T>
where
    T: PyClass<Frozen = False>,
    T::BaseType: PyClass<Frozen = False>,
{
    /// Views this guard as an exclusive guard of the base class.
    pub fn as_super(&mut self) -> &mut PyClassGuardMut<'a, T::BaseType> {
        // SAFETY: as for `PyClassGuard::as_super`.
        unsafe { &mut *(self as *mut Self).cast::<PyClassGuardMut<'a, T::BaseType>>() }
    }

    /// Turns this guard into an exclusive guard of the base class, keeping the borrow.
    pub fn into_super(self) -> PyClassGuardMut<'a, T::BaseType> {
        let me = std::mem::ManuallyDrop::new(self);
        PyClassGuardMut {
            ptr: me.ptr,
            marker: PhantomData,
        }
    }
}

// SAFETY: a shared guard hands out `&T` only, which may cross threads when `T: Sync`; the
// borrow flag it releases is atomic on free-threaded builds and GIL-protected otherwise.
unsafe impl<T: PyClass + Sync> Send for PyClassGuard<'_, T> {}
// SAFETY: as above.
unsafe impl<T: PyClass + Sync> Sync for PyClassGuard<'_, T> {}
// SAFETY: an exclusive guard hands out `&mut T`, which may move to another thread when
// `T: Send`, and `&T` to several when `T: Sync`.
unsafe impl<T: PyClass<Frozen = False> + Send + Sync> Send for PyClassGuardMut<'_, T> {}
// SAFETY: as above.
unsafe impl<T: PyClass<Frozen = False> + Sync> Sync for PyClassGuardMut<'_, T> {}

/// The flag a shared borrow of `T` registered on, `None` for frozen classes.
///
/// # Safety
///
/// `obj` is a live instance of `T`, alive for `'a`.
unsafe fn shared_flag<'a, T: PyClass>(obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag> {
    if T::Frozen::VALUE {
        None
    } else {
        // SAFETY: per the caller.
        Some(unsafe { layout::borrow_flag::<T>(obj) })
    }
}

impl<T: PyClass> Deref for PyClassGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the shared borrow is registered (or the class is frozen).
        unsafe { &*layout::value_ptr::<T>(self.ptr.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> Deref for PyClassGuardMut<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the exclusive borrow is registered.
        unsafe { &*layout::value_ptr::<T>(self.ptr.as_ptr()) }
    }
}

impl<T: PyClass<Frozen = False>> DerefMut for PyClassGuardMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the exclusive borrow is registered.
        unsafe { &mut *layout::value_ptr::<T>(self.ptr.as_ptr()) }
    }
}

impl<U: ?Sized, const MUT: bool> Deref for PyClassGuardMap<'_, U, MUT> {
    type Target = U;

    fn deref(&self) -> &U {
        // SAFETY: `value` points into the borrowed value, which the registered borrow keeps
        // from being mutated elsewhere.
        unsafe { self.value.as_ref() }
    }
}

impl<U: ?Sized> DerefMut for PyClassGuardMap<'_, U, true> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        // SAFETY: the exclusive borrow is registered.
        unsafe { self.value.as_mut() }
    }
}

impl<T: PyClass> Drop for PyClassGuard<'_, T> {
    fn drop(&mut self) {
        // SAFETY: this guard registered one shared borrow on a live instance.
        if let Some(flag) = unsafe { shared_flag::<T>(self.ptr.as_ptr()) } {
            flag.release_borrow();
        }
    }
}

impl<T: PyClass<Frozen = False>> Drop for PyClassGuardMut<'_, T> {
    fn drop(&mut self) {
        // SAFETY: this guard registered the exclusive borrow on a live instance.
        unsafe { layout::borrow_flag::<T>(self.ptr.as_ptr()).release_borrow_mut() }
    }
}

impl<U: ?Sized, const MUT: bool> Drop for PyClassGuardMap<'_, U, MUT> {
    fn drop(&mut self) {
        if let Some(flag) = self.flag {
            if MUT {
                flag.release_borrow_mut();
            } else {
                flag.release_borrow();
            }
        }
    }
}

impl<'a, 'py, T: PyClass> FromPyObject<'a, 'py> for PyClassGuard<'a, T> {
    type Error = PyClassGuardError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let obj = obj.cast::<T>().map_err(PyClassGuardError::cast)?;
        // SAFETY: `obj` is a live instance of `T`, borrowed for `'a`.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            if let Some(flag) = shared_flag::<T>(obj.as_ptr()) {
                flag.try_borrow().map_err(PyClassGuardError::borrow)?;
            }
        }
        Ok(PyClassGuard {
            // SAFETY: a live object's pointer is never null.
            ptr: unsafe { NonNull::new_unchecked(obj.as_ptr()) },
            marker: PhantomData,
        })
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> FromPyObject<'a, 'py> for PyClassGuardMut<'a, T> {
    type Error = PyClassGuardMutError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let obj = obj.cast::<T>().map_err(PyClassGuardMutError::cast)?;
        // SAFETY: `obj` is a live instance of `T`, borrowed for `'a`.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            layout::borrow_flag::<T>(obj.as_ptr())
                .try_borrow_mut()
                .map_err(PyClassGuardMutError::borrow)?;
        }
        Ok(PyClassGuardMut {
            // SAFETY: a live object's pointer is never null.
            ptr: unsafe { NonNull::new_unchecked(obj.as_ptr()) },
            marker: PhantomData,
        })
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for PyClassGuard<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: the object outlives `'a`, for which the guard borrowed it.
        Ok(unsafe { Borrowed::from_ptr(py, self.ptr.as_ptr()).cast_unchecked() })
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for PyClassGuardMut<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: as above.
        Ok(unsafe { Borrowed::from_ptr(py, self.ptr.as_ptr()).cast_unchecked() })
    }
}

impl<'a, 'py, T: PyClass> IntoPyObject<'py> for &PyClassGuard<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: the object outlives `'a`, for which the guard borrowed it.
        Ok(unsafe { Borrowed::from_ptr(py, self.ptr.as_ptr()).cast_unchecked() })
    }
}

impl<'a, 'py, T: PyClass<Frozen = False>> IntoPyObject<'py> for &PyClassGuardMut<'a, T> {
    type Target = T;
    type Output = Borrowed<'a, 'py, T>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: as above.
        Ok(unsafe { Borrowed::from_ptr(py, self.ptr.as_ptr()).cast_unchecked() })
    }
}

enum GuardErrorKind<'a, 'py, B> {
    Cast(CastError<'a, 'py>),
    Borrow(B),
}

/// Extraction as a shared borrow failed: the object is not an instance of the class, or
/// its value is mutably borrowed.
pub struct PyClassGuardError<'a, 'py>(GuardErrorKind<'a, 'py, PyBorrowError>);

/// Extraction as an exclusive borrow failed: the object is not an instance of the class,
/// or its value is borrowed.
pub struct PyClassGuardMutError<'a, 'py>(GuardErrorKind<'a, 'py, PyBorrowMutError>);

impl<'a, 'py> PyClassGuardError<'a, 'py> {
    pub(crate) fn cast(error: CastError<'a, 'py>) -> Self {
        PyClassGuardError(GuardErrorKind::Cast(error))
    }
    pub(crate) fn borrow(error: PyBorrowError) -> Self {
        PyClassGuardError(GuardErrorKind::Borrow(error))
    }
}

impl<'a, 'py> PyClassGuardMutError<'a, 'py> {
    pub(crate) fn cast(error: CastError<'a, 'py>) -> Self {
        PyClassGuardMutError(GuardErrorKind::Cast(error))
    }
    pub(crate) fn borrow(error: PyBorrowMutError) -> Self {
        PyClassGuardMutError(GuardErrorKind::Borrow(error))
    }
}

impl<B: fmt::Display> fmt::Display for GuardErrorKind<'_, '_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuardErrorKind::Cast(error) => fmt::Display::fmt(error, f),
            GuardErrorKind::Borrow(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<B: fmt::Debug> fmt::Debug for GuardErrorKind<'_, '_, B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GuardErrorKind::Cast(error) => fmt::Debug::fmt(error, f),
            GuardErrorKind::Borrow(error) => fmt::Debug::fmt(error, f),
        }
    }
}

impl fmt::Display for PyClassGuardError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for PyClassGuardError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for PyClassGuardMutError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for PyClassGuardMutError<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl From<PyClassGuardError<'_, '_>> for PyErr {
    fn from(error: PyClassGuardError<'_, '_>) -> Self {
        match error.0 {
            GuardErrorKind::Cast(error) => error.into(),
            GuardErrorKind::Borrow(error) => error.into(),
        }
    }
}

impl From<PyClassGuardMutError<'_, '_>> for PyErr {
    fn from(error: PyClassGuardMutError<'_, '_>) -> Self {
        match error.0 {
            GuardErrorKind::Cast(error) => error.into(),
            GuardErrorKind::Borrow(error) => error.into(),
        }
    }
}
