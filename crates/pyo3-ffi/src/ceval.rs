//! `ceval.h` (with `cpython/ceval.h`): evaluating code, the current frame's namespaces, and
//! releasing/reacquiring the GIL. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use crate::pystate::{PyFrameObject, PyThreadState};
use std::os::raw::{c_char, c_int, c_void};

extern "C" {
    /// 3.7 only (replaced by `PyOS_AfterFork_Child`).
    #[cfg(not(Py_3_8))]
    #[cfg(not(PyPy))]
    pub fn PyEval_ReInitThreads();
    #[cfg_attr(PyPy, link_name = "PyPyEval_EvalCode")]
    pub fn PyEval_EvalCode(
        co: *mut PyObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyEval_EvalCodeEx(
        co: *mut PyObject,
        globals: *mut PyObject,
        locals: *mut PyObject,
        args: *const *mut PyObject,
        argc: c_int,
        kwds: *const *mut PyObject,
        kwdc: c_int,
        defs: *const *mut PyObject,
        defc: c_int,
        kwdefs: *mut PyObject,
        closure: *mut PyObject,
    ) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "PyPyEval_GetBuiltins")]
    pub fn PyEval_GetBuiltins() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetGlobals")]
    pub fn PyEval_GetGlobals() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetLocals")]
    pub fn PyEval_GetLocals() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyEval_GetFrame")]
    pub fn PyEval_GetFrame() -> *mut PyFrameObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyEval_GetFrameBuiltins() -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyEval_GetFrameGlobals() -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyEval_GetFrameLocals() -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyEval_GetFuncName(func: *mut PyObject) -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn PyEval_GetFuncDesc(func: *mut PyObject) -> *const c_char;

    #[cfg_attr(PyPy, link_name = "PyPy_AddPendingCall")]
    pub fn Py_AddPendingCall(
        func: Option<unsafe extern "C" fn(arg: *mut c_void) -> c_int>,
        arg: *mut c_void,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_MakePendingCalls")]
    pub fn Py_MakePendingCalls() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_SetRecursionLimit")]
    pub fn Py_SetRecursionLimit(limit: c_int);
    #[cfg_attr(PyPy, link_name = "PyPy_GetRecursionLimit")]
    pub fn Py_GetRecursionLimit() -> c_int;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPy_EnterRecursiveCall")]
    pub fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPy_LeaveRecursiveCall")]
    pub fn Py_LeaveRecursiveCall();

    #[cfg_attr(PyPy, link_name = "PyPyEval_SaveThread")]
    pub fn PyEval_SaveThread() -> *mut PyThreadState;
    #[cfg_attr(PyPy, link_name = "PyPyEval_RestoreThread")]
    pub fn PyEval_RestoreThread(tstate: *mut PyThreadState);
    /// Deprecated since 3.9 (a no-op: the GIL is created at startup).
    #[cfg_attr(PyPy, link_name = "PyPyEval_InitThreads")]
    pub fn PyEval_InitThreads();
    /// Deprecated since 3.9; removed from the headers in 3.13.
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_ThreadsInitialized")]
    pub fn PyEval_ThreadsInitialized() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyEval_AcquireThread")]
    pub fn PyEval_AcquireThread(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPyEval_ReleaseThread")]
    pub fn PyEval_ReleaseThread(tstate: *mut PyThreadState);
    /// Deprecated since 3.2; gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PyEval_AcquireLock();
    /// Deprecated since 3.2; gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PyEval_ReleaseLock();
    /// Deprecated since 3.9 (use `PyObject_Call`); gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallObjectWithKeywords")]
    pub fn PyEval_CallObjectWithKeywords(
        callable: *mut PyObject,
        args: *mut PyObject,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;
    /// Deprecated since 3.9 (use `PyObject_CallFunction`); gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallFunction")]
    pub fn PyEval_CallFunction(
        callable: *mut PyObject,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    /// Deprecated since 3.9 (use `PyObject_CallMethod`); gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyEval_CallMethod")]
    pub fn PyEval_CallMethod(
        obj: *mut PyObject,
        name: *const c_char,
        format: *const c_char,
        ...
    ) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyEval_EvalFrame(frame: *mut PyFrameObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyEval_EvalFrameEx(frame: *mut PyFrameObject, exc: c_int) -> *mut PyObject;
}

/// `PyEval_CallObject(callable, args)`: the deprecated macro over
/// `PyEval_CallObjectWithKeywords` (gone from the 3.13 headers).
///
/// # Safety
/// As `PyEval_CallObjectWithKeywords`.
#[cfg(not(Py_3_13))]
#[inline]
pub unsafe fn PyEval_CallObject(callable: *mut PyObject, args: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyEval_CallObjectWithKeywords(callable, args, std::ptr::null_mut()) }
}
