//! `cpython/bytesobject.h` (part of `bytesobject.h` before 3.9): the `bytes` layout and its
//! unchecked accessors. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use std::os::raw::{c_char, c_int};

/// `PyBytesObject`: `ob_sval` holds `ob_size + 1` bytes, the last one NUL.
#[repr(C)]
#[derive(Debug)]
pub struct PyBytesObject {
    pub ob_base: PyVarObject,
    /// Deprecated since 3.11, still present.
    pub ob_shash: Py_hash_t,
    pub ob_sval: [c_char; 1],
}

/// `PyBytes_AS_STRING(op)`: the buffer, unchecked.
///
/// # Safety
/// `op` must point to a live `bytes` object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyBytes_AS_STRING(op: *mut PyObject) -> *mut c_char {
    // SAFETY: the caller guarantees `op` is a `bytes`, whose layout is `PyBytesObject`.
    unsafe { std::ptr::addr_of_mut!((*op.cast::<PyBytesObject>()).ob_sval).cast() }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyBytes_AS_STRING"]
    pub fn PyBytes_AS_STRING(op: *mut PyObject) -> *mut c_char;
}

/// `PyBytes_GET_SIZE(op)`: the length, unchecked.
///
/// # Safety
/// `op` must point to a live `bytes` object.
#[inline]
pub unsafe fn PyBytes_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { Py_SIZE(op) }
}

extern "C" {
    /// Resizes the only reference to a fresh `bytes` object; on failure `*bytes` is released
    /// and set to NULL.
    #[cfg_attr(PyPy, link_name = "_PyPyBytes_Resize")]
    pub fn _PyBytes_Resize(bytes: *mut *mut PyObject, newsize: Py_ssize_t) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyBytes_FormatEx(
        format: *const c_char,
        format_len: Py_ssize_t,
        args: *mut PyObject,
        use_bytearray: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyBytes_FromHex(string: *mut PyObject, use_bytearray: c_int) -> *mut PyObject;
    /// Before 3.9 with the unused `unicode` and `recode_encoding` parameters.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn _PyBytes_DecodeEscape(
        s: *const c_char,
        len: Py_ssize_t,
        errors: *const c_char,
        unicode: Py_ssize_t,
        recode_encoding: *const c_char,
        first_invalid_escape: *mut *const c_char,
    ) -> *mut PyObject;
    #[cfg(all(Py_3_9, not(Py_3_13)))]
    #[cfg(not(PyPy))]
    pub fn _PyBytes_DecodeEscape(
        s: *const c_char,
        len: Py_ssize_t,
        errors: *const c_char,
        first_invalid_escape: *mut *const c_char,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPyBytes_Join")]
    pub fn _PyBytes_Join(sep: *mut PyObject, iterable: *mut PyObject) -> *mut PyObject;
    // _PyBytesWriter_*: a private writer API around a caller-allocated struct.
}
