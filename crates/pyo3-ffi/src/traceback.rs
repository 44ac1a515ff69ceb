//! `traceback.h`: traceback objects. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pystate::PyFrameObject;
use std::os::raw::c_int;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Type")]
    pub static mut PyTraceBack_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Here")]
    pub fn PyTraceBack_Here(frame: *mut PyFrameObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyTraceBack_Print")]
    pub fn PyTraceBack_Print(tb: *mut PyObject, file: *mut PyObject) -> c_int;
}

/// `PyTraceBack_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyTraceBack_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyTraceBack_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyTraceBack_Check"]
    pub fn PyTraceBack_Check(op: *mut PyObject) -> c_int;
}
