//! `objimpl.h` (and `cpython/objimpl.h`): object memory and the cyclic garbage collector's
//! API. Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_int, c_void};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyObject_Malloc")]
    pub fn PyObject_Malloc(size: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Calloc")]
    pub fn PyObject_Calloc(nelem: usize, elsize: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Realloc")]
    pub fn PyObject_Realloc(ptr: *mut c_void, new_size: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Free")]
    pub fn PyObject_Free(ptr: *mut c_void);

    #[cfg_attr(PyPy, link_name = "PyPyObject_Init")]
    pub fn PyObject_Init(op: *mut PyObject, tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_InitVar")]
    pub fn PyObject_InitVar(
        op: *mut PyVarObject,
        tp: *mut PyTypeObject,
        size: Py_ssize_t,
    ) -> *mut PyVarObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_New")]
    pub fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_NewVar")]
    pub fn _PyObject_NewVar(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyVarObject;

    #[cfg(not(PyPy))]
    pub fn PyGC_Collect() -> Py_ssize_t;
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyGC_Enable() -> c_int;
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyGC_Disable() -> c_int;
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyGC_IsEnabled() -> c_int;

    #[cfg(not(PyPy))]
    pub fn _PyObject_GC_Resize(op: *mut PyVarObject, nitems: Py_ssize_t) -> *mut PyVarObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_New")]
    pub fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_NewVar")]
    pub fn _PyObject_GC_NewVar(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyVarObject;
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_Track(op: *mut c_void);
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_UnTrack(op: *mut c_void);
    #[cfg_attr(PyPy, link_name = "PyPyObject_GC_Del")]
    pub fn PyObject_GC_Del(op: *mut c_void);
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_IsTracked(op: *mut PyObject) -> c_int;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GC_IsFinalized(op: *mut PyObject) -> c_int;
    #[cfg(all(Py_3_9, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PyObject_IS_GC(op: *mut PyObject) -> c_int;
}

/// `PyType_IS_GC(t)`: whether instances of `t` take part in garbage collection.
///
/// # Safety
/// `t` must point to a live type object.
#[inline]
pub unsafe fn PyType_IS_GC(t: *mut PyTypeObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_HasFeature(t, Py_TPFLAGS_HAVE_GC) }
}

/// `PyObject_IS_GC(o)`: a macro before 3.9.
///
/// # Safety
/// `o` must point to a live object.
#[cfg(all(not(Py_3_9), not(Py_LIMITED_API)))]
#[inline]
pub unsafe fn PyObject_IS_GC(o: *mut PyObject) -> c_int {
    // SAFETY: the caller guarantees `o` is live, so its type object is too.
    unsafe {
        let tp = Py_TYPE(o);
        let custom = match (*tp).tp_is_gc {
            None => true,
            Some(is_gc) => is_gc(o) != 0,
        };
        (PyType_IS_GC(tp) != 0 && custom) as c_int
    }
}

extern "C" {
    /// Before 3.11, outside the limited API.
    #[cfg(all(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GC_Malloc")]
    pub fn _PyObject_GC_Malloc(size: usize) -> *mut PyObject;
    /// Before 3.11, outside the limited API.
    #[cfg(all(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn _PyObject_GC_Calloc(size: usize) -> *mut PyObject;
    /// Before 3.11, outside the limited API: the number of live `PyObject_Malloc` blocks.
    #[cfg(all(not(Py_3_11), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn _Py_GetAllocatedBlocks() -> crate::Py_ssize_t;
    /// The exported function (3.9+); [`PyObject_GET_WEAKREFS_LISTPTR`] calls it.
    #[cfg(all(Py_3_9, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    #[link_name = "PyObject_GET_WEAKREFS_LISTPTR"]
    fn PyObject_GET_WEAKREFS_LISTPTR_exported(op: *mut PyObject) -> *mut *mut PyObject;
}

/// `PyObject_GET_WEAKREFS_LISTPTR(o)`: the address of the head of `o`'s weak-reference
/// list. From 3.9 this calls the interpreter's function (which also knows where static
/// builtin types keep theirs, from 3.12); before, it is the header macro: the address at
/// `tp_weaklistoffset`.
///
/// # Safety
/// `o` must point to a live object whose type supports weak references.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_GET_WEAKREFS_LISTPTR(o: *mut PyObject) -> *mut *mut PyObject {
    #[cfg(Py_3_9)]
    {
        // SAFETY: forwarded from the caller.
        unsafe { PyObject_GET_WEAKREFS_LISTPTR_exported(o) }
    }
    #[cfg(not(Py_3_9))]
    {
        // SAFETY: the caller guarantees a live object of a type with a positive
        // `tp_weaklistoffset`, which is the offset of the list head within the object.
        unsafe {
            let offset = (*Py_TYPE(o)).tp_weaklistoffset;
            o.cast::<u8>().offset(offset).cast()
        }
    }
}

/// `PyObject_GC_Track`: a no-op on PyPy, whose own garbage collector finds the references
/// of cpyext objects itself (PyPy's `objimpl.h` defines the macro as nothing).
///
/// # Safety
/// None beyond the C macro's: it does nothing.
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyObject_GC_Track(_op: *mut c_void) {}

/// `PyObject_GC_UnTrack`: a no-op on PyPy, as [`PyObject_GC_Track`].
///
/// # Safety
/// None beyond the C macro's: it does nothing.
#[cfg(PyPy)]
#[inline]
pub unsafe fn PyObject_GC_UnTrack(_op: *mut c_void) {}
