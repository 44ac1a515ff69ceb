//! `sliceobject.h`: `slice` objects and the `Ellipsis` singleton.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::c_int;

/// `PySliceObject` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Debug)]
pub struct PySliceObject {
    pub ob_base: PyObject,
    pub start: *mut PyObject,
    pub stop: *mut PyObject,
    pub step: *mut PyObject,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "_PyPy_EllipsisObject")]
    pub static mut _Py_EllipsisObject: PyObject;
    #[cfg_attr(PyPy, link_name = "PyPySlice_Type")]
    pub static mut PySlice_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyEllipsis_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPySlice_New")]
    pub fn PySlice_New(
        start: *mut PyObject,
        stop: *mut PyObject,
        step: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPySlice_GetIndices")]
    pub fn PySlice_GetIndices(
        r: *mut PyObject,
        length: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPySlice_Unpack")]
    pub fn PySlice_Unpack(
        slice: *mut PyObject,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
    ) -> c_int;
    pub fn PySlice_AdjustIndices(
        length: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: Py_ssize_t,
    ) -> Py_ssize_t;
}

/// `Py_Ellipsis`: the `Ellipsis` singleton (borrowed).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_Ellipsis() -> *mut PyObject {
    // Taking the address of an extern static reads nothing.
    std::ptr::addr_of_mut!(_Py_EllipsisObject)
}

/// `PySlice_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PySlice_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PySlice_Type)) }
}

/// `PySlice_GetIndicesEx(slice, length, start, stop, step, slicelength)`: the headers'
/// macro over `PySlice_Unpack` and `PySlice_AdjustIndices` (the exported function of the
/// same name is the pre-3.6.1 behaviour, kept for ABI compatibility).
///
/// # Safety
/// `slice` must be a live slice; the out-pointers must be valid for writes.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PySlice_GetIndicesEx(
    slice: *mut PyObject,
    length: Py_ssize_t,
    start: *mut Py_ssize_t,
    stop: *mut Py_ssize_t,
    step: *mut Py_ssize_t,
    slicelength: *mut Py_ssize_t,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe {
        if PySlice_Unpack(slice, start, stop, step) < 0 {
            return -1;
        }
        *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    }
    0
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPySlice_GetIndicesEx"]
    pub fn PySlice_GetIndicesEx(
        slice: *mut PyObject,
        length: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
        slicelength: *mut Py_ssize_t,
    ) -> c_int;
}
