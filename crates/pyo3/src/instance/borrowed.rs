//! `Borrowed<'a, 'py, T>`: a reference to a Python object that somebody else owns for
//! `'a`, usable while the thread is attached. Copying it touches no reference count.

use std::marker::PhantomData;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::err::CastError;
use crate::ffi;
use crate::instance::{Bound, Py};
use crate::type_object::PyTypeCheck;
use crate::types::PyAny;
use crate::{PyErr, PyResult, Python};

/// A borrowed reference to a Python object of type `T`, valid for `'a`.
///
/// It derefs to `Bound<'py, T>`, so every method of `Bound` is available.
#[repr(transparent)]
pub struct Borrowed<'a, 'py, T>(
    NonNull<ffi::PyObject>,
    PhantomData<(&'a (), Py<T>, Python<'py>)>,
);

impl<T> Copy for Borrowed<'_, '_, T> {}

impl<T> Clone for Borrowed<'_, '_, T> {
    #[inline]
    fn clone(&self) -> Self {
        *self
    }
}

impl<'a, 'py, T> Borrowed<'a, 'py, T> {
    /// Creates a new owned reference to the same object.
    #[inline]
    pub fn to_owned(self) -> Bound<'py, T> {
        (*self).clone()
    }

    /// The raw pointer (still owned by somebody else).
    #[inline]
    pub fn as_ptr(self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// The token of the attached thread.
    #[inline]
    pub fn py(self) -> Python<'py> {
        // SAFETY: a `Borrowed` only exists while the thread is attached for `'py`.
        unsafe { Python::assume_attached() }
    }

    /// Views as `Borrowed<PyAny>`.
    #[inline]
    pub fn to_any(self) -> Borrowed<'a, 'py, PyAny> {
        // SAFETY: every object is a `PyAny`.
        unsafe { self.cast_unchecked() }
    }

    /// Checks the type and casts.
    #[inline]
    pub fn cast<U: PyTypeCheck>(self) -> Result<Borrowed<'a, 'py, U>, CastError<'a, 'py>> {
        if U::type_check(&self.to_any()) {
            // SAFETY: the type check passed.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.to_any(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Checks that the object's type is exactly `U` (not a subclass) and casts.
    pub fn cast_exact<U>(self) -> Result<Borrowed<'a, 'py, U>, CastError<'a, 'py>>
    where
        U: crate::PyTypeInfo,
    {
        if U::is_exact_type_of(&self.to_any()) {
            // SAFETY: the object's type is exactly `U`.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.to_any(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Deprecated name of [`Borrowed::cast`].
    #[deprecated(since = "0.27.0", note = "use `Borrowed::cast` instead")]
    pub fn downcast<U: PyTypeCheck>(
        self,
    ) -> Result<Borrowed<'a, 'py, U>, crate::err::DowncastError<'a, 'py>> {
        if U::type_check(&self.to_any()) {
            // SAFETY: the type check passed.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(crate::err::DowncastError::from_borrowed(
                self.to_any(),
                U::NAME,
            ))
        }
    }

    /// Casts without checking the type.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(self) -> Borrowed<'a, 'py, U> {
        Borrowed(self.0, PhantomData)
    }

    /// Extracts a Rust value, borrowing from the object for `'a` where the target allows.
    #[inline]
    pub fn extract<O>(self) -> Result<O, O::Error>
    where
        O: crate::conversion::FromPyObject<'a, 'py>,
    {
        O::extract(self.to_any())
    }
}

impl<'a, 'py> Borrowed<'a, 'py, PyAny> {
    /// Borrows `ptr`. Panics (after fetching the Python error) if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to an object kept alive for `'a` by its owner.
    #[inline]
    #[track_caller]
    pub unsafe fn from_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        match NonNull::new(ptr) {
            Some(nn) => Borrowed(nn, PhantomData),
            None => crate::err::panic_after_error(py),
        }
    }

    /// Borrows `ptr`, or returns `None` if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to an object kept alive for `'a` by its owner.
    #[inline]
    pub unsafe fn from_ptr_or_opt(_py: Python<'py>, ptr: *mut ffi::PyObject) -> Option<Self> {
        NonNull::new(ptr).map(|nn| Borrowed(nn, PhantomData))
    }

    /// Borrows `ptr`, or fetches the Python error if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL (with an error set) or point to an object alive for `'a`.
    #[inline]
    pub unsafe fn from_ptr_or_err(py: Python<'py>, ptr: *mut ffi::PyObject) -> PyResult<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Self::from_ptr_or_opt(py, ptr) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    pub(crate) unsafe fn from_non_null(_py: Python<'py>, ptr: NonNull<ffi::PyObject>) -> Self {
        Borrowed(ptr, PhantomData)
    }
}

impl<'py, T> Deref for Borrowed<'_, 'py, T> {
    type Target = Bound<'py, T>;

    #[inline]
    fn deref(&self) -> &Bound<'py, T> {
        // SAFETY: `Bound<'py, T>` is repr(transparent) over a single non-null object
        // pointer, exactly like `self.0`; the referenced object outlives the borrow.
        unsafe { &*(&self.0 as *const NonNull<ffi::PyObject>).cast::<Bound<'py, T>>() }
    }
}

impl<'a, 'py, T> From<&'a Bound<'py, T>> for Borrowed<'a, 'py, T> {
    fn from(bound: &'a Bound<'py, T>) -> Self {
        bound.as_borrowed()
    }
}

/// Takes a new strong reference to the borrowed object.
impl<T> From<Borrowed<'_, '_, T>> for Py<T> {
    fn from(value: Borrowed<'_, '_, T>) -> Self {
        value.to_owned().unbind()
    }
}

impl<T> std::fmt::Debug for Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

impl<T> std::fmt::Display for Borrowed<'_, '_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&**self, f)
    }
}
