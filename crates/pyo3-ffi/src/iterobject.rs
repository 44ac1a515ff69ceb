//! `iterobject.h`: sequence and callable iterators. Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::c_int;

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PySeqIter_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyCallIter_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPySeqIter_New")]
    pub fn PySeqIter_New(seq: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyCallIter_New")]
    pub fn PyCallIter_New(callable: *mut PyObject, sentinel: *mut PyObject) -> *mut PyObject;
}

/// `PySeqIter_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PySeqIter_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PySeqIter_Type)) }
}

/// `PyCallIter_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCallIter_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCallIter_Type)) }
}
