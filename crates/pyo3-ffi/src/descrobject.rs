//! `descrobject.h`: attribute descriptors, `PyGetSetDef` and (from 3.12; `structmember.h`
//! before) `PyMemberDef` with the `Py_T_*` member types. Checked against CPython 3.7–3.13.

use crate::methodobject::PyMethodDef;
use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int, c_void};

pub type getter = unsafe extern "C" fn(slf: *mut PyObject, closure: *mut c_void) -> *mut PyObject;
pub type setter =
    unsafe extern "C" fn(slf: *mut PyObject, value: *mut PyObject, closure: *mut c_void) -> c_int;

/// `PyGetSetDef`: one computed attribute of a type, ended by an all-zero entry.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyGetSetDef {
    pub name: *const c_char,
    pub get: Option<getter>,
    pub set: Option<setter>,
    pub doc: *const c_char,
    pub closure: *mut c_void,
}

impl PyGetSetDef {
    /// The all-zero sentinel entry.
    pub const fn zeroed() -> Self {
        PyGetSetDef {
            name: std::ptr::null(),
            get: None,
            set: None,
            doc: std::ptr::null(),
            closure: std::ptr::null_mut(),
        }
    }
}

impl Default for PyGetSetDef {
    fn default() -> Self {
        Self::zeroed()
    }
}

/// `PyMemberDef`: one attribute stored at a fixed offset in instances. The C field `type`
/// is named `type_code` here.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyMemberDef {
    pub name: *const c_char,
    pub type_code: c_int,
    pub offset: Py_ssize_t,
    pub flags: c_int,
    pub doc: *const c_char,
}

impl PyMemberDef {
    /// The all-zero sentinel entry.
    pub const fn zeroed() -> Self {
        PyMemberDef {
            name: std::ptr::null(),
            type_code: 0,
            offset: 0,
            flags: 0,
            doc: std::ptr::null(),
        }
    }
}

impl Default for PyMemberDef {
    fn default() -> Self {
        Self::zeroed()
    }
}

// Member types (`Py_T_*`, named so from 3.12; the same numbers as `structmember.h`'s `T_*`,
// so they are provided for every version).
pub const Py_T_SHORT: c_int = 0;
pub const Py_T_INT: c_int = 1;
pub const Py_T_LONG: c_int = 2;
pub const Py_T_FLOAT: c_int = 3;
pub const Py_T_DOUBLE: c_int = 4;
pub const Py_T_STRING: c_int = 5;
pub const _Py_T_OBJECT: c_int = 6;
pub const Py_T_CHAR: c_int = 7;
pub const Py_T_BYTE: c_int = 8;
pub const Py_T_UBYTE: c_int = 9;
pub const Py_T_UINT: c_int = 10;
pub const Py_T_USHORT: c_int = 11;
pub const Py_T_ULONG: c_int = 12;
pub const Py_T_STRING_INPLACE: c_int = 13;
pub const Py_T_BOOL: c_int = 14;
pub const Py_T_OBJECT_EX: c_int = 16;
pub const Py_T_LONGLONG: c_int = 17;
pub const Py_T_ULONGLONG: c_int = 18;
pub const Py_T_PYSSIZET: c_int = 19;
pub const _Py_T_NONE: c_int = 20;

// Member flags (named so from 3.12; `structmember.h` has the same values as `READONLY`,
// `READ_RESTRICTED` and `PY_WRITE_RESTRICTED`).
pub const Py_READONLY: c_int = 1;
pub const Py_AUDIT_READ: c_int = 2;
pub const _Py_WRITE_RESTRICTED: c_int = 4;
/// 3.12 only: older interpreters would take the offset as absolute.
pub const Py_RELATIVE_OFFSET: c_int = 8;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyClassMethodDescr_Type")]
    pub static mut PyClassMethodDescr_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyGetSetDescr_Type")]
    pub static mut PyGetSetDescr_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyMemberDescr_Type")]
    pub static mut PyMemberDescr_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyMethodDescr_Type")]
    pub static mut PyMethodDescr_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyWrapperDescr_Type")]
    pub static mut PyWrapperDescr_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyDictProxy_Type")]
    pub static mut PyDictProxy_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyProperty_Type")]
    pub static mut PyProperty_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewMethod")]
    pub fn PyDescr_NewMethod(tp: *mut PyTypeObject, meth: *mut PyMethodDef) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewClassMethod")]
    pub fn PyDescr_NewClassMethod(tp: *mut PyTypeObject, meth: *mut PyMethodDef) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyDescr_NewMember(tp: *mut PyTypeObject, meth: *mut PyMemberDef) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDescr_NewGetSet")]
    pub fn PyDescr_NewGetSet(tp: *mut PyTypeObject, getset: *mut PyGetSetDef) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDictProxy_New")]
    pub fn PyDictProxy_New(mapping: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyWrapper_New(d: *mut PyObject, slf: *mut PyObject) -> *mut PyObject;

    /// In `structmember.h` before 3.12.
    #[cfg_attr(PyPy, link_name = "PyPyMember_GetOne")]
    pub fn PyMember_GetOne(obj_addr: *const c_char, m: *mut PyMemberDef) -> *mut PyObject;
    /// In `structmember.h` before 3.12.
    #[cfg_attr(PyPy, link_name = "PyPyMember_SetOne")]
    pub fn PyMember_SetOne(addr: *mut c_char, m: *mut PyMemberDef, o: *mut PyObject) -> c_int;
}
