//! `traceback.h`: traceback objects. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pystate::PyFrameObject;
use std::os::raw::c_int;

extern "C" {
    pub static mut PyTraceBack_Type: PyTypeObject;

    pub fn PyTraceBack_Here(frame: *mut PyFrameObject) -> c_int;
    pub fn PyTraceBack_Print(tb: *mut PyObject, file: *mut PyObject) -> c_int;
}

/// `PyTraceBack_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyTraceBack_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyTraceBack_Type)) }
}
