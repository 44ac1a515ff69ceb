//! `memoryobject.h`: `memoryview` objects. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_Type")]
    pub static mut PyMemoryView_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromObject")]
    pub fn PyMemoryView_FromObject(base: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromMemory")]
    pub fn PyMemoryView_FromMemory(
        mem: *mut c_char,
        size: Py_ssize_t,
        flags: c_int,
    ) -> *mut PyObject;
    #[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_FromBuffer")]
    pub fn PyMemoryView_FromBuffer(info: *const crate::Py_buffer) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyMemoryView_GetContiguous")]
    pub fn PyMemoryView_GetContiguous(
        base: *mut PyObject,
        buffertype: c_int,
        order: c_char,
    ) -> *mut PyObject;
}

/// `PyMemoryView_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyMemoryView_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyMemoryView_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyMemoryView_Check"]
    pub fn PyMemoryView_Check(op: *mut PyObject) -> c_int;
}
