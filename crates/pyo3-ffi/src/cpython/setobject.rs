//! `cpython/setobject.h` (part of `setobject.h` before 3.11): the layout shared by `set`
//! and `frozenset`, and the entry iterator. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::{Py_hash_t, Py_ssize_t};
#[cfg(not(Py_3_13))]
use std::os::raw::c_int;

/// `PySet_MINSIZE`: the number of slots of the table embedded in every set.
pub const PySet_MINSIZE: usize = 8;

/// `setentry`: one hash-table slot. Unused slots have a NULL key and hash 0; dummy
/// (deleted) slots have hash -1.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct setentry {
    pub key: *mut PyObject,
    pub hash: Py_hash_t,
}

/// `PySetObject`: `table` points at `smalltable` or at a heap table of `mask + 1` slots;
/// `hash` is used by frozensets only.
#[repr(C)]
#[derive(Debug)]
pub struct PySetObject {
    pub ob_base: PyObject,
    pub fill: Py_ssize_t,
    pub used: Py_ssize_t,
    pub mask: Py_ssize_t,
    pub table: *mut setentry,
    pub hash: Py_hash_t,
    pub finger: Py_ssize_t,
    pub smalltable: [setentry; PySet_MINSIZE],
    pub weakreflist: *mut PyObject,
}

/// `PySet_GET_SIZE(so)`: the number of items, unchecked.
///
/// # Safety
/// `so` must point to a live `set` or `frozenset`. On free-threaded builds the read is
/// atomic, as in C.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PySet_GET_SIZE(so: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller guarantees `so` is a set, whose layout is `PySetObject`.
    let used = unsafe { std::ptr::addr_of_mut!((*so.cast::<PySetObject>()).used) };
    #[cfg(not(Py_GIL_DISABLED))]
    {
        // SAFETY: `used` points into the live set (see above).
        unsafe { *used }
    }
    #[cfg(Py_GIL_DISABLED)]
    {
        use std::sync::atomic::{AtomicIsize, Ordering};
        // SAFETY: `used` points into the live set; `Py_ssize_t` and `AtomicIsize` have the
        // same layout, and C writes the field atomically on these builds.
        unsafe { (*used.cast::<AtomicIsize>()).load(Ordering::Relaxed) }
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPySet_GET_SIZE"]
    pub fn PySet_GET_SIZE(so: *mut PyObject) -> Py_ssize_t;
}

extern "C" {
    /// The key of dummy entries (before 3.13; internal from 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub static mut _PySet_Dummy: *mut PyObject;

    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPySet_NextEntry")]
    pub fn _PySet_NextEntry(
        set: *mut PyObject,
        pos: *mut Py_ssize_t,
        key: *mut *mut PyObject,
        hash: *mut Py_hash_t,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PySet_Update(set: *mut PyObject, iterable: *mut PyObject) -> c_int;
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PySet_ClearFreeList() -> c_int;
}
