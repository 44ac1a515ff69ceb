//! `floatobject.h`: `float` objects. Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::{c_double, c_int};

/// `PyFloatObject` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Debug)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: c_double,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyFloat_Type")]
    pub static mut PyFloat_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyFloat_GetMax() -> c_double;
    #[cfg(not(PyPy))]
    pub fn PyFloat_GetMin() -> c_double;
    #[cfg(not(PyPy))]
    pub fn PyFloat_GetInfo() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFloat_FromString")]
    pub fn PyFloat_FromString(str: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFloat_FromDouble")]
    pub fn PyFloat_FromDouble(v: c_double) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFloat_AsDouble")]
    pub fn PyFloat_AsDouble(pyfloat: *mut PyObject) -> c_double;
}

/// `PyFloat_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyFloat_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyFloat_Type)) }
}

/// `PyFloat_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyFloat_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFloat_Type)) }
}

/// `PyFloat_AS_DOUBLE(op)`: the value, unchecked (non-limited API).
///
/// # Safety
/// `op` must point to a live `float`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyFloat_AS_DOUBLE(op: *mut PyObject) -> c_double {
    // SAFETY: the caller guarantees `op` is a float, whose layout is `PyFloatObject`.
    unsafe { (*op.cast::<PyFloatObject>()).ob_fval }
}

#[cfg(not(Py_LIMITED_API))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyFloat_AS_DOUBLE"]
    pub fn PyFloat_AS_DOUBLE(op: *mut PyObject) -> c_double;
}

/// `_PyFloat_CAST(op)`: the cast the accessors use, unchecked.
///
/// # Safety
/// None to make the pointer; dereferencing it needs `op` to be a live `float`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn _PyFloat_CAST(op: *mut PyObject) -> *mut PyFloatObject {
    op.cast()
}
