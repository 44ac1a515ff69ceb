//! `PyGenericAlias`: `types.GenericAlias`, the objects behind `list[int]` (Python 3.9+).

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::PyAny;
use crate::{PyResult, Python};

/// `Py_GenericAlias` objects have no check function in the C API: compare the type.
///
/// # Safety
///
/// `op` must point to a live object.
#[cfg(not(PyPy))]
unsafe fn is_generic_alias(op: *mut ffi::PyObject) -> std::os::raw::c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { ffi::PyObject_TypeCheck(op, std::ptr::addr_of_mut!(ffi::Py_GenericAliasType)) }
}

crate::types::native_type!(
    /// Python's `types.GenericAlias`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyGenericAlias, PyInt, PyList};
    /// Python::attach(|py| {
    ///     let list = py.get_type::<PyList>();
    ///     let int = py.get_type::<PyInt>();
    ///     let alias = PyGenericAlias::new(py, &list, &int).unwrap();
    ///     assert_eq!(alias.to_string(), "list[int]");
    /// });
    /// ```
    PyGenericAlias, Py_GenericAliasType, is_generic_alias, Some("types"),
    pypy = c"__import__('types').GenericAlias"
);

impl PyGenericAlias {
    /// `types.GenericAlias(origin, args)`: `origin[args]`, where `args` is one type or a
    /// tuple of them.
    pub fn new<'py>(
        py: Python<'py>,
        origin: &Bound<'py, PyAny>,
        args: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyGenericAlias>> {
        // SAFETY: attached; both arguments are live; returns a new reference or NULL.
        unsafe {
            ffi::Py_GenericAlias(origin.as_ptr(), args.as_ptr())
                .assume_owned_or_err(py)
                .map(|alias| alias.cast_into_unchecked())
        }
    }
}
