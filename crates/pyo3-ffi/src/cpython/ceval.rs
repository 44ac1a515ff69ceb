//! `cpython/ceval.h` (part of `ceval.h` before 3.8): tracing and profiling, the default
//! frame evaluator and code-object extra slots, outside the limited API. Checked against
//! CPython 3.7–3.13.

#[cfg(Py_3_11)]
use crate::cpython::pystate::_PyInterpreterFrame;
use crate::cpython::pystate::Py_tracefunc;
use crate::object::{freefunc, PyObject};
use crate::pyport::Py_ssize_t;
#[cfg(not(Py_3_11))]
use crate::pystate::PyFrameObject;
#[cfg(Py_3_9)]
use crate::pystate::PyThreadState;
use crate::pythonrun::PyCompilerFlags;
use std::os::raw::c_int;

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyEval_SetProfile(func: Option<Py_tracefunc>, arg: *mut PyObject);
    #[cfg(not(PyPy))]
    pub fn PyEval_SetTrace(func: Option<Py_tracefunc>, arg: *mut PyObject);
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyEval_SetProfileAllThreads(func: Option<Py_tracefunc>, arg: *mut PyObject);
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyEval_SetTraceAllThreads(func: Option<Py_tracefunc>, arg: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyEval_MergeCompilerFlags")]
    pub fn PyEval_MergeCompilerFlags(cf: *mut PyCompilerFlags) -> c_int;

    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn _PyEval_EvalFrameDefault(frame: *mut PyFrameObject, exc: c_int) -> *mut PyObject;
    #[cfg(all(Py_3_9, not(Py_3_11)))]
    #[cfg(not(PyPy))]
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut PyThreadState,
        frame: *mut PyFrameObject,
        exc: c_int,
    ) -> *mut PyObject;
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn _PyEval_EvalFrameDefault(
        tstate: *mut PyThreadState,
        frame: *mut _PyInterpreterFrame,
        exc: c_int,
    ) -> *mut PyObject;

    #[cfg(not(Py_3_12))]
    #[cfg(not(PyPy))]
    pub fn _PyEval_RequestCodeExtraIndex(free: freefunc) -> Py_ssize_t;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Eval_RequestCodeExtraIndex(free: freefunc) -> Py_ssize_t;
}

/// `_PyEval_RequestCodeExtraIndex` (3.12+): the old name of
/// `PyUnstable_Eval_RequestCodeExtraIndex`.
///
/// # Safety
/// As `PyUnstable_Eval_RequestCodeExtraIndex`.
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn _PyEval_RequestCodeExtraIndex(free: freefunc) -> Py_ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnstable_Eval_RequestCodeExtraIndex(free) }
}
