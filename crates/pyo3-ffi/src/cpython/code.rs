//! `cpython/code.h` and `cpython/frameobject.h` / `cpython/pyframe.h` (`code.h` and
//! `frameobject.h` on 3.7–3.8): the code and frame types outside the limited API.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
#[cfg(Py_3_9)]
use crate::pystate::PyFrameObject;
use std::os::raw::c_int;

extern "C" {
    pub static mut PyCode_Type: PyTypeObject;
    pub static mut PyFrame_Type: PyTypeObject;

    #[cfg(Py_3_9)]
    pub fn PyFrame_GetBack(frame: *mut PyFrameObject) -> *mut PyFrameObject;
}

/// `PyCode_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyCode_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCode_Type)) }
}

/// `PyFrame_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyFrame_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFrame_Type)) }
}
