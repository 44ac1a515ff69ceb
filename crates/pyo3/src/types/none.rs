//! `PyNone`: Python's `None`.

use crate::ffi;
use crate::instance::Borrowed;
use crate::types::PyAny;
use crate::Python;

/// Python's `None` singleton type.
#[repr(transparent)]
pub struct PyNone(PyAny);

impl crate::instance::DerefToPyAny for PyNone {}

// SAFETY: `Py_None()`'s type is a static type object; the check is an identity test.
unsafe impl crate::type_object::PyTypeInfo for PyNone {
    const NAME: &'static str = "PyNone";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: None is alive for the life of the interpreter.
        unsafe { ffi::Py_TYPE(ffi::Py_None()) }
    }

    #[inline]
    fn is_type_of(object: &crate::Bound<'_, PyAny>) -> bool {
        // SAFETY: `Py_None` returns the address of the static None object.
        object.as_ptr() == unsafe { ffi::Py_None() }
    }
}

impl PyNone {
    /// `None`, borrowed from the interpreter.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyNone> {
        // SAFETY: None is a static singleton, alive as long as the interpreter.
        unsafe { Borrowed::from_ptr(py, ffi::Py_None()).cast_unchecked() }
    }
}
