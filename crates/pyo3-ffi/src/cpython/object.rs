//! `cpython/object.h` (`object.h` on 3.7): the full `PyTypeObject` and its slot tables,
//! outside the limited API. Field lists checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use crate::{PyGetSetDef, PyMemberDef, PyMethodDef};
use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};

/// `printfunc`: the 3.7 `tp_print` slot (and 3.8's trailing compatibility field).
pub type printfunc = unsafe extern "C" fn(*mut PyObject, *mut libc::FILE, c_int) -> c_int;

#[repr(C)]
#[derive(Copy, Clone)]
pub struct PyNumberMethods {
    pub nb_add: Option<binaryfunc>,
    pub nb_subtract: Option<binaryfunc>,
    pub nb_multiply: Option<binaryfunc>,
    pub nb_remainder: Option<binaryfunc>,
    pub nb_divmod: Option<binaryfunc>,
    pub nb_power: Option<ternaryfunc>,
    pub nb_negative: Option<unaryfunc>,
    pub nb_positive: Option<unaryfunc>,
    pub nb_absolute: Option<unaryfunc>,
    pub nb_bool: Option<inquiry>,
    pub nb_invert: Option<unaryfunc>,
    pub nb_lshift: Option<binaryfunc>,
    pub nb_rshift: Option<binaryfunc>,
    pub nb_and: Option<binaryfunc>,
    pub nb_xor: Option<binaryfunc>,
    pub nb_or: Option<binaryfunc>,
    pub nb_int: Option<unaryfunc>,
    pub nb_reserved: *mut c_void,
    pub nb_float: Option<unaryfunc>,
    pub nb_inplace_add: Option<binaryfunc>,
    pub nb_inplace_subtract: Option<binaryfunc>,
    pub nb_inplace_multiply: Option<binaryfunc>,
    pub nb_inplace_remainder: Option<binaryfunc>,
    pub nb_inplace_power: Option<ternaryfunc>,
    pub nb_inplace_lshift: Option<binaryfunc>,
    pub nb_inplace_rshift: Option<binaryfunc>,
    pub nb_inplace_and: Option<binaryfunc>,
    pub nb_inplace_xor: Option<binaryfunc>,
    pub nb_inplace_or: Option<binaryfunc>,
    pub nb_floor_divide: Option<binaryfunc>,
    pub nb_true_divide: Option<binaryfunc>,
    pub nb_inplace_floor_divide: Option<binaryfunc>,
    pub nb_inplace_true_divide: Option<binaryfunc>,
    pub nb_index: Option<unaryfunc>,
    pub nb_matrix_multiply: Option<binaryfunc>,
    pub nb_inplace_matrix_multiply: Option<binaryfunc>,
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct PySequenceMethods {
    pub sq_length: Option<lenfunc>,
    pub sq_concat: Option<binaryfunc>,
    pub sq_repeat: Option<ssizeargfunc>,
    pub sq_item: Option<ssizeargfunc>,
    pub was_sq_slice: *mut c_void,
    pub sq_ass_item: Option<ssizeobjargproc>,
    pub was_sq_ass_slice: *mut c_void,
    pub sq_contains: Option<objobjproc>,
    pub sq_inplace_concat: Option<binaryfunc>,
    pub sq_inplace_repeat: Option<ssizeargfunc>,
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct PyMappingMethods {
    pub mp_length: Option<lenfunc>,
    pub mp_subscript: Option<binaryfunc>,
    pub mp_ass_subscript: Option<objobjargproc>,
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct PyAsyncMethods {
    pub am_await: Option<unaryfunc>,
    pub am_aiter: Option<unaryfunc>,
    pub am_anext: Option<unaryfunc>,
    #[cfg(Py_3_10)]
    pub am_send: Option<sendfunc>,
}

#[repr(C)]
#[derive(Copy, Clone)]
pub struct PyBufferProcs {
    pub bf_getbuffer: Option<getbufferproc>,
    pub bf_releasebuffer: Option<releasebufferproc>,
}

/// `PyTypeObject` (`struct _typeobject`), the full layout of each version.
#[repr(C)]
pub struct PyTypeObject {
    pub ob_base: PyVarObject,
    pub tp_name: *const c_char,
    pub tp_basicsize: Py_ssize_t,
    pub tp_itemsize: Py_ssize_t,
    pub tp_dealloc: Option<destructor>,
    #[cfg(not(Py_3_8))]
    pub tp_print: Option<printfunc>,
    #[cfg(Py_3_8)]
    pub tp_vectorcall_offset: Py_ssize_t,
    pub tp_getattr: Option<getattrfunc>,
    pub tp_setattr: Option<setattrfunc>,
    pub tp_as_async: *mut PyAsyncMethods,
    pub tp_repr: Option<reprfunc>,
    pub tp_as_number: *mut PyNumberMethods,
    pub tp_as_sequence: *mut PySequenceMethods,
    pub tp_as_mapping: *mut PyMappingMethods,
    pub tp_hash: Option<hashfunc>,
    pub tp_call: Option<ternaryfunc>,
    pub tp_str: Option<reprfunc>,
    pub tp_getattro: Option<getattrofunc>,
    pub tp_setattro: Option<setattrofunc>,
    pub tp_as_buffer: *mut PyBufferProcs,
    pub tp_flags: c_ulong,
    pub tp_doc: *const c_char,
    pub tp_traverse: Option<traverseproc>,
    pub tp_clear: Option<inquiry>,
    pub tp_richcompare: Option<richcmpfunc>,
    pub tp_weaklistoffset: Py_ssize_t,
    pub tp_iter: Option<getiterfunc>,
    pub tp_iternext: Option<iternextfunc>,
    pub tp_methods: *mut PyMethodDef,
    pub tp_members: *mut PyMemberDef,
    pub tp_getset: *mut PyGetSetDef,
    pub tp_base: *mut PyTypeObject,
    pub tp_dict: *mut PyObject,
    pub tp_descr_get: Option<descrgetfunc>,
    pub tp_descr_set: Option<descrsetfunc>,
    pub tp_dictoffset: Py_ssize_t,
    pub tp_init: Option<initproc>,
    pub tp_alloc: Option<allocfunc>,
    pub tp_new: Option<newfunc>,
    pub tp_free: Option<freefunc>,
    pub tp_is_gc: Option<inquiry>,
    pub tp_bases: *mut PyObject,
    pub tp_mro: *mut PyObject,
    pub tp_cache: *mut PyObject,
    /// `PyObject *` before 3.12, `void *` (an index for static builtin types) from 3.12.
    #[cfg(not(Py_3_12))]
    pub tp_subclasses: *mut PyObject,
    #[cfg(Py_3_12)]
    pub tp_subclasses: *mut c_void,
    pub tp_weaklist: *mut PyObject,
    pub tp_del: Option<destructor>,
    pub tp_version_tag: c_uint,
    pub tp_finalize: Option<destructor>,
    #[cfg(Py_3_8)]
    pub tp_vectorcall: Option<vectorcallfunc>,
    #[cfg(Py_3_12)]
    pub tp_watched: u8,
    #[cfg(Py_3_13)]
    pub tp_versions_used: u16,
    /// 3.8 only: kept at the end for backwards compatibility.
    #[cfg(all(Py_3_8, not(Py_3_9)))]
    pub tp_print: Option<printfunc>,
    /// PyPy's cpyext keeps `tp_print` after `tp_vectorcall` on every version.
    #[cfg(PyPy)]
    pub tp_print: Option<printfunc>,
    /// PyPy's cpyext: its own type flags, always the last field.
    #[cfg(PyPy)]
    pub tp_pypy_flags: std::os::raw::c_long,
}

/// `struct _specialization_cache` (3.11): the interpreter's per-type caches, private.
#[cfg(Py_3_11)]
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct _specialization_cache {
    pub getitem: *mut PyObject,
    #[cfg(Py_3_12)]
    pub getitem_version: u32,
    #[cfg(Py_3_13)]
    pub init: *mut PyObject,
}

/// `PyHeapTypeObject`: the real layout of a type allocated on the heap (by a `class`
/// statement or `PyType_FromSpec`); the slot tables of `ht_type` point into it.
#[repr(C)]
pub struct PyHeapTypeObject {
    pub ht_type: PyTypeObject,
    pub as_async: PyAsyncMethods,
    pub as_number: PyNumberMethods,
    pub as_mapping: PyMappingMethods,
    pub as_sequence: PySequenceMethods,
    pub as_buffer: PyBufferProcs,
    pub ht_name: *mut PyObject,
    pub ht_slots: *mut PyObject,
    pub ht_qualname: *mut PyObject,
    /// `struct _dictkeysobject *`: the shared-key cache of instance dicts.
    pub ht_cached_keys: *mut c_void,
    #[cfg(Py_3_9)]
    pub ht_module: *mut PyObject,
    #[cfg(Py_3_11)]
    pub _ht_tpname: *mut c_char,
    #[cfg(Py_3_11)]
    pub _spec_cache: _specialization_cache,
}

impl Default for PyHeapTypeObject {
    /// All zero, as `PyType_GenericAlloc` hands out a type before filling it.
    fn default() -> Self {
        // SAFETY: every field is an integer, a raw pointer, an `Option` of a function
        // pointer or a struct of those, for all of which all-zero bytes are a valid value.
        unsafe { std::mem::zeroed() }
    }
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyObject_Print")]
    pub fn PyObject_Print(o: *mut PyObject, fp: *mut libc::FILE, flags: c_int) -> c_int;
    #[cfg_attr(PyPy, link_name = "_PyPyObject_GetDictPtr")]
    pub fn _PyObject_GetDictPtr(o: *mut PyObject) -> *mut *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyObject_CallFinalizer(o: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyObject_CallFinalizerFromDealloc")]
    pub fn PyObject_CallFinalizerFromDealloc(o: *mut PyObject) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Object_ClearWeakRefsNoCallbacks(o: *mut PyObject);
    /// The type's `__dict__` (a new reference), also for static builtin types (3.12).
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetDict(tp: *mut PyTypeObject) -> *mut PyObject;
}

/// `PyHeapType_GET_MEMBERS(etype)` (before 3.11): the `PyMemberDef` array stored after a
/// heap type's fixed part.
///
/// # Safety
/// `etype` must point to a live heap type created with members.
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn PyHeapType_GET_MEMBERS(etype: *mut PyHeapTypeObject) -> *mut crate::PyMemberDef {
    // SAFETY: the caller guarantees a live heap type; its metatype's `tp_basicsize` is the
    // size of the fixed part, after which the members are stored.
    unsafe {
        let basicsize = (*Py_TYPE(etype.cast())).tp_basicsize;
        etype.cast::<u8>().offset(basicsize).cast()
    }
}

/// `PyType_SUPPORTS_WEAKREFS(t)`.
///
/// # Safety
/// `t` must point to a live type object.
#[inline]
pub unsafe fn PyType_SUPPORTS_WEAKREFS(t: *mut PyTypeObject) -> c_int {
    // SAFETY: the caller guarantees `t` is a live type.
    unsafe { ((*t).tp_weaklistoffset > 0) as c_int }
}
