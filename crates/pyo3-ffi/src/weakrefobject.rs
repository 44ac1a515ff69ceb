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
    pub static mut _PyWeakref_RefType: PyTypeObject;
    pub static mut _PyWeakref_ProxyType: PyTypeObject;
    pub static mut _PyWeakref_CallableProxyType: PyTypeObject;

    pub fn PyWeakref_NewRef(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    pub fn PyWeakref_NewProxy(ob: *mut PyObject, callback: *mut PyObject) -> *mut PyObject;
    /// Deprecated since 3.13 (returns a borrowed reference): use `PyWeakref_GetRef`.
    pub fn PyWeakref_GetObject(reference: *mut PyObject) -> *mut PyObject;
    #[cfg(Py_3_13)]
    pub fn PyWeakref_GetRef(reference: *mut PyObject, pobj: *mut *mut PyObject) -> c_int;
}

/// `PyWeakref_CheckRef(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyWeakref_CheckRef(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(_PyWeakref_RefType)) }
}

/// `PyWeakref_CheckRefExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyWeakref_CheckRefExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_RefType)) }
}

/// `PyWeakref_CheckProxy(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyWeakref_CheckProxy(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the statics' addresses are taken.
    unsafe {
        (Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_ProxyType)) != 0
            || Py_IS_TYPE(op, std::ptr::addr_of_mut!(_PyWeakref_CallableProxyType)) != 0)
            as c_int
    }
}

/// `PyWeakref_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyWeakref_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (PyWeakref_CheckRef(op) != 0 || PyWeakref_CheckProxy(op) != 0) as c_int }
}
