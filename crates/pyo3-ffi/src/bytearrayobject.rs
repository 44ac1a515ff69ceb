//! `bytearrayobject.h` (with `cpython/bytearrayobject.h`): `bytearray` objects.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int};

/// `PyByteArrayObject` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Debug)]
pub struct PyByteArrayObject {
    pub ob_base: PyVarObject,
    pub ob_alloc: Py_ssize_t,
    pub ob_bytes: *mut c_char,
    pub ob_start: *mut c_char,
    /// An `int` before 3.9.
    #[cfg(not(Py_3_9))]
    pub ob_exports: c_int,
    #[cfg(Py_3_9)]
    pub ob_exports: Py_ssize_t,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Type")]
    pub static mut PyByteArray_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyByteArrayIter_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyByteArray_FromObject")]
    pub fn PyByteArray_FromObject(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Concat")]
    pub fn PyByteArray_Concat(a: *mut PyObject, b: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_FromStringAndSize")]
    pub fn PyByteArray_FromStringAndSize(string: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Size")]
    pub fn PyByteArray_Size(bytearray: *mut PyObject) -> Py_ssize_t;
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_AsString")]
    pub fn PyByteArray_AsString(bytearray: *mut PyObject) -> *mut c_char;
    #[cfg_attr(PyPy, link_name = "PyPyByteArray_Resize")]
    pub fn PyByteArray_Resize(bytearray: *mut PyObject, len: Py_ssize_t) -> c_int;
}

/// `PyByteArray_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyByteArray_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyByteArray_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyByteArray_Check"]
    pub fn PyByteArray_Check(op: *mut PyObject) -> c_int;
}

/// `PyByteArray_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyByteArray_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyByteArray_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyByteArray_CheckExact"]
    pub fn PyByteArray_CheckExact(op: *mut PyObject) -> c_int;
}
