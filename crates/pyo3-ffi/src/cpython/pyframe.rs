//! `cpython/pyframe.h` (3.11+): frame accessors outside the limited API. Checked against
//! CPython 3.11–3.13.

use crate::object::*;
use crate::pystate::PyFrameObject;
#[cfg(Py_3_12)]
use std::os::raw::c_char;
use std::os::raw::c_int;

extern "C" {
    /// The type of `FrameType.f_locals` proxies (3.13).
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub static mut PyFrameLocalsProxy_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyFrame_GetLocals(frame: *mut PyFrameObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetGlobals(frame: *mut PyFrameObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetBuiltins(frame: *mut PyFrameObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetGenerator(frame: *mut PyFrameObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetLasti(frame: *mut PyFrameObject) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetVar(frame: *mut PyFrameObject, name: *mut PyObject) -> *mut PyObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetVarString(frame: *mut PyFrameObject, name: *const c_char) -> *mut PyObject;
}

/// `PyFrameLocalsProxy_Check(op)` (3.13).
///
/// # Safety
/// `op` must point to a live object.
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn PyFrameLocalsProxy_Check(op: *mut PyObject) -> c_int {
    // SAFETY: the caller guarantees `op` is live; only the type object's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFrameLocalsProxy_Type)) }
}
