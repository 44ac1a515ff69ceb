//! `tupleobject.h`: `tuple` objects. Checked against CPython 3.7–3.13. The layout and the
//! unchecked macros are in `cpython/tupleobject.rs`.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::c_int;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Type")]
    pub static mut PyTuple_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyTupleIter_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyTuple_New")]
    pub fn PyTuple_New(size: Py_ssize_t) -> *mut PyObject;
    /// Removed in 3.9.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyTuple_ClearFreeList() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Size")]
    pub fn PyTuple_Size(p: *mut PyObject) -> Py_ssize_t;
    #[cfg_attr(PyPy, link_name = "PyPyTuple_GetItem")]
    pub fn PyTuple_GetItem(p: *mut PyObject, pos: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyTuple_SetItem")]
    pub fn PyTuple_SetItem(p: *mut PyObject, pos: Py_ssize_t, o: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyTuple_GetSlice")]
    pub fn PyTuple_GetSlice(p: *mut PyObject, low: Py_ssize_t, high: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyTuple_Pack")]
    pub fn PyTuple_Pack(n: Py_ssize_t, ...) -> *mut PyObject;
}

/// `PyTuple_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyTuple_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS) }
}

/// `PyTuple_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyTuple_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyTuple_Type)) }
}
