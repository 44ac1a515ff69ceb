//! `dictobject.h`: `dict` objects and their views. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyDict_Type")]
    pub static mut PyDict_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyDictKeys_Type")]
    pub static mut PyDictKeys_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyDictValues_Type")]
    pub static mut PyDictValues_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyDictItems_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyDictIterKey_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyDictIterValue_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyDictIterItem_Type: PyTypeObject;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterKey_Type: PyTypeObject;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterValue_Type: PyTypeObject;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub static mut PyDictRevIterItem_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyDict_New")]
    pub fn PyDict_New() -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItem")]
    pub fn PyDict_GetItem(mp: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemWithError")]
    pub fn PyDict_GetItemWithError(mp: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetItem")]
    pub fn PyDict_SetItem(mp: *mut PyObject, key: *mut PyObject, item: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_DelItem")]
    pub fn PyDict_DelItem(mp: *mut PyObject, key: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Clear")]
    pub fn PyDict_Clear(mp: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyDict_Next")]
    pub fn PyDict_Next(
        mp: *mut PyObject,
        pos: *mut Py_ssize_t,
        key: *mut *mut PyObject,
        value: *mut *mut PyObject,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Keys")]
    pub fn PyDict_Keys(mp: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Values")]
    pub fn PyDict_Values(mp: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Items")]
    pub fn PyDict_Items(mp: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Size")]
    pub fn PyDict_Size(mp: *mut PyObject) -> Py_ssize_t;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Copy")]
    pub fn PyDict_Copy(mp: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Contains")]
    pub fn PyDict_Contains(mp: *mut PyObject, key: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Update")]
    pub fn PyDict_Update(a: *mut PyObject, b: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_Merge")]
    pub fn PyDict_Merge(a: *mut PyObject, b: *mut PyObject, override_: c_int) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyDict_MergeFromSeq2(d: *mut PyObject, seq2: *mut PyObject, override_: c_int) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_GetItemString")]
    pub fn PyDict_GetItemString(dp: *mut PyObject, key: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetItemString")]
    pub fn PyDict_SetItemString(
        dp: *mut PyObject,
        key: *const c_char,
        item: *mut PyObject,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyDict_DelItemString")]
    pub fn PyDict_DelItemString(dp: *mut PyObject, key: *const c_char) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_GetItemRef(
        mp: *mut PyObject,
        key: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_GetItemStringRef(
        mp: *mut PyObject,
        key: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
}

/// `PyDict_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyDict_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS) }
}

/// `PyDict_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyDict_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyDict_Type)) }
}

/// `PyDictKeys_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyDictKeys_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyDictKeys_Type)) }
}

/// `PyDictValues_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyDictValues_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyDictValues_Type)) }
}

/// `PyDictItems_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDictItems_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyDictItems_Type)) }
}

/// `PyDictViewSet_Check(op)`: a keys or items view (the set-like views).
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyDictViewSet_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PyDictKeys_Check(op) != 0 || PyDictItems_Check(op) != 0) as c_int }
}
