//! `cpython/listobject.h` (part of `listobject.h` before 3.9): the `list` layout and its
//! unchecked accessors. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
#[cfg(Py_3_13)]
use std::os::raw::c_int;

/// `PyListObject`.
#[repr(C)]
#[derive(Debug)]
pub struct PyListObject {
    pub ob_base: PyVarObject,
    pub ob_item: *mut *mut PyObject,
    pub allocated: Py_ssize_t,
}

extern "C" {
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyList_Extend(list: *mut PyObject, iterable: *mut PyObject) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyList_Clear(list: *mut PyObject) -> c_int;
}

/// `PyList_GET_ITEM(op, i)`: borrowed item, unchecked.
///
/// # Safety
/// `op` must be a live list and `0 <= i < len`.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller guarantees a list and an index in bounds.
    unsafe { *(*op.cast::<PyListObject>()).ob_item.offset(i) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyList_GET_ITEM"]
    pub fn PyList_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
}

/// `PyList_SET_ITEM(op, i, v)`: store `v` (stolen) without releasing the old item.
///
/// # Safety
/// `op` must be a live list and `0 <= i < len`; the old item is leaked if not NULL.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: the caller guarantees a list and an index in bounds.
    unsafe { *(*op.cast::<PyListObject>()).ob_item.offset(i) = v }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyList_SET_ITEM"]
    pub fn PyList_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject);
}

/// `PyList_GET_SIZE(op)`: the length, unchecked.
///
/// # Safety
/// `op` must be a live list.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { Py_SIZE(op) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyList_GET_SIZE"]
    pub fn PyList_GET_SIZE(op: *mut PyObject) -> Py_ssize_t;
}
