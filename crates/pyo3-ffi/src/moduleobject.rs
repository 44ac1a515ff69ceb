//! `moduleobject.h`: module objects and module definitions (`PyModuleDef`).
//! Checked against CPython 3.7–3.13.

use crate::methodobject::PyMethodDef;
use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int, c_void};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyModule_Type")]
    pub static mut PyModule_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyModuleDef_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyModule_NewObject")]
    pub fn PyModule_NewObject(name: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyModule_New")]
    pub fn PyModule_New(name: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetDict")]
    pub fn PyModule_GetDict(module: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyModule_GetNameObject(module: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetName")]
    pub fn PyModule_GetName(module: *mut PyObject) -> *const c_char;
    /// Deprecated since 3.2: use `PyModule_GetFilenameObject`.
    #[cfg(not(PyPy))]
    pub fn PyModule_GetFilename(module: *mut PyObject) -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn PyModule_GetFilenameObject(module: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetDef")]
    pub fn PyModule_GetDef(module: *mut PyObject) -> *mut PyModuleDef;
    #[cfg_attr(PyPy, link_name = "PyPyModule_GetState")]
    pub fn PyModule_GetState(module: *mut PyObject) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyModuleDef_Init")]
    pub fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject;
    #[cfg(all(Py_3_13, Py_GIL_DISABLED, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Module_SetGIL(module: *mut PyObject, gil: *mut c_void) -> c_int;
}

/// `PyModule_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyModule_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyModule_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyModule_Check"]
    pub fn PyModule_Check(op: *mut PyObject) -> c_int;
}

/// `PyModule_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyModule_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyModule_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyModule_CheckExact"]
    pub fn PyModule_CheckExact(op: *mut PyObject) -> c_int;
}

/// `PyModuleDef_Base`.
#[repr(C)]
#[derive(Debug)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}

/// `PyModuleDef_HEAD_INIT`.
pub const PyModuleDef_HEAD_INIT: PyModuleDef_Base = PyModuleDef_Base {
    ob_base: PyObject_HEAD_INIT,
    m_init: None,
    m_index: 0,
    m_copy: std::ptr::null_mut(),
};

/// `PyModuleDef_Slot`: one entry of `m_slots` (multi-phase initialization).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}

impl Default for PyModuleDef_Slot {
    /// The all-zero entry that ends `m_slots`.
    fn default() -> Self {
        PyModuleDef_Slot {
            slot: 0,
            value: std::ptr::null_mut(),
        }
    }
}

pub const Py_mod_create: c_int = 1;
pub const Py_mod_exec: c_int = 2;
#[cfg(Py_3_12)]
pub const Py_mod_multiple_interpreters: c_int = 3;
#[cfg(Py_3_13)]
pub const Py_mod_gil: c_int = 4;

#[cfg(Py_3_12)]
pub const Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED: *mut c_void = std::ptr::null_mut();
// The C values are small integers cast to `void *`: tags, never dereferenced.
#[cfg(Py_3_12)]
#[allow(clippy::manual_dangling_ptr)]
pub const Py_MOD_MULTIPLE_INTERPRETERS_SUPPORTED: *mut c_void = 1 as *mut c_void;
#[cfg(Py_3_12)]
pub const Py_MOD_PER_INTERPRETER_GIL_SUPPORTED: *mut c_void = 2 as *mut c_void;
#[cfg(Py_3_13)]
pub const Py_MOD_GIL_USED: *mut c_void = std::ptr::null_mut();
#[cfg(Py_3_13)]
#[allow(clippy::manual_dangling_ptr)]
pub const Py_MOD_GIL_NOT_USED: *mut c_void = 1 as *mut c_void;

/// `PyModuleDef`: the definition of an extension module.
#[repr(C)]
#[derive(Debug)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: Option<traverseproc>,
    pub m_clear: Option<inquiry>,
    pub m_free: Option<freefunc>,
}
