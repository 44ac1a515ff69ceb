//! `cpython/frameobject.h` (`frameobject.h` before 3.9): creating frames and syncing their
//! fast locals, outside the limited API. The frame layout itself is not declared (it is
//! opaque from 3.11 and private before). Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use crate::pyframe::PyCodeObject;
use crate::pystate::{PyFrameObject, PyThreadState};
use std::os::raw::c_int;

/// `PyTryBlock` (before 3.11): an entry of a frame's block stack.
#[cfg(not(Py_3_11))]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct PyTryBlock {
    /// What kind of block (`SETUP_FINALLY`, ...).
    pub b_type: c_int,
    /// Where to jump to find the handler.
    pub b_handler: c_int,
    /// The value-stack level to pop to.
    pub b_level: c_int,
}

/// `PyFrameState` (3.10): the state of a frame (`FRAME_CREATED`, ...).
#[cfg(all(Py_3_10, not(Py_3_11)))]
pub type PyFrameState = std::os::raw::c_schar;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyFrame_New")]
    pub fn PyFrame_New(
        tstate: *mut PyThreadState,
        code: *mut PyCodeObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyFrameObject;

    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyFrame_BlockSetup(f: *mut PyFrameObject, kind: c_int, handler: c_int, level: c_int);
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyFrame_BlockPop(f: *mut PyFrameObject) -> *mut PyTryBlock;

    /// Deprecated in 3.13 (a no-op there).
    #[cfg(not(PyPy))]
    pub fn PyFrame_LocalsToFast(f: *mut PyFrameObject, clear: c_int);
    /// Deprecated in 3.13 (a no-op there).
    #[cfg(not(PyPy))]
    pub fn PyFrame_FastToLocalsWithError(f: *mut PyFrameObject) -> c_int;
    /// Deprecated in 3.13 (a no-op there).
    #[cfg(not(PyPy))]
    pub fn PyFrame_FastToLocals(f: *mut PyFrameObject);

    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyFrame_ClearFreeList() -> c_int;
}
