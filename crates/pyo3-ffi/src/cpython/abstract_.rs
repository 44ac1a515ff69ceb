//! `cpython/abstract.h` (part of `abstract.h` on 3.7): vectorcall and the fast-call helpers
//! outside the limited API. The `static inline` functions of 3.8–3.10 are ported here.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
#[cfg(Py_3_8)]
use crate::pyport::Py_ssize_t;
#[cfg(Py_3_8)]
use crate::PyThreadState;
#[cfg(Py_3_8)]
use crate::PyVectorcall_NARGS;
#[cfg(Py_3_8)]
use crate::PY_VECTORCALL_ARGUMENTS_OFFSET;
#[cfg(Py_3_8)]
use std::os::raw::c_char;

extern "C" {
    #[cfg(not(Py_3_8))]
    #[cfg(not(PyPy))]
    pub fn _PyObject_NextNotImplemented(o: *mut PyObject) -> *mut PyObject;

    #[cfg(all(Py_3_8, not(Py_3_9)))]
    #[link_name = "_PyObject_MakeTpCall"]
    fn _PyObject_MakeTpCall_38(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargs: Py_ssize_t,
        keywords: *mut PyObject,
    ) -> *mut PyObject;
    /// Calls `callable` through `tp_call` with vectorcall-style arguments (a private
    /// function, exported from 3.8; the thread-state argument exists from 3.9).
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn _PyObject_MakeTpCall(
        tstate: *mut PyThreadState,
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargs: Py_ssize_t,
        keywords: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(all(Py_3_8, not(Py_3_9)))]
    #[link_name = "_Py_CheckFunctionResult"]
    fn _Py_CheckFunctionResult_38(
        callable: *mut PyObject,
        result: *mut PyObject,
        where_: *const c_char,
    ) -> *mut PyObject;
    /// Checks a call's result against the error indicator, raising `SystemError` on a
    /// mismatch (a private function, exported from 3.8; the thread-state argument exists
    /// from 3.9).
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn _Py_CheckFunctionResult(
        tstate: *mut PyThreadState,
        callable: *mut PyObject,
        result: *mut PyObject,
        where_: *const c_char,
    ) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "PyPyObject_LengthHint")]
    pub fn PyObject_LengthHint(o: *mut PyObject, default: crate::Py_ssize_t) -> crate::Py_ssize_t;
}

/// `_PyObject_MakeTpCall` with the 3.9+ signature; 3.8's function has no thread state.
///
/// # Safety
/// As `_PyObject_MakeTpCall`.
#[cfg(all(Py_3_8, not(Py_3_9)))]
#[inline]
pub unsafe fn _PyObject_MakeTpCall(
    tstate: *mut PyThreadState,
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    keywords: *mut PyObject,
) -> *mut PyObject {
    let _ = tstate;
    // SAFETY: forwarded from the caller.
    unsafe { _PyObject_MakeTpCall_38(callable, args, nargs, keywords) }
}

/// `_Py_CheckFunctionResult` with the 3.9+ signature; 3.8's function has no thread state.
///
/// # Safety
/// As `_Py_CheckFunctionResult`.
#[cfg(all(Py_3_8, not(Py_3_9)))]
#[inline]
pub unsafe fn _Py_CheckFunctionResult(
    tstate: *mut PyThreadState,
    callable: *mut PyObject,
    result: *mut PyObject,
    where_: *const c_char,
) -> *mut PyObject {
    let _ = tstate;
    // SAFETY: forwarded from the caller.
    unsafe { _Py_CheckFunctionResult_38(callable, result, where_) }
}

/// `PyVectorcall_Function(callable)` (`_PyVectorcall_Function` in 3.8; an exported function
/// as well from 3.11): the vectorcall entry point stored in the object, if its type
/// supports vectorcall.
///
/// # Safety
/// `callable` must point to a live object.
#[cfg(Py_3_8)]
#[inline]
pub unsafe fn PyVectorcall_Function(callable: *mut PyObject) -> Option<vectorcallfunc> {
    // SAFETY: the caller guarantees `callable` is live. A type with the vectorcall flag
    // stores a (possibly NULL) function pointer at `tp_vectorcall_offset` in its instances.
    unsafe {
        let tp = Py_TYPE(callable);
        if PyType_HasFeature(tp, _Py_TPFLAGS_HAVE_VECTORCALL) == 0 {
            return None;
        }
        let offset = (*tp).tp_vectorcall_offset;
        callable
            .cast::<u8>()
            .offset(offset)
            .cast::<Option<vectorcallfunc>>()
            .read_unaligned()
    }
}

/// `_PyObject_Vectorcall` (3.8): call with a C array of arguments.
///
/// # Safety
/// `callable` must be live; `args` must hold `PyVectorcall_NARGS(nargsf)` live objects
/// followed by one per name in `kwnames` (a tuple of str, or NULL); the thread must be
/// attached.
#[cfg(all(Py_3_8, not(Py_3_9)))]
#[inline]
pub unsafe fn _PyObject_Vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; attached, so there is a current thread state.
    unsafe {
        _PyObject_VectorcallTstate(crate::PyThreadState_Get(), callable, args, nargsf, kwnames)
    }
}

/// `_PyObject_VectorcallTstate` (inline in the 3.9–3.10 headers, internal from 3.11; the
/// same steps for every version from 3.8): the vectorcall entry point if the type has one,
/// else `tp_call`, then the result check.
///
/// # Safety
/// As `PyObject_Vectorcall`; `tstate` must be the current thread state.
#[cfg(Py_3_8)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn _PyObject_VectorcallTstate(
    tstate: *mut PyThreadState,
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; these are the header's steps.
    unsafe {
        match PyVectorcall_Function(callable) {
            None => {
                _PyObject_MakeTpCall(tstate, callable, args, PyVectorcall_NARGS(nargsf), kwnames)
            }
            Some(func) => {
                let res = func(callable, args, nargsf, kwnames);
                _Py_CheckFunctionResult(tstate, callable, res, std::ptr::null())
            }
        }
    }
}

/// `PyObject_Vectorcall` (inline in 3.9–3.10; exported from 3.11).
///
/// # Safety
/// `callable` must be live; `args` must hold `PyVectorcall_NARGS(nargsf)` live objects
/// followed by one per name in `kwnames` (a tuple of str, or NULL); the thread must be
/// attached.
#[cfg(all(Py_3_9, not(Py_3_11)))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_Vectorcall(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; the thread is attached, so it has a thread state.
    unsafe {
        _PyObject_VectorcallTstate(crate::PyThreadState_Get(), callable, args, nargsf, kwnames)
    }
}

#[cfg(all(Py_3_9, not(Py_3_11)))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_Vectorcall"]
    pub fn PyObject_Vectorcall(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwnames: *mut PyObject,
    ) -> *mut PyObject;
}

/// `PyObject_CallOneArg(func, arg)` (3.9; `_PyObject_CallOneArg` in 3.8; exported from
/// 3.11): `func(arg)` through vectorcall.
///
/// # Safety
/// `func` and `arg` must be live; the thread must be attached.
#[cfg(Py_3_8)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
    // Slot 0 is scratch space the callee may use (PY_VECTORCALL_ARGUMENTS_OFFSET).
    let args = [std::ptr::null_mut(), arg];
    // SAFETY: forwarded from the caller; `args[1..]` holds the one argument, and the
    // thread is attached so it has a current thread state.
    unsafe {
        _PyObject_VectorcallTstate(
            crate::PyThreadState_Get(),
            func,
            args.as_ptr().add(1),
            1 | PY_VECTORCALL_ARGUMENTS_OFFSET,
            std::ptr::null_mut(),
        )
    }
}

#[cfg(Py_3_8)]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_CallOneArg"]
    pub fn PyObject_CallOneArg(func: *mut PyObject, arg: *mut PyObject) -> *mut PyObject;
}

/// `PyObject_CallMethodNoArgs(self, name)` (3.9, inline).
///
/// # Safety
/// `slf` and `name` (a str) must be live; the thread must be attached.
#[cfg(Py_3_9)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_CallMethodNoArgs(slf: *mut PyObject, name: *mut PyObject) -> *mut PyObject {
    let args = [slf];
    // SAFETY: forwarded from the caller; `args[0]` is the receiver.
    unsafe {
        crate::PyObject_VectorcallMethod(
            name,
            args.as_ptr(),
            1 | PY_VECTORCALL_ARGUMENTS_OFFSET,
            std::ptr::null_mut(),
        )
    }
}

#[cfg(Py_3_9)]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_CallMethodNoArgs"]
    pub fn PyObject_CallMethodNoArgs(slf: *mut PyObject, name: *mut PyObject) -> *mut PyObject;
}

/// `PyObject_CallMethodOneArg(self, name, arg)` (3.9, inline).
///
/// # Safety
/// `slf`, `name` (a str) and `arg` must be live; the thread must be attached.
#[cfg(Py_3_9)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_CallMethodOneArg(
    slf: *mut PyObject,
    name: *mut PyObject,
    arg: *mut PyObject,
) -> *mut PyObject {
    let args = [slf, arg];
    // SAFETY: forwarded from the caller; `args` is the receiver then the argument.
    unsafe {
        crate::PyObject_VectorcallMethod(
            name,
            args.as_ptr(),
            2 | PY_VECTORCALL_ARGUMENTS_OFFSET,
            std::ptr::null_mut(),
        )
    }
}

#[cfg(Py_3_9)]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_CallMethodOneArg"]
    pub fn PyObject_CallMethodOneArg(
        slf: *mut PyObject,
        name: *mut PyObject,
        arg: *mut PyObject,
    ) -> *mut PyObject;
}

// `_PySequence_IterSearch` operations.
pub const PY_ITERSEARCH_COUNT: std::os::raw::c_int = 1;
pub const PY_ITERSEARCH_INDEX: std::os::raw::c_int = 2;
pub const PY_ITERSEARCH_CONTAINS: std::os::raw::c_int = 3;

extern "C" {
    /// A dict from vectorcall keyword values and their names (a tuple).
    #[cfg(not(PyPy))]
    pub fn _PyStack_AsDict(values: *const *mut PyObject, kwnames: *mut PyObject) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PySequence_IterSearch(
        seq: *mut PyObject,
        obj: *mut PyObject,
        operation: std::os::raw::c_int,
    ) -> crate::Py_ssize_t;
}

/// `_PyObject_FastCallTstate(tstate, func, args, nargs)` (inline in 3.9–3.10, internal
/// from 3.11; ported for every version from 3.8).
///
/// # Safety
/// `tstate` must be the current thread state; `func` live and `args` `nargs` live
/// objects.
#[cfg(Py_3_8)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn _PyObject_FastCallTstate(
    tstate: *mut PyThreadState,
    func: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; `nargs` is non-negative, so the cast keeps it.
    unsafe { _PyObject_VectorcallTstate(tstate, func, args, nargs as usize, std::ptr::null_mut()) }
}

/// `_PyObject_FastCall(func, args, nargs)` (inline in 3.8–3.10, exported in 3.11–3.12,
/// internal in 3.13; ported for every version from 3.8): `func(*args)`.
///
/// # Safety
/// `func` must be live and `args` `nargs` live objects; the thread must be attached.
#[cfg(Py_3_8)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn _PyObject_FastCall(
    func: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; attached, so there is a current thread state.
    unsafe { _PyObject_FastCallTstate(crate::PyThreadState_Get(), func, args, nargs) }
}

#[cfg(Py_3_8)]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "_PyPyObject_FastCall"]
    pub fn _PyObject_FastCall(
        func: *mut PyObject,
        args: *const *mut PyObject,
        nargs: Py_ssize_t,
    ) -> *mut PyObject;
}

/// `_PyObject_CallNoArg(func)` (inline in 3.8–3.10, internal from 3.11; ported for every
/// version from 3.8; `PyObject_CallNoArgs` is the public spelling from 3.9): `func()`.
///
/// # Safety
/// `func` must be live; the thread must be attached.
#[cfg(Py_3_8)]
#[inline]
pub unsafe fn _PyObject_CallNoArg(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller; no arguments are passed.
    unsafe { _PyObject_FastCall(func, std::ptr::null(), 0) }
}
