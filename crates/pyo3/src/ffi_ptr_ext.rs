//! A crate-private extension trait on raw object pointers that makes every transfer of
//! reference ownership visible where it happens: `assume_owned*` takes over a new
//! reference, `assume_borrowed*` borrows one that somebody else owns.

use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::PyAny;
use crate::{PyErr, PyResult, Python};

pub(crate) trait FfiPtrExt {
    /// # Safety
    /// `self` is NULL with a Python error set, or an owned strong reference.
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>>;
    /// # Safety
    /// `self` is NULL or an owned strong reference.
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>>;
    /// # Safety
    /// `self` is an owned strong reference (never NULL).
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny>;
    /// # Safety
    /// `self` is NULL with an error set, or a reference kept alive for `'a` by its owner.
    unsafe fn assume_borrowed_or_err<'a>(self, py: Python<'_>)
        -> PyResult<Borrowed<'a, '_, PyAny>>;
    /// # Safety
    /// `self` is NULL or a reference kept alive for `'a` by its owner.
    unsafe fn assume_borrowed_or_opt<'a>(self, py: Python<'_>) -> Option<Borrowed<'a, '_, PyAny>>;
}

impl FfiPtrExt for *mut ffi::PyObject {
    #[inline]
    unsafe fn assume_owned_or_err(self, py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_owned_or_opt(py) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    unsafe fn assume_owned_or_opt(self, py: Python<'_>) -> Option<Bound<'_, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr_or_opt(py, self) }
    }

    #[inline]
    unsafe fn assume_owned(self, py: Python<'_>) -> Bound<'_, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_owned_ptr(py, self) }
    }

    #[inline]
    unsafe fn assume_borrowed_or_err<'a>(
        self,
        py: Python<'_>,
    ) -> PyResult<Borrowed<'a, '_, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { self.assume_borrowed_or_opt(py) }.ok_or_else(|| PyErr::fetch(py))
    }

    #[inline]
    unsafe fn assume_borrowed_or_opt<'a>(self, py: Python<'_>) -> Option<Borrowed<'a, '_, PyAny>> {
        // SAFETY: forwarded from the caller.
        unsafe { Borrowed::from_ptr_or_opt(py, self) }
    }
}
