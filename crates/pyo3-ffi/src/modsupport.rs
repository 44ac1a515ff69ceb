//! `modsupport.h`: argument parsing, value building and module-population helpers.
//! Checked against CPython 3.7–3.13.

use crate::methodobject::PyMethodDef;
use crate::moduleobject::PyModuleDef;
use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int, c_long};

/// `PYTHON_API_VERSION`: passed to `PyModule_Create2` by version-specific builds.
pub const PYTHON_API_VERSION: c_int = 1013;
/// `PYTHON_ABI_VERSION`: passed to `PyModule_Create2` by limited-API builds.
pub const PYTHON_ABI_VERSION: c_int = 3;

/// `Py_CLEANUP_SUPPORTED`: a converter's return value asking `PyArg_Parse*` to call it
/// again for cleanup after a later failure.
pub const Py_CLEANUP_SUPPORTED: c_int = 0x20000;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyArg_Parse")]
    pub fn PyArg_Parse(args: *mut PyObject, format: *const c_char, ...) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyArg_ParseTuple")]
    pub fn PyArg_ParseTuple(args: *mut PyObject, format: *const c_char, ...) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "PyPyArg_ParseTupleAndKeywords")]
    pub fn PyArg_ParseTupleAndKeywords(
        args: *mut PyObject,
        kw: *mut PyObject,
        format: *const c_char,
        keywords: *mut *mut c_char,
        ...
    ) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyArg_ParseTupleAndKeywords")]
    pub fn PyArg_ParseTupleAndKeywords(
        args: *mut PyObject,
        kw: *mut PyObject,
        format: *const c_char,
        keywords: *const *const c_char,
        ...
    ) -> c_int;
    pub fn PyArg_ValidateKeywordArguments(kw: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyArg_UnpackTuple")]
    pub fn PyArg_UnpackTuple(
        args: *mut PyObject,
        name: *const c_char,
        min: Py_ssize_t,
        max: Py_ssize_t,
        ...
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_BuildValue")]
    pub fn Py_BuildValue(format: *const c_char, ...) -> *mut PyObject;
    // PyArg_VaParse, PyArg_VaParseTupleAndKeywords, Py_VaBuildValue: take a va_list, which
    // Rust cannot build portably.

    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyModule_AddObjectRef(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyModule_Add(module: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddObject")]
    pub fn PyModule_AddObject(
        module: *mut PyObject,
        name: *const c_char,
        value: *mut PyObject,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddIntConstant")]
    pub fn PyModule_AddIntConstant(
        module: *mut PyObject,
        name: *const c_char,
        value: c_long,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddStringConstant")]
    pub fn PyModule_AddStringConstant(
        module: *mut PyObject,
        name: *const c_char,
        value: *const c_char,
    ) -> c_int;
    #[cfg(Py_3_9)]
    pub fn PyModule_AddType(module: *mut PyObject, tp: *mut PyTypeObject) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyModule_SetDocString(module: *mut PyObject, doc: *const c_char) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_AddFunctions")]
    pub fn PyModule_AddFunctions(module: *mut PyObject, functions: *mut PyMethodDef) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_ExecDef")]
    pub fn PyModule_ExecDef(module: *mut PyObject, def: *mut PyModuleDef) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyModule_Create2")]
    pub fn PyModule_Create2(def: *mut PyModuleDef, apiver: c_int) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyModule_FromDefAndSpec2(
        def: *mut PyModuleDef,
        spec: *mut PyObject,
        module_api_version: c_int,
    ) -> *mut PyObject;
}

#[cfg(Py_LIMITED_API)]
const CREATE_API_VERSION: c_int = PYTHON_ABI_VERSION;
#[cfg(not(Py_LIMITED_API))]
const CREATE_API_VERSION: c_int = PYTHON_API_VERSION;

/// `PyModule_Create(def)`: `PyModule_Create2` with the ABI version (limited API) or the
/// API version (version-specific builds), as the header's macro.
///
/// # Safety
/// As `PyModule_Create2`; `def` must outlive the module (usually a `static`).
#[inline]
pub unsafe fn PyModule_Create(def: *mut PyModuleDef) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyModule_Create2(def, CREATE_API_VERSION) }
}

/// `PyModule_FromDefAndSpec(def, spec)`: the macro over `PyModule_FromDefAndSpec2`.
///
/// # Safety
/// As `PyModule_FromDefAndSpec2`.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyModule_FromDefAndSpec(def: *mut PyModuleDef, spec: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyModule_FromDefAndSpec2(def, spec, CREATE_API_VERSION) }
}
