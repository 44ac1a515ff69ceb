//! `cpython/funcobject.h` (`funcobject.h` on 3.7–3.10): Python function objects,
//! `classmethod` and `staticmethod`, outside the limited API. Checked against CPython
//! 3.7–3.13.

use crate::object::*;
use std::os::raw::c_int;

/// `PyFunctionObject`: the instance layout of a `def`-created function. 3.10 reordered the
/// fields (the ones shared with `PyFrameConstructor` first) and added `func_builtins`.
#[repr(C)]
#[derive(Debug)]
pub struct PyFunctionObject {
    pub ob_base: PyObject,
    #[cfg(Py_3_10)]
    pub func_globals: *mut PyObject,
    #[cfg(Py_3_10)]
    pub func_builtins: *mut PyObject,
    #[cfg(Py_3_10)]
    pub func_name: *mut PyObject,
    #[cfg(Py_3_10)]
    pub func_qualname: *mut PyObject,
    pub func_code: *mut PyObject,
    #[cfg(not(Py_3_10))]
    pub func_globals: *mut PyObject,
    pub func_defaults: *mut PyObject,
    pub func_kwdefaults: *mut PyObject,
    pub func_closure: *mut PyObject,
    pub func_doc: *mut PyObject,
    #[cfg(not(Py_3_10))]
    pub func_name: *mut PyObject,
    pub func_dict: *mut PyObject,
    pub func_weakreflist: *mut PyObject,
    pub func_module: *mut PyObject,
    pub func_annotations: *mut PyObject,
    #[cfg(not(Py_3_10))]
    pub func_qualname: *mut PyObject,
    #[cfg(Py_3_12)]
    pub func_typeparams: *mut PyObject,
    #[cfg(Py_3_8)]
    pub vectorcall: Option<vectorcallfunc>,
    #[cfg(Py_3_11)]
    pub func_version: u32,
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyFunction_Type")]
    pub static mut PyFunction_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyClassMethod_Type")]
    pub static mut PyClassMethod_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyStaticMethod_Type")]
    pub static mut PyStaticMethod_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyFunction_New(code: *mut PyObject, globals: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_NewWithQualName(
        code: *mut PyObject,
        globals: *mut PyObject,
        qualname: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFunction_GetCode")]
    pub fn PyFunction_GetCode(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetGlobals(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetModule(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetDefaults(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetVectorcall(func: *mut PyFunctionObject, vectorcall: vectorcallfunc);
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetKwDefaults(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetKwDefaults(op: *mut PyObject, defaults: *mut PyObject) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetClosure(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetClosure(op: *mut PyObject, closure: *mut PyObject) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyFunction_GetAnnotations(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyFunction_SetAnnotations(op: *mut PyObject, annotations: *mut PyObject) -> c_int;
    // _PyFunction_FastCallDict / _PyFunction_FastCallKeywords (3.7) and
    // _PyFunction_Vectorcall (3.8-3.12): private call paths; `PyObject_Vectorcall` covers them.

    #[cfg_attr(PyPy, link_name = "PyPyClassMethod_New")]
    pub fn PyClassMethod_New(callable: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyStaticMethod_New")]
    pub fn PyStaticMethod_New(callable: *mut PyObject) -> *mut PyObject;

    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyFunction_AddWatcher(callback: PyFunction_WatchCallback) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyFunction_ClearWatcher(watcher_id: c_int) -> c_int;
}

/// `PyFunction_WatchEvent` (3.12): what happened to a watched function.
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyFunction_WatchEvent {
    PyFunction_EVENT_CREATE,
    PyFunction_EVENT_DESTROY,
    PyFunction_EVENT_MODIFY_CODE,
    PyFunction_EVENT_MODIFY_DEFAULTS,
    PyFunction_EVENT_MODIFY_KWDEFAULTS,
}

/// `PyFunction_WatchCallback` (3.12): `new_value` is the new code, defaults or kwdefaults
/// for the modify events, NULL otherwise.
#[cfg(Py_3_12)]
pub type PyFunction_WatchCallback = Option<
    unsafe extern "C" fn(
        event: PyFunction_WatchEvent,
        func: *mut PyFunctionObject,
        new_value: *mut PyObject,
    ) -> c_int,
>;

/// `PyFunction_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyFunction_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFunction_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyFunction_Check"]
    pub fn PyFunction_Check(op: *mut PyObject) -> c_int;
}

/// `PyFunction_GET_CODE(func)`: the code object, borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_CODE(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_code }
}

/// `PyFunction_GET_GLOBALS(func)`: the globals dict, borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_GLOBALS(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_globals }
}

/// `PyFunction_GET_MODULE(func)`: `__module__`, borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_MODULE(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_module }
}

/// `PyFunction_GET_DEFAULTS(func)`: the defaults tuple or NULL, borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_DEFAULTS(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_defaults }
}

/// `PyFunction_GET_KW_DEFAULTS(func)`: the keyword defaults dict or NULL, borrowed and
/// unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_KW_DEFAULTS(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_kwdefaults }
}

/// `PyFunction_GET_CLOSURE(func)`: the closure tuple or NULL, borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_CLOSURE(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_closure }
}

/// `PyFunction_GET_ANNOTATIONS(func)`: the annotations dict or NULL, borrowed and
/// unchecked.
///
/// # Safety
/// `func` must point to a live function object.
#[inline]
pub unsafe fn PyFunction_GET_ANNOTATIONS(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a function, whose layout is `PyFunctionObject`.
    unsafe { (*func.cast::<PyFunctionObject>()).func_annotations }
}
