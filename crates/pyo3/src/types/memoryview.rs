//! `PyMemoryView`: Python's `memoryview`.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny};
use crate::{PyErr, PyResult};

native_type!(
    /// Python's `memoryview`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyMemoryView};
    /// Python::attach(|py| {
    ///     let view = PyMemoryView::from(&PyBytes::new(py, b"abc")).unwrap();
    ///     assert_eq!(view.len().unwrap(), 3);
    /// });
    /// ```
    PyMemoryView, PyMemoryView_Type, ffi::PyMemoryView_Check, Some("builtins")
);

impl PyMemoryView {
    /// `memoryview(src)` for an object supporting the buffer protocol.
    ///
    /// # Errors
    ///
    /// `TypeError` if `src` does not support the buffer protocol.
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyMemoryView>> {
        // SAFETY: attached; returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyMemoryView_FromObject(src.as_ptr())
                .assume_owned_or_err(src.py())
                .map(|m| m.cast_into_unchecked())
        }
    }
}

impl<'py> TryFrom<&Bound<'py, PyAny>> for Bound<'py, PyMemoryView> {
    type Error = PyErr;

    /// `memoryview(value)`.
    fn try_from(value: &Bound<'py, PyAny>) -> Result<Self, Self::Error> {
        PyMemoryView::from(value)
    }
}
