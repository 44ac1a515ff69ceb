//! `cpython/context.h` (`context.h` before 3.11): `contextvars`, outside the limited API.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PyContext_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyContextVar_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyContextToken_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyContext_New() -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyContext_Copy(ctx: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyContext_CopyCurrent() -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyContext_Enter(ctx: *mut PyObject) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyContext_Exit(ctx: *mut PyObject) -> c_int;

    #[cfg_attr(PyPy, link_name = "PyPyContextVar_New")]
    pub fn PyContextVar_New(name: *const c_char, default_value: *mut PyObject) -> *mut PyObject;
    /// `*value` receives a new reference, or NULL if the variable has no value and no
    /// default.
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_Get")]
    pub fn PyContextVar_Get(
        var: *mut PyObject,
        default_value: *mut PyObject,
        value: *mut *mut PyObject,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyContextVar_Set")]
    pub fn PyContextVar_Set(var: *mut PyObject, value: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyContextVar_Reset(var: *mut PyObject, token: *mut PyObject) -> c_int;
}

/// `PyContext_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyContext_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyContext_Type)) }
}

/// `PyContextVar_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyContextVar_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyContextVar_Type)) }
}

/// `PyContextToken_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyContextToken_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyContextToken_Type)) }
}
