//! `cpython/pystate.h` (part of `pystate.h` in 3.7): tracing and profiling hooks, the
//! frame-evaluation hook and iteration over interpreters and threads, outside the limited
//! API. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use crate::pystate::{PyFrameObject, PyInterpreterState, PyThreadState};
use std::os::raw::c_int;

/// `_PyInterpreterFrame` (3.11): the interpreter's internal frame, opaque.
#[cfg(Py_3_11)]
#[repr(C)]
pub struct _PyInterpreterFrame {
    _opaque: [u8; 0],
}

/// `_PyErr_StackItem` (`struct _err_stackitem`): one entry of the stack of exceptions
/// being handled (per thread, generator and coroutine). Before 3.11 an exception was held
/// as a type/value/traceback triple; from 3.11 as the exception object alone.
#[repr(C)]
#[derive(Debug)]
pub struct _PyErr_StackItem {
    #[cfg(not(Py_3_11))]
    pub exc_type: *mut PyObject,
    pub exc_value: *mut PyObject,
    #[cfg(not(Py_3_11))]
    pub exc_traceback: *mut PyObject,
    pub previous_item: *mut _PyErr_StackItem,
}

/// `Py_tracefunc`: a `sys.settrace`/`sys.setprofile`-style hook; `what` is a `PyTrace_*`.
pub type Py_tracefunc = unsafe extern "C" fn(
    obj: *mut PyObject,
    frame: *mut PyFrameObject,
    what: c_int,
    arg: *mut PyObject,
) -> c_int;

pub const PyTrace_CALL: c_int = 0;
pub const PyTrace_EXCEPTION: c_int = 1;
pub const PyTrace_LINE: c_int = 2;
pub const PyTrace_RETURN: c_int = 3;
pub const PyTrace_C_CALL: c_int = 4;
pub const PyTrace_C_EXCEPTION: c_int = 5;
pub const PyTrace_C_RETURN: c_int = 6;
pub const PyTrace_OPCODE: c_int = 7;

/// `_PyFrameEvalFunction` (3.7; internal in 3.8, public again from 3.9 with the thread
/// state first; from 3.11 it evaluates a `_PyInterpreterFrame`).
#[cfg(not(Py_3_8))]
pub type _PyFrameEvalFunction =
    unsafe extern "C" fn(frame: *mut PyFrameObject, exc: c_int) -> *mut PyObject;
#[cfg(all(Py_3_9, not(Py_3_11)))]
pub type _PyFrameEvalFunction = unsafe extern "C" fn(
    tstate: *mut PyThreadState,
    frame: *mut PyFrameObject,
    exc: c_int,
) -> *mut PyObject;
#[cfg(Py_3_11)]
pub type _PyFrameEvalFunction = unsafe extern "C" fn(
    tstate: *mut PyThreadState,
    frame: *mut _PyInterpreterFrame,
    exc: c_int,
) -> *mut PyObject;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Head")]
    pub fn PyInterpreterState_Head() -> *mut PyInterpreterState;
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_Next")]
    pub fn PyInterpreterState_Next(interp: *mut PyInterpreterState) -> *mut PyInterpreterState;
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_ThreadHead(interp: *mut PyInterpreterState) -> *mut PyThreadState;
    #[cfg(not(PyPy))]
    pub fn PyThreadState_Next(tstate: *mut PyThreadState) -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_DeleteCurrent")]
    pub fn PyThreadState_DeleteCurrent();

    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn _PyInterpreterState_GetEvalFrameFunc(
        interp: *mut PyInterpreterState,
    ) -> _PyFrameEvalFunction;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn _PyInterpreterState_SetEvalFrameFunc(
        interp: *mut PyInterpreterState,
        eval_frame: _PyFrameEvalFunction,
    );
}
