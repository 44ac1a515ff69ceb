//! `cpython/dictobject.h` (part of `dictobject.h` in 3.7): the `dict` layout, the
//! known-hash fast paths and, from 3.12, dict watchers. Checked against CPython 3.7–3.13;
//! 3.13 moved most of the underscore functions to its internal headers, so they are
//! declared up to 3.12 only.

use crate::object::*;
use crate::pyport::{Py_hash_t, Py_ssize_t};
#[cfg(Py_3_8)]
use std::os::raw::c_char;
use std::os::raw::c_int;

/// `PyDictKeysObject` (`struct _dictkeysobject`): private to `dictobject.c`.
#[repr(C)]
#[derive(Debug)]
pub struct PyDictKeysObject {
    _opaque: [u8; 0],
}

/// `PyDictValues` (`struct _dictvalues`, 3.11): the values of a split table, private.
#[cfg(Py_3_11)]
#[repr(C)]
#[derive(Debug)]
pub struct PyDictValues {
    _opaque: [u8; 0],
}

/// `PyDictObject`: `ma_values` is NULL for a combined table (keys and values in
/// `ma_keys`); otherwise the table is split.
#[repr(C)]
#[derive(Debug)]
pub struct PyDictObject {
    pub ob_base: PyObject,
    pub ma_used: Py_ssize_t,
    /// Deprecated since 3.12.
    pub ma_version_tag: u64,
    pub ma_keys: *mut PyDictKeysObject,
    #[cfg(not(Py_3_11))]
    pub ma_values: *mut *mut PyObject,
    #[cfg(Py_3_11)]
    pub ma_values: *mut PyDictValues,
}

/// `_PyDictViewObject` (before 3.13): a keys, values or items view.
#[cfg(not(Py_3_13))]
#[repr(C)]
#[derive(Debug)]
pub struct _PyDictViewObject {
    pub ob_base: PyObject,
    pub dv_dict: *mut PyDictObject,
}

extern "C" {
    #[cfg(not(PyPy))]
    pub fn _PyDict_GetItem_KnownHash(
        mp: *mut PyObject,
        key: *mut PyObject,
        hash: Py_hash_t,
    ) -> *mut PyObject;
    #[cfg(all(Py_3_11, not(Py_3_13)))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_GetItemWithError(dp: *mut PyObject, key: *mut PyObject) -> *mut PyObject;
    #[cfg(Py_3_8)]
    #[cfg_attr(PyPy, link_name = "_PyPyDict_GetItemStringWithError")]
    pub fn _PyDict_GetItemStringWithError(dp: *mut PyObject, key: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyDict_SetDefault")]
    pub fn PyDict_SetDefault(
        mp: *mut PyObject,
        key: *mut PyObject,
        defaultobj: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_SetDefaultRef(
        mp: *mut PyObject,
        key: *mut PyObject,
        default_value: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_SetItem_KnownHash(
        mp: *mut PyObject,
        key: *mut PyObject,
        item: *mut PyObject,
        hash: Py_hash_t,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_DelItem_KnownHash(
        mp: *mut PyObject,
        key: *mut PyObject,
        hash: Py_hash_t,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_DelItemIf(
        mp: *mut PyObject,
        key: *mut PyObject,
        predicate: Option<unsafe extern "C" fn(value: *mut PyObject) -> c_int>,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_Next(
        mp: *mut PyObject,
        pos: *mut Py_ssize_t,
        key: *mut *mut PyObject,
        value: *mut *mut PyObject,
        hash: *mut Py_hash_t,
    ) -> c_int;
    /// Renamed `_PyDict_Contains_KnownHash` in 3.10.
    #[cfg(not(Py_3_10))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_Contains(mp: *mut PyObject, key: *mut PyObject, hash: Py_hash_t) -> c_int;
    #[cfg(all(Py_3_10, not(Py_3_13)))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_Contains_KnownHash(
        mp: *mut PyObject,
        key: *mut PyObject,
        hash: Py_hash_t,
    ) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_ContainsString(mp: *mut PyObject, key: *const c_char) -> c_int;
    #[cfg(not(PyPy))]
    pub fn _PyDict_NewPresized(minused: Py_ssize_t) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_MaybeUntrack(mp: *mut PyObject);
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPyDict_HasOnlyStringKeys")]
    pub fn _PyDict_HasOnlyStringKeys(mp: *mut PyObject) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_SizeOf(mp: *mut PyDictObject) -> Py_ssize_t;
    #[cfg(not(PyPy))]
    pub fn _PyDict_Pop(
        dict: *mut PyObject,
        key: *mut PyObject,
        default_value: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_Pop(dict: *mut PyObject, key: *mut PyObject, result: *mut *mut PyObject)
        -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyDict_PopString(
        dict: *mut PyObject,
        key: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyDict_ClearFreeList() -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDict_MergeEx(mp: *mut PyObject, other: *mut PyObject, override_: c_int) -> c_int;
    // _PyDict_GetItemId, _PyDict_SetItemId, ...: take `_Py_Identifier`, not declared here.
    // _PyDict_DebugMallocStats: takes a `FILE *`, a debugging aid.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDictView_New(dict: *mut PyObject, type_: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyDictView_Intersect(slf: *mut PyObject, other: *mut PyObject) -> *mut PyObject;

    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyDict_AddWatcher(callback: PyDict_WatchCallback) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyDict_ClearWatcher(watcher_id: c_int) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyDict_Watch(watcher_id: c_int, dict: *mut PyObject) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyDict_Unwatch(watcher_id: c_int, dict: *mut PyObject) -> c_int;
}

/// `PyDict_WatchEvent` (3.12): what happened to a watched dict.
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyDict_WatchEvent {
    PyDict_EVENT_ADDED,
    PyDict_EVENT_MODIFIED,
    PyDict_EVENT_DELETED,
    PyDict_EVENT_CLONED,
    PyDict_EVENT_CLEARED,
    PyDict_EVENT_DEALLOCATED,
}

/// `PyDict_WatchCallback` (3.12): `key` and `new_value` are NULL for clear and dealloc
/// events; `new_value` is NULL when `key` is deleted.
#[cfg(Py_3_12)]
pub type PyDict_WatchCallback = Option<
    unsafe extern "C" fn(
        event: PyDict_WatchEvent,
        dict: *mut PyObject,
        key: *mut PyObject,
        new_value: *mut PyObject,
    ) -> c_int,
>;

/// `PyDict_GET_SIZE(op)`: the number of items, unchecked.
///
/// # Safety
/// `op` must point to a live `dict`. On free-threaded builds the read is atomic, as in C.
#[inline]
pub unsafe fn PyDict_GET_SIZE(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller guarantees `op` is a dict, whose layout is `PyDictObject`.
    let used = unsafe { std::ptr::addr_of_mut!((*op.cast::<PyDictObject>()).ma_used) };
    #[cfg(not(Py_GIL_DISABLED))]
    {
        // SAFETY: `used` points into the live dict (see above).
        unsafe { *used }
    }
    #[cfg(Py_GIL_DISABLED)]
    {
        use std::sync::atomic::{AtomicIsize, Ordering};
        // SAFETY: `used` points into the live dict; `Py_ssize_t` and `AtomicIsize` have the
        // same layout, and C writes the field atomically on these builds.
        unsafe { (*used.cast::<AtomicIsize>()).load(Ordering::Relaxed) }
    }
}
