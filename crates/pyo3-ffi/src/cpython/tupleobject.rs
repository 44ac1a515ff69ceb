//! `cpython/tupleobject.h` (part of `tupleobject.h` before 3.9): the `tuple` layout and its
//! unchecked accessors. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;

/// `PyTupleObject`: `ob_item` holds `ob_size` items.
#[repr(C)]
#[derive(Debug)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}

/// `PyTuple_GET_ITEM(op, i)`: borrowed item, unchecked.
///
/// # Safety
/// `op` must be a live tuple and `0 <= i < len`.
#[inline]
pub unsafe fn PyTuple_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller guarantees a tuple and an index in bounds.
    unsafe {
        *std::ptr::addr_of_mut!((*op.cast::<PyTupleObject>()).ob_item)
            .cast::<*mut PyObject>()
            .offset(i)
    }
}

/// `PyTuple_SET_ITEM(op, i, v)`: store `v` (stolen) without releasing the old item; only for
/// filling a new tuple.
///
/// # Safety
/// `op` must be a live tuple and `0 <= i < len`.
#[inline]
pub unsafe fn PyTuple_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: the caller guarantees a tuple and an index in bounds.
    unsafe {
        *std::ptr::addr_of_mut!((*op.cast::<PyTupleObject>()).ob_item)
            .cast::<*mut PyObject>()
            .offset(i) = v
    }
}

/// `PyTuple_GET_SIZE(op)`: the length, unchecked.
///
/// # Safety
/// `op` must be a live tuple.
#[inline]
pub unsafe fn PyTuple_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { Py_SIZE(op) }
}
