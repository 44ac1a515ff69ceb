//! `pystate.h` (with `cpython/pystate.h`): interpreter and thread states and the GIL-state
//! API. Both state structs are opaque here. Checked against CPython 3.7–3.13.

use crate::moduleobject::PyModuleDef;
use crate::object::PyObject;
use std::os::raw::{c_int, c_ulong};

/// `MAX_CO_EXTRA_USERS`: the number of code-object extra slots an interpreter hands out.
pub const MAX_CO_EXTRA_USERS: c_int = 255;

/// `PyInterpreterState`: opaque.
#[repr(C)]
pub struct PyInterpreterState {
    _opaque: [u8; 0],
}

/// `PyThreadState`: opaque (its fields are not part of any stable contract).
#[repr(C)]
pub struct PyThreadState {
    _opaque: [u8; 0],
}

/// `PyFrameObject`: opaque (declared in `pyframe.h` from 3.9, `frameobject.h` before).
#[repr(C)]
pub struct PyFrameObject {
    _opaque: [u8; 0],
}

/// `PyGILState_STATE`.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyGILState_STATE {
    PyGILState_LOCKED,
    PyGILState_UNLOCKED,
}
pub use PyGILState_STATE::{PyGILState_LOCKED, PyGILState_UNLOCKED};

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_New() -> *mut PyInterpreterState;
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Clear(interp: *mut PyInterpreterState);
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Delete(interp: *mut PyInterpreterState);
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Get() -> *mut PyInterpreterState;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_GetDict(interp: *mut PyInterpreterState) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyInterpreterState_GetID")]
    pub fn PyInterpreterState_GetID(interp: *mut PyInterpreterState) -> i64;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyInterpreterState_Main() -> *mut PyInterpreterState;

    #[cfg_attr(PyPy, link_name = "PyPyState_AddModule")]
    pub fn PyState_AddModule(module: *mut PyObject, def: *mut PyModuleDef) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyState_RemoveModule")]
    pub fn PyState_RemoveModule(def: *mut PyModuleDef) -> c_int;
    pub fn PyState_FindModule(def: *mut PyModuleDef) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "PyPyThreadState_New")]
    pub fn PyThreadState_New(interp: *mut PyInterpreterState) -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Clear")]
    pub fn PyThreadState_Clear(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Delete")]
    pub fn PyThreadState_Delete(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Get")]
    pub fn PyThreadState_Get() -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_Swap")]
    pub fn PyThreadState_Swap(tstate: *mut PyThreadState) -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_GetDict")]
    pub fn PyThreadState_GetDict() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyThreadState_SetAsyncExc")]
    pub fn PyThreadState_SetAsyncExc(id: c_ulong, exc: *mut PyObject) -> c_int;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyThreadState_GetInterpreter(tstate: *mut PyThreadState) -> *mut PyInterpreterState;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyThreadState_GetFrame(tstate: *mut PyThreadState) -> *mut PyFrameObject;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyThreadState_GetID(tstate: *mut PyThreadState) -> u64;
    #[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PyThreadState_GetUnchecked() -> *mut PyThreadState;

    #[cfg_attr(PyPy, link_name = "PyPyGILState_Ensure")]
    pub fn PyGILState_Ensure() -> PyGILState_STATE;
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Release")]
    pub fn PyGILState_Release(state: PyGILState_STATE);
    #[cfg(not(PyPy))]
    pub fn PyGILState_GetThisThreadState() -> *mut PyThreadState;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyGILState_Check")]
    pub fn PyGILState_Check() -> c_int;
}

/// `PyThreadState_GET()`: the macro for `PyThreadState_Get()` outside the core.
///
/// # Safety
/// The calling thread must be attached.
#[inline]
pub unsafe fn PyThreadState_GET() -> *mut PyThreadState {
    // SAFETY: forwarded from the caller.
    unsafe { PyThreadState_Get() }
}
