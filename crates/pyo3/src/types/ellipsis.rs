//! `PyEllipsis`: Python's `...` singleton.

use crate::ffi;
use crate::instance::Borrowed;
use crate::types::PyAny;
use crate::Python;

/// The type of Python's `Ellipsis` (`...`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyEllipsis;
/// Python::attach(|py| {
///     let e = py.eval(c"...", None, None).unwrap();
///     assert!(e.is_instance_of::<PyEllipsis>());
///     assert!(e.is(PyEllipsis::get(py)));
/// });
/// ```
#[repr(transparent)]
pub struct PyEllipsis(PyAny);

impl crate::instance::DerefToPyAny for PyEllipsis {}

// SAFETY: `PyEllipsis_Type` is a static type object; the check is an identity test against
// the one instance of that type.
unsafe impl crate::type_object::PyTypeInfo for PyEllipsis {
    const NAME: &'static str = "PyEllipsis";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        #[cfg(not(PyPy))]
        return std::ptr::addr_of_mut!(ffi::PyEllipsis_Type);
        // PyPy's cpyext exports the Ellipsis object but not its type's static.
        // SAFETY: `Py_Ellipsis` is the address of the immortal Ellipsis object.
        #[cfg(PyPy)]
        return unsafe { ffi::Py_TYPE(ffi::Py_Ellipsis()) };
    }

    #[inline]
    fn is_type_of(object: &crate::Bound<'_, PyAny>) -> bool {
        // SAFETY: `Py_Ellipsis` returns the address of the static Ellipsis object.
        object.as_ptr() == unsafe { ffi::Py_Ellipsis() }
    }

    #[inline]
    fn is_exact_type_of(object: &crate::Bound<'_, PyAny>) -> bool {
        Self::is_type_of(object)
    }
}

impl PyEllipsis {
    /// `Ellipsis`, borrowed from the interpreter.
    #[inline]
    pub fn get(py: Python<'_>) -> Borrowed<'_, '_, PyEllipsis> {
        // SAFETY: Ellipsis is a static singleton, alive as long as the interpreter.
        unsafe { Borrowed::from_ptr(py, ffi::Py_Ellipsis()).cast_unchecked() }
    }
}
