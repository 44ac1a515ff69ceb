//! What generated code calls for an `async fn`: wrapping its future into a
//! [`Coroutine`], and the guards that keep a `&self` / `&mut self` receiver borrowed for as
//! long as the future lives.

use std::future::Future;
use std::ops::{Deref, DerefMut};

use crate::coroutine::{Coroutine, ThrowCallback};
use crate::exceptions::PyRuntimeError;
use crate::ffi;
use crate::impl_::pyclass::layout;
use crate::impl_::wrap::IntoPyCallbackOutput;
use crate::pyclass::boolean_struct::Boolean;
use crate::types::PyString;
use crate::{Bound, Py, PyAny, PyClass, PyResult, Python};

/// Wraps the future of an `async fn` called from Python into a [`Coroutine`] named `name`
/// (`qualname_prefix` is the class name for methods).
///
/// The future must be `Send + 'static`: Python may resume it from any thread, long after
/// the call's arguments are gone.
pub fn new_coroutine<F>(
    py: Python<'_>,
    name: &'static str,
    qualname_prefix: Option<&'static str>,
    throw_callback: Option<ThrowCallback>,
    future: F,
) -> Coroutine
where
    F: Future + Send + 'static,
    F::Output: for<'py> IntoPyCallbackOutput<'py>,
{
    let converted = async move {
        let output = future.await;
        // Polled only from `Coroutine::send`/`throw`, so this attach is a nested one.
        Python::attach(|py| {
            let ptr = output.into_callback_output(py)?;
            // SAFETY: `into_callback_output` returns a new (non-NULL) reference on success.
            Ok(unsafe { Py::<PyAny>::from_owned_ptr(py, ptr) })
        })
    };
    Coroutine::from_parts(
        Some(PyString::intern(py, name).unbind()),
        qualname_prefix,
        throw_callback,
        Box::pin(converted),
    )
}

/// A shared borrow of a `#[pyclass]` value held by an `async fn`'s future (`&self`),
/// released when the future is dropped.
pub struct RefGuard<T: PyClass>(Py<T>);

impl<T: PyClass> RefGuard<T> {
    /// Borrows the receiver `slf`, failing as `&self` would (wrong type, already mutably
    /// borrowed).
    ///
    /// # Safety
    /// `slf` is a valid object pointer (the receiver CPython passed).
    pub unsafe fn new(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        // SAFETY: the caller guarantees `slf` is a live object.
        let obj = unsafe { Bound::<PyAny>::from_borrowed_ptr(py, slf) };
        let obj = obj.cast_into::<T>()?;
        // SAFETY: `obj` is a live instance of `T` (checked just above).
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            if !T::Frozen::VALUE {
                layout::borrow_flag::<T>(obj.as_ptr()).try_borrow()?;
            }
        }
        Ok(RefGuard(obj.unbind()))
    }
}

impl<T: PyClass> Deref for RefGuard<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the shared borrow registered in `new` lasts until `drop` (or the class is
        // frozen), so no `&mut T` exists meanwhile; `self.0` keeps the object alive.
        unsafe { &*layout::value_ptr::<T>(self.0.as_ptr()) }
    }
}

impl<T: PyClass> Drop for RefGuard<T> {
    fn drop(&mut self) {
        if !T::Frozen::VALUE {
            Python::attach(|_py| {
                // SAFETY: `new` registered exactly one shared borrow, released once here.
                unsafe { layout::borrow_flag::<T>(self.0.as_ptr()).release_borrow() }
            });
        }
    }
}

/// An exclusive borrow of a `#[pyclass]` value held by an `async fn`'s future
/// (`&mut self`), released when the future is dropped.
pub struct RefMutGuard<T: PyClass>(Py<T>);

impl<T: PyClass> RefMutGuard<T> {
    /// Borrows the receiver `slf` exclusively, failing as `&mut self` would.
    ///
    /// Generated code checks at compile time that the class is not `frozen` (with a
    /// message saying so); a frozen class has no borrow flag, so it is refused here too.
    ///
    /// # Safety
    /// `slf` is a valid object pointer (the receiver CPython passed).
    pub unsafe fn new(py: Python<'_>, slf: *mut ffi::PyObject) -> PyResult<Self> {
        // SAFETY: the caller guarantees `slf` is a live object.
        let obj = unsafe { Bound::<PyAny>::from_borrowed_ptr(py, slf) };
        let obj = obj.cast_into::<T>()?;
        if T::Frozen::VALUE {
            return Err(PyRuntimeError::new_err(
                "a frozen class cannot be borrowed mutably",
            ));
        }
        // SAFETY: `obj` is a live instance of `T` (checked just above), which is not frozen
        // and so has a borrow flag.
        unsafe {
            layout::check_thread::<T>(obj.as_ptr());
            layout::borrow_flag::<T>(obj.as_ptr()).try_borrow_mut()?;
        }
        Ok(RefMutGuard(obj.unbind()))
    }
}

impl<T: PyClass> Deref for RefMutGuard<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the exclusive borrow registered in `new` lasts until `drop`.
        unsafe { &*layout::value_ptr::<T>(self.0.as_ptr()) }
    }
}

impl<T: PyClass> DerefMut for RefMutGuard<T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the exclusive borrow registered in `new` lasts until `drop`, and
        // `&mut self` makes this the only path to the value.
        unsafe { &mut *layout::value_ptr::<T>(self.0.as_ptr()) }
    }
}

impl<T: PyClass> Drop for RefMutGuard<T> {
    fn drop(&mut self) {
        Python::attach(|_py| {
            // SAFETY: `new` registered exactly one exclusive borrow, released once here.
            unsafe { layout::borrow_flag::<T>(self.0.as_ptr()).release_borrow_mut() }
        });
    }
}
