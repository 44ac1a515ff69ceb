//! `cpython/genobject.h` (`genobject.h` before 3.11): generators, coroutines and
//! asynchronous generators, outside the limited API. Checked against CPython 3.7–3.13.
//!
//! `PyGenObject` and friends are not declared: their layout changes in every release
//! (3.11 embeds the interpreter frame) and the API never needs it.

use crate::object::*;
use crate::pystate::PyFrameObject;
use std::os::raw::c_int;

extern "C" {
    pub static mut PyGen_Type: PyTypeObject;
    pub static mut PyCoro_Type: PyTypeObject;
    pub static mut PyAsyncGen_Type: PyTypeObject;

    pub fn PyGen_New(frame: *mut PyFrameObject) -> *mut PyObject;
    pub fn PyGen_NewWithQualName(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_12)]
    pub fn PyGen_GetCode(gen: *mut PyObject) -> *mut crate::PyCodeObject;
    pub fn PyCoro_New(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    pub fn PyAsyncGen_New(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
}

/// `PyGen_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyGen_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyGen_Type)) }
}

/// `PyGen_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyGen_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyGen_Type)) }
}

/// `PyCoro_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyCoro_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCoro_Type)) }
}

/// `PyAsyncGen_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyAsyncGen_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyAsyncGen_Type)) }
}
