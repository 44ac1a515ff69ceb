//! `Bound<'py, T>`: an owned strong reference to a Python object of type `T`, usable while
//! the thread is attached (`'py`).

use std::fmt;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;

use crate::err::{CastError, CastIntoError};
use crate::ffi;
use crate::instance::{Borrowed, Py};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods, PyTypeMethods};
use crate::{PyErr, PyResult, Python};

/// An owned reference to a Python object of type `T`, tied to an attached thread.
///
/// Cloning increments the reference count; dropping decrements it.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyString;
/// Python::attach(|py| {
///     let s: Bound<'_, PyString> = PyString::new(py, "hi");
///     let any: Bound<'_, PyAny> = s.into_any();
///     assert_eq!(any.str().unwrap().to_str().unwrap(), "hi");
/// });
/// ```
#[repr(transparent)]
pub struct Bound<'py, T>(Python<'py>, ManuallyDrop<Py<T>>);

impl<'py, T> Bound<'py, T> {
    /// The token of the thread this reference is bound to.
    #[inline]
    pub fn py(&self) -> Python<'py> {
        self.0
    }

    /// The raw pointer, still owned by `self`.
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.1.as_ptr()
    }

    /// Gives up ownership and returns the raw pointer (an owned strong reference).
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        ManuallyDrop::new(self).as_ptr()
    }

    /// Views this object as `PyAny`.
    #[inline]
    pub fn as_any(&self) -> &Bound<'py, PyAny> {
        // SAFETY: `Bound<T>` and `Bound<PyAny>` have the same layout (repr(transparent)
        // over one pointer); every object is a `PyAny`.
        unsafe { &*(self as *const Self).cast::<Bound<'py, PyAny>>() }
    }

    /// Converts into `Bound<PyAny>`.
    #[inline]
    pub fn into_any(self) -> Bound<'py, PyAny> {
        // SAFETY: the reference is moved as-is; every object is a `PyAny`.
        unsafe { self.cast_into_unchecked() }
    }

    /// Borrows this reference as `Borrowed<'_, 'py, T>`.
    #[inline]
    pub fn as_borrowed<'a>(&'a self) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for `'a`.
        unsafe { Borrowed::from_non_null(self.py(), self.1.as_non_null()).cast_unchecked() }
    }

    /// Detaches the reference from the thread, keeping ownership.
    #[inline]
    pub fn unbind(self) -> Py<T> {
        let me = ManuallyDrop::new(self);
        // SAFETY: `me` is never dropped, so ownership moves into the returned `Py`.
        unsafe { std::ptr::read(&*me.1) }
    }

    /// Views as `&Py<T>` without touching the reference count.
    #[inline]
    pub fn as_unbound(&self) -> &Py<T> {
        &self.1
    }

    /// The object's current reference count.
    pub fn get_refcnt(&self) -> isize {
        // SAFETY: attached; the pointer is valid while `self` lives.
        unsafe { ffi::Py_REFCNT(self.as_ptr()) }
    }

    /// Checks the type and converts `&Bound<T>` to `&Bound<U>`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyInt, PyString};
    /// Python::attach(|py| {
    ///     let obj = 5i32.into_pyobject(py).unwrap().into_any();
    ///     assert!(obj.cast::<PyInt>().is_ok());
    ///     let err = obj.cast::<PyString>().unwrap_err();
    ///     assert_eq!(err.to_string(), "'int' object cannot be cast as 'str'");
    /// });
    /// ```
    #[inline]
    pub fn cast<U: PyTypeCheck>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: the type check passed.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.as_any().as_borrowed(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Like [`Bound::cast`], but consumes `self`.
    #[inline]
    pub fn cast_into<U: PyTypeCheck>(self) -> Result<Bound<'py, U>, CastIntoError<'py>> {
        if U::type_check(self.as_any()) {
            // SAFETY: the type check passed.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            let to = U::classinfo_object(self.py());
            Err(CastIntoError::new(self.into_any(), to))
        }
    }

    /// Like [`Bound::cast_exact`], but consumes `self`.
    pub fn cast_into_exact<U>(self) -> Result<Bound<'py, U>, CastIntoError<'py>>
    where
        U: crate::PyTypeInfo,
    {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: the object's type is exactly `U`.
            Ok(unsafe { self.cast_into_unchecked() })
        } else {
            let to = U::classinfo_object(self.py());
            Err(CastIntoError::new(self.into_any(), to))
        }
    }

    /// Checks that the object's type is exactly `U` (not a subclass) and casts.
    pub fn cast_exact<U: crate::PyTypeInfo>(&self) -> Result<&Bound<'py, U>, CastError<'_, 'py>> {
        if U::is_exact_type_of(self.as_any()) {
            // SAFETY: the type check passed.
            Ok(unsafe { self.cast_unchecked() })
        } else {
            Err(CastError::new(
                self.as_any().as_borrowed(),
                U::classinfo_object(self.py()),
            ))
        }
    }

    /// Casts without checking the type.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_unchecked<U>(&self) -> &Bound<'py, U> {
        // SAFETY: same layout for every `T`; the caller vouches for the type.
        unsafe { &*(self as *const Self).cast::<Bound<'py, U>>() }
    }

    /// Casts without checking the type, consuming `self`.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_into_unchecked<U>(self) -> Bound<'py, U> {
        let py = self.py();
        let ptr = self.into_ptr();
        // SAFETY: `ptr` is the owned reference we just released; the caller vouches for U.
        unsafe { Bound::from_owned_ptr(py, ptr).cast_into_unchecked_any() }
    }

    /// Deprecated name of [`Bound::cast_unchecked`].
    ///
    /// # Safety
    ///
    /// As for [`Bound::cast_unchecked`].
    #[deprecated(since = "0.27.0", note = "use `Bound::cast_unchecked` instead")]
    pub unsafe fn downcast_unchecked<U>(&self) -> &Bound<'py, U> {
        // SAFETY: forwarded from the caller.
        unsafe { self.cast_unchecked() }
    }
}

impl<'py> Bound<'py, PyAny> {
    #[inline]
    unsafe fn cast_into_unchecked_any<U>(self) -> Bound<'py, U> {
        let me = ManuallyDrop::new(self);
        // SAFETY: `me` is forgotten, so the single reference moves; layouts are identical.
        unsafe { std::ptr::read((&*me as *const Bound<'py, PyAny>).cast::<Bound<'py, U>>()) }
    }

    /// Takes ownership of `ptr`. Panics (after fetching the Python error) if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or an owned strong reference to a live object.
    #[inline]
    #[track_caller]
    pub unsafe fn from_owned_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        match NonNull::new(ptr) {
            // SAFETY: forwarded from the caller.
            Some(nn) => unsafe { Self::from_non_null_owned(py, nn) },
            None => crate::err::panic_after_error(py),
        }
    }

    /// Takes ownership of `ptr`, or returns `None` if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or an owned strong reference to a live object.
    #[inline]
    pub unsafe fn from_owned_ptr_or_opt(py: Python<'py>, ptr: *mut ffi::PyObject) -> Option<Self> {
        // SAFETY: forwarded from the caller.
        NonNull::new(ptr).map(|nn| unsafe { Self::from_non_null_owned(py, nn) })
    }

    /// Takes ownership of `ptr`, or fetches the current Python error if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL (with an error set) or an owned strong reference.
    #[inline]
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Self::from_owned_ptr_or_opt(py, ptr) }.ok_or_else(|| PyErr::fetch(py))
    }

    /// Creates a new strong reference to `ptr`. Panics if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to a live object.
    #[inline]
    #[track_caller]
    pub unsafe fn from_borrowed_ptr(py: Python<'py>, ptr: *mut ffi::PyObject) -> Self {
        match NonNull::new(ptr) {
            Some(nn) => {
                // SAFETY: attached, and `ptr` points to a live object.
                unsafe { ffi::Py_INCREF(ptr) };
                // SAFETY: we now own the reference we just created.
                unsafe { Self::from_non_null_owned(py, nn) }
            }
            None => crate::err::panic_after_error(py),
        }
    }

    /// Creates a new strong reference to `ptr`, or `None` if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to a live object.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_opt(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Self> {
        if ptr.is_null() {
            None
        } else {
            // SAFETY: forwarded from the caller, non-null.
            Some(unsafe { Self::from_borrowed_ptr(py, ptr) })
        }
    }

    /// Creates a new strong reference to `ptr`, or fetches the Python error if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL (with an error set) or point to a live object.
    #[inline]
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'py>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Self> {
        // SAFETY: forwarded from the caller.
        unsafe { Self::from_borrowed_ptr_or_opt(py, ptr) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    pub(crate) unsafe fn from_non_null_owned(py: Python<'py>, ptr: NonNull<ffi::PyObject>) -> Self {
        // SAFETY: forwarded from the caller: `ptr` is an owned strong reference.
        Bound(py, ManuallyDrop::new(unsafe { Py::from_non_null(ptr) }))
    }
}

impl<T> Drop for Bound<'_, T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: attached (we hold the token), and `self` owns exactly one reference.
        unsafe { ffi::Py_DECREF(self.as_ptr()) }
    }
}

impl<T> Clone for Bound<'_, T> {
    #[inline]
    fn clone(&self) -> Self {
        // SAFETY: attached; the object is alive while `self` is.
        unsafe { ffi::Py_INCREF(self.as_ptr()) };
        // SAFETY: we own the reference just created.
        Bound(
            self.0,
            ManuallyDrop::new(unsafe { Py::from_non_null(self.1.as_non_null()) }),
        )
    }
}

/// Marks the concrete native types (`PyList`, `PyDict`, exception types, ...) whose
/// `Bound<'py, T>` derefs to `Bound<'py, PyAny>`, so that they gain every object-protocol
/// method, and whose `Py<T>`/`Bound<'py, T>` convert into `Py<PyAny>` with `From`.
///
/// `PyAny` itself does not implement it (the deref would loop), and neither do
/// `#[pyclass]` types: for these `Bound<'py, T>` keeps its own methods and reaches the
/// `PyAny` ones through [`Bound::as_any`].
pub trait DerefToPyAny {}

impl<'py, T: DerefToPyAny> Deref for Bound<'py, T> {
    type Target = Bound<'py, PyAny>;

    #[inline]
    fn deref(&self) -> &Bound<'py, PyAny> {
        self.as_any()
    }
}

impl<'py, T> AsRef<Bound<'py, PyAny>> for Bound<'py, T> {
    fn as_ref(&self) -> &Bound<'py, PyAny> {
        self.as_any()
    }
}

impl<T> fmt::Debug for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_any().repr() {
            Ok(repr) => f.write_str(&repr.to_string_lossy()),
            Err(_) => f.write_str("<unprintable object>"),
        }
    }
}

impl<T> fmt::Display for Bound<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_any().str() {
            Ok(s) => f.write_str(&s.to_string_lossy()),
            Err(err) => {
                err.write_unraisable(self.py(), Some(self.as_any()));
                match self.as_any().get_type().name() {
                    Ok(name) => write!(f, "<unprintable {} object>", name),
                    Err(_) => f.write_str("<unprintable object>"),
                }
            }
        }
    }
}

impl<'py, T> From<Bound<'py, T>> for Py<T> {
    fn from(bound: Bound<'py, T>) -> Self {
        bound.unbind()
    }
}

/// Unbinds and widens to `Py<PyAny>`, for every native type that derefs to `PyAny`.
impl<T> From<Bound<'_, T>> for Py<PyAny>
where
    T: DerefToPyAny,
{
    #[inline]
    fn from(other: Bound<'_, T>) -> Self {
        other.into_any().unbind()
    }
}

impl<'py, T> From<&Bound<'py, T>> for Py<T> {
    fn from(bound: &Bound<'py, T>) -> Self {
        bound.clone().unbind()
    }
}

const _: () = assert!(std::mem::size_of::<Bound<'static, PyAny>>() == std::mem::size_of::<usize>());
