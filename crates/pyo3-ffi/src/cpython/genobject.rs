//! `cpython/genobject.h` (`genobject.h` before 3.11): generators, coroutines and
//! asynchronous generators, outside the limited API. Checked against CPython 3.7–3.13.
//!
//! The generator layout changes in every release (3.10 drops `gi_running`, 3.11 embeds the
//! interpreter frame, 3.12 drops `gi_code`); each field carries the versions that have it.
//! `PyCoroObject` and `PyAsyncGenObject` share the layout under other field prefixes and
//! are not declared.

use crate::cpython::pystate::_PyErr_StackItem;
use crate::object::*;
use crate::pystate::PyFrameObject;
#[cfg(any(not(Py_3_10), Py_3_11))]
use std::os::raw::c_char;
use std::os::raw::c_int;

/// `PyGenObject`: a generator. From 3.11 the generator's frame is stored inline, starting
/// at `gi_iframe` (declared with one slot, as in C).
#[repr(C)]
#[derive(Debug)]
pub struct PyGenObject {
    pub ob_base: PyObject,
    /// The suspended frame; NULL once the generator is finished.
    #[cfg(not(Py_3_11))]
    pub gi_frame: *mut PyFrameObject,
    /// Whether the generator is executing.
    #[cfg(not(Py_3_10))]
    pub gi_running: c_char,
    /// The code object (a `PyCodeObject`).
    #[cfg(not(Py_3_12))]
    pub gi_code: *mut PyObject,
    pub gi_weakreflist: *mut PyObject,
    pub gi_name: *mut PyObject,
    pub gi_qualname: *mut PyObject,
    pub gi_exc_state: _PyErr_StackItem,
    #[cfg(Py_3_11)]
    pub gi_origin_or_finalizer: *mut PyObject,
    #[cfg(Py_3_11)]
    pub gi_hooks_inited: c_char,
    #[cfg(Py_3_11)]
    pub gi_closed: c_char,
    #[cfg(Py_3_11)]
    pub gi_running_async: c_char,
    #[cfg(Py_3_11)]
    pub gi_frame_state: i8,
    #[cfg(Py_3_11)]
    pub gi_iframe: [*mut PyObject; 1],
}

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PyGen_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyCoro_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyAsyncGen_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyGen_New(frame: *mut PyFrameObject) -> *mut PyObject;
    /// Before 3.9.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyGen_NeedsFinalizing(op: *mut PyGenObject) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyGen_NewWithQualName(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyGen_GetCode(gen: *mut PyObject) -> *mut crate::PyCodeObject;
    #[cfg(not(PyPy))]
    pub fn PyCoro_New(
        frame: *mut PyFrameObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(PyPy))]
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
#[cfg(not(PyPy))]
pub unsafe fn PyGen_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyGen_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyGen_Check"]
    pub fn PyGen_Check(op: *mut PyObject) -> c_int;
}

/// `PyGen_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyGen_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyGen_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyGen_CheckExact"]
    pub fn PyGen_CheckExact(op: *mut PyObject) -> c_int;
}

/// `PyCoro_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCoro_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCoro_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyCoro_CheckExact"]
    pub fn PyCoro_CheckExact(op: *mut PyObject) -> c_int;
}

/// `PyAsyncGen_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyAsyncGen_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyAsyncGen_Type)) }
}
