//! Python's `marshal` format: the serialisation CPython uses for `.pyc` files. Not
//! available on limited-API builds, as in PyO3.
#![cfg(not(limited_api_only))]

use std::os::raw::c_int;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PyBytes};
use crate::{PyResult, Python};

/// The current version of the marshal format.
pub const VERSION: i32 = 4;

/// Serialises `object` in marshal format `version`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::marshal;
/// use pyo3::types::PyDict;
/// Python::attach(|py| {
///     let dict = PyDict::new(py);
///     dict.set_item("answer", 42).unwrap();
///     let data = marshal::dumps(&dict, marshal::VERSION).unwrap();
///     let back = marshal::loads(py, data.as_bytes()).unwrap();
///     assert!(back.eq(&dict).unwrap());
/// });
/// ```
pub fn dumps<'py>(object: &Bound<'py, PyAny>, version: i32) -> PyResult<Bound<'py, PyBytes>> {
    // SAFETY: attached; the object is alive; the result is a new bytes reference or NULL
    // with an error set.
    unsafe {
        PyMarshal_WriteObjectToString(object.as_ptr(), version as c_int)
            .assume_owned_or_err(object.py())
            .map(|b| b.cast_into_unchecked())
    }
}

/// Deserialises an object from marshal-format `data`.
pub fn loads<'py, B>(py: Python<'py>, data: &B) -> PyResult<Bound<'py, PyAny>>
where
    B: AsRef<[u8]> + ?Sized,
{
    let data = data.as_ref();
    // SAFETY: attached; the buffer is valid for its length; the result is a new
    // reference or NULL with an error set.
    unsafe {
        PyMarshal_ReadObjectFromString(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned_or_err(py)
    }
}

// Declared here rather than in pyo3-ffi: `marshal.h` is outside the limited API and these
// two functions are all this module needs.
extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_WriteObjectToString")]
    fn PyMarshal_WriteObjectToString(
        object: *mut ffi::PyObject,
        version: c_int,
    ) -> *mut ffi::PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_ReadObjectFromString")]
    fn PyMarshal_ReadObjectFromString(
        data: *const std::os::raw::c_char,
        len: ffi::Py_ssize_t,
    ) -> *mut ffi::PyObject;
}
