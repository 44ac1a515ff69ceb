//! `PyFloat`: Python's `float`.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::native_type;
use crate::Python;

native_type!(
    /// Python's `float`.
    PyFloat, PyFloat_Type, ffi::PyFloat_Check, Some("builtins")
);

impl PyFloat {
    /// A new float.
    pub fn new(py: Python<'_>, val: f64) -> Bound<'_, PyFloat> {
        // SAFETY: attached; returns a new reference (NULL only on memory exhaustion).
        unsafe {
            ffi::PyFloat_FromDouble(val)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyFloat>`.
pub trait PyFloatMethods<'py> {
    /// The value as `f64`.
    fn value(&self) -> f64;
}

impl<'py> PyFloatMethods<'py> for Bound<'py, PyFloat> {
    fn value(&self) -> f64 {
        // SAFETY: attached; a float object always converts without error.
        unsafe { ffi::PyFloat_AsDouble(self.as_ptr()) }
    }
}
