//! What `__traverse__` receives and returns: [`PyVisit`], the garbage collector's visitor,
//! and [`PyTraverseError`], the visitor's failure, passed back to the collector.

use std::marker::PhantomData;
use std::os::raw::{c_int, c_void};

use crate::ffi;
use crate::instance::Py;

/// The visitor handed to `__traverse__`: call it on every Python object the value holds.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::{PyTraverseError, PyVisit};
///
/// #[pyclass]
/// struct Node {
///     next: Option<Py<PyAny>>,
/// }
///
/// #[pymethods]
/// impl Node {
///     fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
///         visit.call(&self.next)
///     }
///
///     fn __clear__(&mut self) {
///         self.next = None;
///     }
/// }
/// ```
#[derive(Clone)]
pub struct PyVisit<'a> {
    visit: ffi::visitproc,
    arg: *mut c_void,
    marker: PhantomData<&'a ()>,
}

/// The visitor's non-zero result, which `__traverse__` must return to the collector.
#[repr(transparent)]
pub struct PyTraverseError(c_int);

impl PyVisit<'_> {
    /// Visits one object reference; `None` is skipped.
    pub fn call<'a, T, U: 'a>(&self, obj: T) -> Result<(), PyTraverseError>
    where
        T: Into<Option<&'a Py<U>>>,
    {
        let Some(obj) = obj.into() else {
            return Ok(());
        };
        // SAFETY: `visit` and `arg` are what CPython passed to `tp_traverse`, valid for the
        // duration of that call, which `'_` bounds; `obj` is a live reference.
        match unsafe { (self.visit)(obj.as_ptr(), self.arg) } {
            0 => Ok(()),
            code => Err(PyTraverseError(code)),
        }
    }

    /// Wraps the arguments of `tp_traverse`.
    pub(crate) fn new(visit: ffi::visitproc, arg: *mut c_void) -> Self {
        PyVisit {
            visit,
            arg,
            marker: PhantomData,
        }
    }
}

impl PyTraverseError {
    /// The code to return from `tp_traverse`.
    pub(crate) fn into_inner(self) -> c_int {
        self.0
    }
}
