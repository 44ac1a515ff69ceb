//! `complexobject.h` (with `cpython/complexobject.h`): `complex` objects.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::{c_double, c_int};

/// `Py_complex` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Copy, Clone, Debug, Default, PartialEq)]
pub struct Py_complex {
    pub real: c_double,
    pub imag: c_double,
}

/// `PyComplexObject` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Debug)]
pub struct PyComplexObject {
    pub ob_base: PyObject,
    pub cval: Py_complex,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyComplex_Type")]
    pub static mut PyComplex_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyComplex_FromDoubles")]
    pub fn PyComplex_FromDoubles(real: c_double, imag: c_double) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyComplex_RealAsDouble")]
    pub fn PyComplex_RealAsDouble(op: *mut PyObject) -> c_double;
    #[cfg_attr(PyPy, link_name = "PyPyComplex_ImagAsDouble")]
    pub fn PyComplex_ImagAsDouble(op: *mut PyObject) -> c_double;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyComplex_FromCComplex")]
    pub fn PyComplex_FromCComplex(v: Py_complex) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyComplex_AsCComplex")]
    pub fn PyComplex_AsCComplex(op: *mut PyObject) -> Py_complex;
}

/// `PyComplex_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyComplex_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyComplex_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyComplex_Check"]
    pub fn PyComplex_Check(op: *mut PyObject) -> c_int;
}

/// `PyComplex_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyComplex_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyComplex_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyComplex_CheckExact"]
    pub fn PyComplex_CheckExact(op: *mut PyObject) -> c_int;
}
