//! `PyNotImplemented`: Python's `NotImplemented` singleton.

use crate::ffi;
use crate::instance::Borrowed;
use crate::types::PyAny;
use crate::Python;

/// The type of Python's `NotImplemented`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyNotImplemented;
/// Python::attach(|py| {
///     let n = py.eval(c"NotImplemented", None, None).unwrap();
///     assert!(n.is_instance_of::<PyNotImplemented>());
///     assert!(n.is(PyNotImplemented::get(py)));
/// });
/// ```
#[repr(transparent)]
pub struct PyNotImplemented(PyAny);

impl crate::instance::DerefToPyAny for PyNotImplemented {}

// SAFETY: the type of the static NotImplemented object is a static type object; the check
// is an identity test against its one instance.
unsafe impl crate::type_object::PyTypeInfo for PyNotImplemented {
    const NAME: &'static str = "PyNotImplemented";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        // SAFETY: NotImplemented is alive for the life of the interpreter.
        unsafe { ffi::Py_TYPE(ffi::Py_NotImplemented()) }
    }

    #[inline]
    fn is_type_of(object: &crate::Bound<'_, PyAny>) -> bool {
        // SAFETY: `Py_NotImplemented` returns the address of the static object.
        object.as_ptr() == unsafe { ffi::Py_NotImplemented() }
    }

    #[inline]
    fn is_exact_type_of(object: &crate::Bound<'_, PyAny>) -> bool {
        Self::is_type_of(object)
    }
}

impl PyNotImplemented {
    /// `NotImplemented`, borrowed from the interpreter.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyNotImplemented> {
        // SAFETY: NotImplemented is a static singleton, alive as long as the interpreter.
        unsafe { Borrowed::from_ptr(py, ffi::Py_NotImplemented()).cast_unchecked() }
    }
}
