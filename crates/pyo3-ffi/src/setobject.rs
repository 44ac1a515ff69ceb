//! `setobject.h`: `set` and `frozenset`. The object layout is in `cpython/setobject.rs`.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::c_int;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPySet_Type")]
    pub static mut PySet_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyFrozenSet_Type")]
    pub static mut PyFrozenSet_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PySetIter_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPySet_New")]
    pub fn PySet_New(iterable: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFrozenSet_New")]
    pub fn PyFrozenSet_New(iterable: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPySet_Add")]
    pub fn PySet_Add(set: *mut PyObject, key: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPySet_Clear")]
    pub fn PySet_Clear(set: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPySet_Contains")]
    pub fn PySet_Contains(anyset: *mut PyObject, key: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPySet_Discard")]
    pub fn PySet_Discard(set: *mut PyObject, key: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPySet_Pop")]
    pub fn PySet_Pop(set: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPySet_Size")]
    pub fn PySet_Size(anyset: *mut PyObject) -> Py_ssize_t;
}

/// `PyFrozenSet_CheckExact(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyFrozenSet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(ob, std::ptr::addr_of_mut!(PyFrozenSet_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyFrozenSet_CheckExact"]
    pub fn PyFrozenSet_CheckExact(ob: *mut PyObject) -> c_int;
}

/// `PyFrozenSet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyFrozenSet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(ob, std::ptr::addr_of_mut!(PyFrozenSet_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyFrozenSet_Check"]
    pub fn PyFrozenSet_Check(ob: *mut PyObject) -> c_int;
}

/// `PySet_CheckExact(ob)` (3.10 in C; provided for every version).
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PySet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(ob, std::ptr::addr_of_mut!(PySet_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPySet_CheckExact"]
    pub fn PySet_CheckExact(ob: *mut PyObject) -> c_int;
}

/// `PySet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PySet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(ob, std::ptr::addr_of_mut!(PySet_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPySet_Check"]
    pub fn PySet_Check(ob: *mut PyObject) -> c_int;
}

/// `PyAnySet_CheckExact(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyAnySet_CheckExact(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PySet_CheckExact(ob) != 0 || PyFrozenSet_CheckExact(ob) != 0) as c_int }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyAnySet_CheckExact"]
    pub fn PyAnySet_CheckExact(ob: *mut PyObject) -> c_int;
}

/// `PyAnySet_Check(ob)`.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyAnySet_Check(ob: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PySet_Check(ob) != 0 || PyFrozenSet_Check(ob) != 0) as c_int }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyAnySet_Check"]
    pub fn PyAnySet_Check(ob: *mut PyObject) -> c_int;
}
