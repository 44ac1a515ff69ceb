//! `marshal.h`: the `marshal` serialization format. Up to 3.12 the string and write
//! functions were visible to the limited API too (though not in the stable ABI); 3.13 hides
//! the whole header from it. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int, c_long};

/// `Py_MARSHAL_VERSION`: the format version written by default.
pub const Py_MARSHAL_VERSION: c_int = 4;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_ReadObjectFromString")]
    pub fn PyMarshal_ReadObjectFromString(data: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyMarshal_WriteObjectToString")]
    pub fn PyMarshal_WriteObjectToString(value: *mut PyObject, version: c_int) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyMarshal_WriteLongToFile(value: c_long, file: *mut libc::FILE, version: c_int);
    #[cfg(not(PyPy))]
    pub fn PyMarshal_WriteObjectToFile(value: *mut PyObject, file: *mut libc::FILE, version: c_int);
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadLongFromFile(file: *mut libc::FILE) -> c_long;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadShortFromFile(file: *mut libc::FILE) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadObjectFromFile(file: *mut libc::FILE) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyMarshal_ReadLastObjectFromFile(file: *mut libc::FILE) -> *mut PyObject;
}
