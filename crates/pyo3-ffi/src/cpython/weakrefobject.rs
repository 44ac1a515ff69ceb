//! `cpython/weakrefobject.h` (part of `weakrefobject.h` before 3.11): the weak-reference
//! layout and its unchecked accessor, outside the limited API. Checked against CPython
//! 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_hash_t;
#[cfg(not(Py_3_13))]
use crate::pyport::Py_ssize_t;

/// `struct _PyWeakReference`: a `weakref.ref` (or proxy). `wr_object` is `Py_None` once
/// the referent is gone; the references to one object form a list through `wr_prev` and
/// `wr_next`.
#[repr(C)]
#[derive(Debug)]
pub struct _PyWeakReference {
    pub ob_base: PyObject,
    pub wr_object: *mut PyObject,
    pub wr_callback: *mut PyObject,
    pub hash: Py_hash_t,
    pub wr_prev: *mut _PyWeakReference,
    pub wr_next: *mut _PyWeakReference,
    #[cfg(Py_3_11)]
    pub vectorcall: Option<vectorcallfunc>,
    #[cfg(all(Py_3_13, Py_GIL_DISABLED))]
    pub weakrefs_lock: *mut PyMutex,
}

/// `PyWeakReference`: the typedef of `struct _PyWeakReference`.
pub use self::_PyWeakReference as PyWeakReference;

extern "C" {
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyWeakref_GetWeakrefCount(head: *mut PyWeakReference) -> Py_ssize_t;
    #[cfg(not(PyPy))]
    pub fn _PyWeakref_ClearRef(slf: *mut PyWeakReference);
}

/// `PyWeakref_GET_OBJECT(ref)`: the referent, borrowed, or `Py_None` if it is gone
/// (deprecated in 3.13: use `PyWeakref_GetRef`).
///
/// # Safety
/// `ref_` must point to a live weak reference; the thread must be attached, and the
/// borrowed result may die as soon as other code runs.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyWeakref_GET_OBJECT(ref_: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a weak reference, whose layout is `PyWeakReference`;
    // its `wr_object` is a live object or `Py_None`.
    unsafe {
        let obj = (*ref_.cast::<PyWeakReference>()).wr_object;
        if Py_REFCNT(obj) > 0 {
            obj
        } else {
            Py_None()
        }
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyWeakref_GET_OBJECT"]
    pub fn PyWeakref_GET_OBJECT(ref_: *mut PyObject) -> *mut PyObject;
}
