//! `cpython/bytesobject.h` (part of `bytesobject.h` before 3.9): the `bytes` layout and its
//! unchecked accessors. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use std::os::raw::c_char;

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
pub unsafe fn PyBytes_AS_STRING(op: *mut PyObject) -> *mut c_char {
    // SAFETY: the caller guarantees `op` is a `bytes`, whose layout is `PyBytesObject`.
    unsafe { std::ptr::addr_of_mut!((*op.cast::<PyBytesObject>()).ob_sval).cast() }
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
