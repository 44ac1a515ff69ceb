//! `setobject.h`: `set` and `frozenset`. The object layout is in `cpython/setobject.rs`.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::c_int;

extern "C" {
    pub static mut PySet_Type: PyTypeObject;
    pub static mut PyFrozenSet_Type: PyTypeObject;
    pub static mut PySetIter_Type: PyTypeObject;

    pub fn PySet_New(iterable: *mut PyObject) -> *mut PyObject;
    pub fn PyFrozenSet_New(iterable: *mut PyObject) -> *mut PyObject;
    pub fn PySet_Add(set: *mut PyObject, key: *mut PyObject) -> c_int;
    pub fn PySet_Clear(set: *mut PyObject) -> c_int;
    pub fn PySet_Contains(anyset: *mut PyObject, key: *mut PyObject) -> c_int;
    pub fn PySet_Discard(set: *mut PyObject, key: *mut PyObject) -> c_int;
    pub fn PySet_Pop(set: *mut PyObject) -> *mut PyObject;
    pub fn PySet_Size(anyset: *mut PyObject) -> Py_ssize_t;
}

/// `PyFrozenSet_CheckExact(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PyFrozenSet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(ob, std::ptr::addr_of_mut!(PyFrozenSet_Type)) }
}

/// `PyFrozenSet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PyFrozenSet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(ob, std::ptr::addr_of_mut!(PyFrozenSet_Type)) }
}

/// `PySet_CheckExact(ob)` (3.10 in C; provided for every version).
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PySet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(ob, std::ptr::addr_of_mut!(PySet_Type)) }
}

/// `PySet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PySet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(ob, std::ptr::addr_of_mut!(PySet_Type)) }
}

/// `PyAnySet_CheckExact(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PyAnySet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PySet_CheckExact(ob) != 0 || PyFrozenSet_CheckExact(ob) != 0) as c_int }
}

/// `PyAnySet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn PyAnySet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PySet_Check(ob) != 0 || PyFrozenSet_Check(ob) != 0) as c_int }
}
