//! `weakrefobject.h`: weak references and proxies. Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::c_int;

/// `PyWeakReference`: opaque in the limited API (the layout is in
/// `cpython/weakrefobject.rs`).
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyWeakReference {
    _opaque: [u8; 0],
}

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut _PyWeakref_RefType: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut _PyWeakref_ProxyType: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut _PyWeakref_CallableProxyType: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyWeakref_NewRef")]
    pub fn PyWeakref_NewRef(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_NewProxy")]
    pub fn PyWeakref_NewProxy(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    /// Deprecated since 3.13 (returns a borrowed reference): use `PyWeakref_GetRef`.
    #[cfg_attr(PyPy, link_name = "PyPyWeakref_GetObject")]
    pub fn PyWeakref_GetObject(reference: *mut PyObject) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyWeakref_GetRef(reference: *mut PyObject, pobj: *mut *mut PyObject) -> c_int;
}

/// `PyWeakref_CheckRef(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_CheckRef(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(_PyWeakref_RefType)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyWeakref_CheckRef"]
    pub fn PyWeakref_CheckRef(op: *mut PyObject) -> c_int;
}

/// `PyWeakref_CheckRefExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_CheckRefExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_RefType)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyWeakref_CheckRefExact"]
    pub fn PyWeakref_CheckRefExact(op: *mut PyObject) -> c_int;
}

/// `PyWeakref_CheckProxy(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_CheckProxy(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the statics' addresses are taken.
    unsafe {
        (Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_ProxyType)) != 0
            || Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_CallableProxyType)) != 0)
            as c_int
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyWeakref_CheckProxy"]
    pub fn PyWeakref_CheckProxy(op: *mut PyObject) -> c_int;
}

/// `PyWeakref_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PyWeakref_CheckRef(op) != 0 || PyWeakref_CheckProxy(op) != 0) as c_int }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyWeakref_Check"]
    pub fn PyWeakref_Check(op: *mut PyObject) -> c_int;
}
