//! `Py<T>`: an owned strong reference to a Python object that is not tied to a thread.
//! It can be stored in Rust structs and sent between threads; bind it to a `Python<'py>`
//! token to use it.

use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastIntoError;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyString};
use crate::{PyResult, Python};

/// An owned reference to a Python object of type `T`, independent of any thread.
///
/// Dropping it while attached decrements the reference count at once; dropping it on a
/// thread that is not attached defers the decrement to the next time a thread attaches.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyList;
/// let list: Py<PyList> = Python::attach(|py| PyList::empty(py).unbind());
/// Python::attach(|py| assert_eq!(list.bind(py).len(), 0));
/// ```
#[repr(transparent)]
pub struct Py<T>(NonNull<ffi::PyObject>, PhantomData<T>);

// SAFETY: a `Py<T>` is only dereferenced through `bind`, which needs a `Python` token
// (attached thread); reference-count changes without a token go through the deferred pool.
unsafe impl<T> Send for Py<T> {}
// SAFETY: as above; shared access hands out nothing usable without attaching.
unsafe impl<T> Sync for Py<T> {}

impl<T> Py<T> {
    #[inline]
    pub(crate) unsafe fn from_non_null(ptr: NonNull<ffi::PyObject>) -> Self {
        Py(ptr, PhantomData)
    }

    #[inline]
    pub(crate) fn as_non_null(&self) -> NonNull<ffi::PyObject> {
        self.0
    }

    /// The raw pointer, still owned by `self`.
    #[inline]
    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// Gives up ownership and returns the raw pointer.
    #[inline]
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        std::mem::ManuallyDrop::new(self).0.as_ptr()
    }

    /// Borrows this reference for an attached thread.
    #[inline]
    pub fn bind<'py>(&self, _py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: `Bound<'py, T>` is repr(transparent) over (ZST token, `Py<T>`), so the
        // layouts match; the token proves the thread is attached.
        unsafe { &*(self as *const Py<T>).cast::<Bound<'py, T>>() }
    }

    /// Turns this reference into a `Bound` for an attached thread.
    #[inline]
    pub fn into_bound(self, py: Python<'_>) -> Bound<'_, T> {
        let ptr = self.into_ptr();
        // SAFETY: ownership of the reference moves from `self` to the new `Bound`.
        unsafe { Bound::from_owned_ptr(py, ptr).cast_into_unchecked() }
    }

    /// Borrows as `Borrowed<'a, 'py, T>`.
    #[inline]
    pub fn bind_borrowed<'a, 'py>(&'a self, py: Python<'py>) -> Borrowed<'a, 'py, T> {
        // SAFETY: `self` keeps the object alive for 'a; the token proves attachment.
        unsafe { Borrowed::from_non_null(py, self.0).cast_unchecked() }
    }

    /// Makes a new strong reference (explicit, because it needs the attached thread).
    #[inline]
    pub fn clone_ref(&self, py: Python<'_>) -> Py<T> {
        self.bind(py).clone().unbind()
    }

    /// Views as `&Py<PyAny>`.
    #[inline]
    pub fn as_any(&self) -> &Py<PyAny> {
        // SAFETY: `Py<T>` has the same layout for every `T`.
        unsafe { &*(self as *const Py<T>).cast::<Py<PyAny>>() }
    }

    /// Converts into `Py<PyAny>`.
    #[inline]
    pub fn into_any(self) -> Py<PyAny> {
        let ptr = std::mem::ManuallyDrop::new(self).0;
        Py(ptr, PhantomData)
    }

    /// The reference count.
    pub fn get_refcnt(&self, py: Python<'_>) -> isize {
        self.bind(py).get_refcnt()
    }

    /// Whether this is Python's `None`.
    pub fn is_none(&self, py: Python<'_>) -> bool {
        self.bind(py).as_any().is_none()
    }

    /// `bool(self)`: the object's truth value (errors from `__bool__`/`__len__` propagate).
    pub fn is_truthy(&self, py: Python<'_>) -> PyResult<bool> {
        self.bind(py).as_any().is_truthy()
    }

    /// Releases this reference now, while attached (dropping a `Py<T>` does the same; this
    /// makes the attached release explicit).
    pub fn drop_ref(self, py: Python<'_>) {
        drop(self.into_bound(py));
    }

    /// Binds to `py`, checks the type and views the object as `&Bound<'py, U>`.
    pub fn cast_bound<'a, 'py, U: PyTypeCheck>(
        &'a self,
        py: Python<'py>,
    ) -> Result<&'a Bound<'py, U>, crate::err::CastError<'a, 'py>> {
        self.bind(py).cast()
    }

    /// Views as `&Bound<'py, U>` without checking the type.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `U`.
    #[inline]
    pub unsafe fn cast_bound_unchecked<'py, U>(&self, py: Python<'py>) -> &Bound<'py, U> {
        // SAFETY: forwarded from the caller.
        unsafe { self.bind(py).cast_unchecked() }
    }

    /// Identity comparison with another object (`self is other`).
    pub fn is<U: AsRef<Py<PyAny>>>(&self, other: U) -> bool {
        self.as_ptr() == other.as_ref().as_ptr()
    }

    /// Extracts a Rust value.
    pub fn extract<'a, 'py, D>(&'a self, py: Python<'py>) -> Result<D, D::Error>
    where
        D: FromPyObject<'a, 'py>,
    {
        self.bind_borrowed(py).to_any().extract()
    }

    /// `getattr(self, name)`.
    pub fn getattr<'py, N>(&self, py: Python<'py>, attr_name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().getattr(attr_name).map(Bound::unbind)
    }

    /// `setattr(self, name, value)`.
    pub fn setattr<'py, N, V>(&self, py: Python<'py>, attr_name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        self.bind(py).as_any().setattr(attr_name, value)
    }

    /// Calls the object with positional and keyword arguments.
    pub fn call<'py, A>(
        &self,
        py: Python<'py>,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        A: crate::call::PyCallArgs<'py>,
    {
        self.bind(py).as_any().call(args, kwargs).map(Bound::unbind)
    }

    /// Calls the object with positional arguments.
    pub fn call1<'py, A>(&self, py: Python<'py>, args: A) -> PyResult<Py<PyAny>>
    where
        A: crate::call::PyCallArgs<'py>,
    {
        self.bind(py).as_any().call1(args).map(Bound::unbind)
    }

    /// Calls the object without arguments.
    pub fn call0(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.bind(py).as_any().call0().map(Bound::unbind)
    }

    /// Calls a method with positional and keyword arguments.
    pub fn call_method<'py, N, A>(
        &self,
        py: Python<'py>,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: crate::call::PyCallArgs<'py>,
    {
        self.bind(py)
            .as_any()
            .call_method(name, args, kwargs)
            .map(Bound::unbind)
    }

    /// Calls a method with positional arguments.
    pub fn call_method1<'py, N, A>(&self, py: Python<'py>, name: N, args: A) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
        A: crate::call::PyCallArgs<'py>,
    {
        self.bind(py)
            .as_any()
            .call_method1(name, args)
            .map(Bound::unbind)
    }

    /// Calls a method without arguments.
    pub fn call_method0<'py, N>(&self, py: Python<'py>, name: N) -> PyResult<Py<PyAny>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        self.bind(py).as_any().call_method0(name).map(Bound::unbind)
    }

    /// Takes ownership of `ptr`; panics if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or an owned strong reference to an instance of `T`.
    #[track_caller]
    pub unsafe fn from_owned_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        // SAFETY: forwarded from the caller.
        unsafe {
            Bound::from_owned_ptr(py, ptr)
                .cast_into_unchecked()
                .unbind()
        }
    }

    /// Creates a new strong reference to `ptr`; panics if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to a live instance of `T`.
    #[track_caller]
    pub unsafe fn from_borrowed_ptr(py: Python<'_>, ptr: *mut ffi::PyObject) -> Py<T> {
        // SAFETY: forwarded from the caller.
        unsafe {
            Bound::from_borrowed_ptr(py, ptr)
                .cast_into_unchecked()
                .unbind()
        }
    }

    /// Creates a new strong reference to `ptr`, or fetches the error if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL (with an error set) or point to a live instance of `T`.
    pub unsafe fn from_borrowed_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe { Py::from_borrowed_ptr_or_opt(py, ptr) }.ok_or_else(|| crate::PyErr::fetch(py))
    }

    /// Creates a new strong reference to `ptr`, or `None` if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or point to a live instance of `T`.
    pub unsafe fn from_borrowed_ptr_or_opt(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> Option<Py<T>> {
        if ptr.is_null() {
            return None;
        }
        // SAFETY: `ptr` is non-NULL and, per the caller, a live instance of `T`.
        Some(unsafe { Py::from_borrowed_ptr(py, ptr) })
    }

    /// Takes ownership of `ptr`, or fetches the error if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL (with an error set) or an owned reference to an instance of `T`.
    pub unsafe fn from_owned_ptr_or_err(
        py: Python<'_>,
        ptr: *mut ffi::PyObject,
    ) -> PyResult<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr_or_err(py, ptr).map(|b| b.cast_into_unchecked().unbind()) }
    }

    /// Takes ownership of `ptr`, or `None` if it is NULL.
    ///
    /// # Safety
    ///
    /// `ptr` must be NULL or an owned reference to an instance of `T`.
    pub unsafe fn from_owned_ptr_or_opt(py: Python<'_>, ptr: *mut ffi::PyObject) -> Option<Py<T>> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr_or_opt(py, ptr).map(|b| b.cast_into_unchecked().unbind()) }
    }
}

impl Py<PyAny> {
    /// Deprecated name of [`Py::cast_bound_unchecked`].
    ///
    /// # Safety
    ///
    /// The object must be an instance of `T`.
    #[deprecated(since = "0.27.0", note = "use `Py::cast_bound_unchecked` instead")]
    pub unsafe fn downcast_bound_unchecked<'py, T>(&self, py: Python<'py>) -> &Bound<'py, T> {
        // SAFETY: forwarded from the caller.
        unsafe { self.cast_bound_unchecked(py) }
    }

    /// Checks the type and casts into `Py<U>`.
    pub fn cast_into<U: PyTypeCheck>(self, py: Python<'_>) -> Result<Py<U>, CastIntoError<'_>> {
        self.into_bound(py).cast_into().map(Bound::unbind)
    }

    /// Deprecated name of [`Py::cast_bound`].
    #[deprecated(since = "0.27.0", note = "use `Py::cast_bound` instead")]
    pub fn downcast_bound<'a, 'py, U: PyTypeCheck>(
        &'a self,
        py: Python<'py>,
    ) -> Result<&'a Bound<'py, U>, crate::err::DowncastError<'a, 'py>> {
        let bound = self.bind(py);
        if U::type_check(bound) {
            // SAFETY: the type check passed.
            Ok(unsafe { bound.cast_unchecked() })
        } else {
            Err(crate::err::DowncastError::new(bound, U::NAME))
        }
    }
}

impl<T> Drop for Py<T> {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: `self` owns exactly one strong reference, which it gives up here.
        unsafe { crate::attach::release_reference(self.0) }
    }
}

/// Cloning needs an attached thread: only with the `py-clone` feature, and it panics when
/// the thread is not attached. Prefer [`Py::clone_ref`].
#[cfg(feature = "py-clone")]
impl<T> Clone for Py<T> {
    #[track_caller]
    fn clone(&self) -> Self {
        assert!(
            crate::attach::thread_is_attached(),
            "Cannot clone pointer into Python heap without the thread being attached."
        );
        // SAFETY: attached (checked above); the object is alive while `self` is.
        unsafe { ffi::Py_INCREF(self.as_ptr()) };
        Py(self.0, PhantomData)
    }
}

/// Widens a typed reference to `Py<PyAny>`, for every native type that derefs to `PyAny`.
impl<T> From<Py<T>> for Py<PyAny>
where
    T: crate::types::DerefToPyAny,
{
    #[inline]
    fn from(other: Py<T>) -> Self {
        other.into_any()
    }
}

/// Attaches the thread (as [`Python::attach`]) and prints the object's `str()`, as
/// `Bound`'s `Display` does.
impl<T> std::fmt::Display for Py<T>
where
    T: crate::type_object::PyTypeInfo,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| std::fmt::Display::fmt(self.bind(py), f))
    }
}

impl<T> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Py").field(&self.0.as_ptr()).finish()
    }
}
