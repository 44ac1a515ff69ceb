//! `boolobject.h`: `bool` and its two singletons. Checked against CPython 3.7–3.13.

use crate::longobject::PyLongObject;
use crate::object::*;
use std::os::raw::{c_int, c_long};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyBool_Type")]
    pub static mut PyBool_Type: PyTypeObject;
    /// The `False` object (a `PyLongObject`; only its address is used).
    #[cfg_attr(PyPy, link_name = "_PyPy_FalseStruct")]
    pub static mut _Py_FalseStruct: PyLongObject;
    /// The `True` object (a `PyLongObject`; only its address is used).
    #[cfg_attr(PyPy, link_name = "_PyPy_TrueStruct")]
    pub static mut _Py_TrueStruct: PyLongObject;

    #[cfg_attr(PyPy, link_name = "PyPyBool_FromLong")]
    pub fn PyBool_FromLong(ok: c_long) -> *mut PyObject;
}

/// `PyBool_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyBool_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyBool_Type)) }
}

/// `Py_False`: the `False` singleton (borrowed).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_False() -> *mut PyObject {
    // Taking the address of an extern static reads nothing.
    std::ptr::addr_of_mut!(_Py_FalseStruct).cast()
}

/// `Py_True`: the `True` singleton (borrowed).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_True() -> *mut PyObject {
    // Taking the address of an extern static reads nothing.
    std::ptr::addr_of_mut!(_Py_TrueStruct).cast()
}

/// `Py_IsTrue(x)` (3.10 in C; provided for every version).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_IsTrue(x: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    Py_Is(x, unsafe { Py_True() })
}

/// `Py_IsFalse(x)` (3.10 in C; provided for every version).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_IsFalse(x: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    Py_Is(x, unsafe { Py_False() })
}
