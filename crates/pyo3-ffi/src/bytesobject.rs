//! `bytesobject.h`: `bytes` objects. Checked against CPython 3.7–3.13. The object layout and
//! the unchecked accessors are in `cpython/bytesobject.rs`.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Type")]
    pub static mut PyBytes_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyBytesIter_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromStringAndSize")]
    pub fn PyBytes_FromStringAndSize(v: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromString")]
    pub fn PyBytes_FromString(v: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromObject")]
    pub fn PyBytes_FromObject(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_FromFormat")]
    pub fn PyBytes_FromFormat(format: *const c_char, ...) -> *mut PyObject;
    // PyBytes_FromFormatV: takes a va_list.
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Size")]
    pub fn PyBytes_Size(o: *mut PyObject) -> Py_ssize_t;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_AsString")]
    pub fn PyBytes_AsString(o: *mut PyObject) -> *mut c_char;
    #[cfg(not(PyPy))]
    pub fn PyBytes_Repr(o: *mut PyObject, smartquotes: c_int) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_Concat")]
    pub fn PyBytes_Concat(bytes: *mut *mut PyObject, newpart: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyBytes_ConcatAndDel")]
    pub fn PyBytes_ConcatAndDel(bytes: *mut *mut PyObject, newpart: *mut PyObject);
    #[cfg(not(PyPy))]
    pub fn PyBytes_DecodeEscape(
        s: *const c_char,
        len: Py_ssize_t,
        errors: *const c_char,
        unicode: Py_ssize_t,
        recode_encoding: *const c_char,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyBytes_AsStringAndSize")]
    pub fn PyBytes_AsStringAndSize(
        obj: *mut PyObject,
        s: *mut *mut c_char,
        len: *mut Py_ssize_t,
    ) -> c_int;
}

/// `PyBytes_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyBytes_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS) }
}

/// `PyBytes_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyBytes_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyBytes_Type)) }
}
