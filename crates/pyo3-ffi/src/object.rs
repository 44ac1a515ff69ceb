//! `object.h`: the object header, the callback typedefs used in type slots, type flags, the
//! type-object API of the limited API and reference counting (`Py_INCREF` and friends are
//! ports of the header's macros and `static inline` functions for each version).
//! Checked against CPython 3.7–3.13. The full `PyTypeObject` lives in `cpython/object.rs`.

#[cfg(not(Py_LIMITED_API))]
pub use crate::cpython::object::PyTypeObject;
use crate::pyport::{Py_hash_t, Py_ssize_t};
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
use crate::Py_buffer;
use std::os::raw::{c_char, c_int, c_uint, c_ulong, c_void};

/// Opaque under the limited API: only its address is used.
#[cfg(Py_LIMITED_API)]
#[repr(C)]
pub struct PyTypeObject {
    _opaque: [u8; 0],
}

/// `PyMutex` (3.13, `cpython/lock.h`), part of the free-threaded object header.
#[cfg(Py_3_13)]
#[repr(C)]
#[derive(Debug, Default)]
pub struct PyMutex {
    pub _bits: u8,
}

#[cfg(Py_3_13)]
impl PyMutex {
    /// An unlocked mutex (`PyMutex m = {0};`).
    pub const fn new() -> PyMutex {
        PyMutex { _bits: 0 }
    }
}

/// `struct _object`. On 3.12+ the C header overlays `ob_refcnt` with two 32-bit halves
/// (`ob_refcnt_split`); the reference-counting ports below address the low half directly.
#[repr(C)]
#[derive(Debug)]
pub struct PyObject {
    #[cfg(Py_GIL_DISABLED)]
    pub ob_tid: usize,
    #[cfg(Py_GIL_DISABLED)]
    pub _padding: u16,
    #[cfg(Py_GIL_DISABLED)]
    pub ob_mutex: PyMutex,
    #[cfg(Py_GIL_DISABLED)]
    pub ob_gc_bits: u8,
    #[cfg(Py_GIL_DISABLED)]
    pub ob_ref_local: u32,
    #[cfg(Py_GIL_DISABLED)]
    pub ob_ref_shared: Py_ssize_t,
    #[cfg(not(Py_GIL_DISABLED))]
    pub ob_refcnt: Py_ssize_t,
    /// PyPy's cpyext: the link from this C-level proxy to the PyPy object it stands for.
    #[cfg(PyPy)]
    pub ob_pypy_link: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}

/// The type of `PyObject::ob_refcnt` before 3.12 (from 3.12 the C field is a union with
/// two 32-bit halves; this crate keeps the full-width `Py_ssize_t` view).
#[cfg(all(not(Py_3_12), not(Py_GIL_DISABLED)))]
pub type PyObjectObRefcnt = Py_ssize_t;

/// `PyVarObject`: the header of variable-size objects.
#[repr(C)]
#[derive(Debug)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}

/// `_Py_IMMORTAL_REFCNT` (3.12+): the reference count that marks an object immortal.
#[cfg(all(Py_3_12, not(Py_3_13), target_pointer_width = "64"))]
pub const _Py_IMMORTAL_REFCNT: Py_ssize_t = (c_uint::MAX >> 2) as Py_ssize_t;
#[cfg(all(Py_3_13, target_pointer_width = "64"))]
pub const _Py_IMMORTAL_REFCNT: Py_ssize_t = c_uint::MAX as Py_ssize_t;
#[cfg(all(Py_3_12, not(target_pointer_width = "64")))]
pub const _Py_IMMORTAL_REFCNT: Py_ssize_t = (c_uint::MAX >> 2) as Py_ssize_t;
/// `_Py_IMMORTAL_REFCNT_LOCAL` (3.13 free-threaded): `ob_ref_local` of immortal objects.
#[cfg(Py_GIL_DISABLED)]
pub const _Py_IMMORTAL_REFCNT_LOCAL: u32 = u32::MAX;
/// `_Py_REF_SHARED_SHIFT` (3.13 free-threaded): low bits of `ob_ref_shared` hold flags.
#[cfg(Py_GIL_DISABLED)]
pub const _Py_REF_SHARED_SHIFT: isize = 2;

/// `PyObject_HEAD_INIT(NULL)`: the header of a statically allocated object. From 3.13 such
/// objects are immortal; before, they start with one reference.
pub const PyObject_HEAD_INIT: PyObject = PyObject {
    #[cfg(Py_GIL_DISABLED)]
    ob_tid: 0,
    #[cfg(Py_GIL_DISABLED)]
    _padding: 0,
    #[cfg(Py_GIL_DISABLED)]
    ob_mutex: PyMutex { _bits: 0 },
    #[cfg(Py_GIL_DISABLED)]
    ob_gc_bits: 0,
    #[cfg(Py_GIL_DISABLED)]
    ob_ref_local: _Py_IMMORTAL_REFCNT_LOCAL,
    #[cfg(Py_GIL_DISABLED)]
    ob_ref_shared: 0,
    #[cfg(all(Py_3_13, not(Py_GIL_DISABLED)))]
    ob_refcnt: _Py_IMMORTAL_REFCNT,
    #[cfg(not(Py_3_13))]
    ob_refcnt: 1,
    #[cfg(PyPy)]
    ob_pypy_link: 0,
    ob_type: std::ptr::null_mut(),
};

// Callback typedefs. Plain function types, as in C; struct fields that may be NULL wrap
// them in `Option`.
pub type unaryfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type binaryfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type ternaryfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type inquiry = unsafe extern "C" fn(*mut PyObject) -> c_int;
pub type lenfunc = unsafe extern "C" fn(*mut PyObject) -> Py_ssize_t;
pub type ssizeargfunc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t) -> *mut PyObject;
pub type ssizessizeargfunc =
    unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t) -> *mut PyObject;
pub type ssizeobjargproc = unsafe extern "C" fn(*mut PyObject, Py_ssize_t, *mut PyObject) -> c_int;
pub type ssizessizeobjargproc =
    unsafe extern "C" fn(*mut PyObject, Py_ssize_t, Py_ssize_t, *mut PyObject) -> c_int;
pub type objobjargproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type objobjproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> c_int;
pub type visitproc = unsafe extern "C" fn(object: *mut PyObject, arg: *mut c_void) -> c_int;
pub type traverseproc =
    unsafe extern "C" fn(slf: *mut PyObject, visit: visitproc, arg: *mut c_void) -> c_int;
pub type freefunc = unsafe extern "C" fn(*mut c_void);
pub type destructor = unsafe extern "C" fn(*mut PyObject);
pub type getattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char) -> *mut PyObject;
pub type getattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject) -> *mut PyObject;
pub type setattrfunc = unsafe extern "C" fn(*mut PyObject, *mut c_char, *mut PyObject) -> c_int;
pub type setattrofunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type reprfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type hashfunc = unsafe extern "C" fn(*mut PyObject) -> Py_hash_t;
pub type richcmpfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, c_int) -> *mut PyObject;
pub type getiterfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type iternextfunc = unsafe extern "C" fn(*mut PyObject) -> *mut PyObject;
pub type descrgetfunc =
    unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type descrsetfunc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type initproc = unsafe extern "C" fn(*mut PyObject, *mut PyObject, *mut PyObject) -> c_int;
pub type newfunc =
    unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type allocfunc = unsafe extern "C" fn(*mut PyTypeObject, Py_ssize_t) -> *mut PyObject;
/// `vectorcallfunc` (3.8; in the limited API from 3.12, declared here for all versions
/// because type-slot structs name it).
pub type vectorcallfunc = unsafe extern "C" fn(
    callable: *mut PyObject,
    args: *const *mut PyObject,
    nargsf: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub type getbufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer, c_int) -> c_int;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub type releasebufferproc = unsafe extern "C" fn(*mut PyObject, *mut Py_buffer);

/// `PySendResult` (3.10): the outcome of `PyIter_Send` and `am_send`.
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PySendResult {
    PYGEN_RETURN = 0,
    PYGEN_ERROR = -1,
    PYGEN_NEXT = 1,
}
#[cfg(Py_3_10)]
pub type sendfunc = unsafe extern "C" fn(
    iter: *mut PyObject,
    value: *mut PyObject,
    result: *mut *mut PyObject,
) -> PySendResult;

/// `PyType_Slot`: one (slot id, function or data pointer) pair of a `PyType_Spec`.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyType_Slot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}

impl Default for PyType_Slot {
    /// The all-zero entry that ends a slot table.
    fn default() -> Self {
        PyType_Slot {
            slot: 0,
            pfunc: std::ptr::null_mut(),
        }
    }
}

/// `PyType_Spec`: the description `PyType_FromSpec` builds a heap type from.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyType_Spec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: c_uint,
    pub slots: *mut PyType_Slot,
}

impl Default for PyType_Spec {
    /// All zero: no name, sizes or slots.
    fn default() -> Self {
        PyType_Spec {
            name: std::ptr::null(),
            basicsize: 0,
            itemsize: 0,
            flags: 0,
            slots: std::ptr::null_mut(),
        }
    }
}

// Rich comparison operators.
pub const Py_LT: c_int = 0;
pub const Py_LE: c_int = 1;
pub const Py_EQ: c_int = 2;
pub const Py_NE: c_int = 3;
pub const Py_GT: c_int = 4;
pub const Py_GE: c_int = 5;

/// `Py_PRINT_RAW`: flag of `PyObject_Print`.
pub const Py_PRINT_RAW: c_int = 1;

// Type flags (`tp_flags`).
#[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_MANAGED_WEAKREF: c_ulong = 1 << 3;
#[cfg(all(Py_3_11, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_MANAGED_DICT: c_ulong = 1 << 4;
#[cfg(all(Py_3_12, not(Py_LIMITED_API)))]
pub const Py_TPFLAGS_PREHEADER: c_ulong = Py_TPFLAGS_MANAGED_WEAKREF | Py_TPFLAGS_MANAGED_DICT;
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_SEQUENCE: c_ulong = 1 << 5;
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_MAPPING: c_ulong = 1 << 6;
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_DISALLOW_INSTANTIATION: c_ulong = 1 << 7;
#[cfg(Py_3_10)]
pub const Py_TPFLAGS_IMMUTABLETYPE: c_ulong = 1 << 8;
pub const Py_TPFLAGS_HEAPTYPE: c_ulong = 1 << 9;
pub const Py_TPFLAGS_BASETYPE: c_ulong = 1 << 10;
/// `_Py_TPFLAGS_HAVE_VECTORCALL` in 3.8, public as `Py_TPFLAGS_HAVE_VECTORCALL` from 3.9
/// (limited API from 3.12).
#[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
pub const _Py_TPFLAGS_HAVE_VECTORCALL: c_ulong = 1 << 11;
#[cfg(any(all(Py_3_9, not(Py_LIMITED_API)), Py_3_12))]
pub const Py_TPFLAGS_HAVE_VECTORCALL: c_ulong = 1 << 11;
pub const Py_TPFLAGS_READY: c_ulong = 1 << 12;
pub const Py_TPFLAGS_READYING: c_ulong = 1 << 13;
pub const Py_TPFLAGS_HAVE_GC: c_ulong = 1 << 14;
#[cfg(Py_3_8)]
pub const Py_TPFLAGS_METHOD_DESCRIPTOR: c_ulong = 1 << 17;
pub const Py_TPFLAGS_HAVE_VERSION_TAG: c_ulong = 1 << 18;
pub const Py_TPFLAGS_VALID_VERSION_TAG: c_ulong = 1 << 19;
pub const Py_TPFLAGS_IS_ABSTRACT: c_ulong = 1 << 20;
#[cfg(Py_3_10)]
pub const _Py_TPFLAGS_MATCH_SELF: c_ulong = 1 << 22;
#[cfg(Py_3_12)]
pub const Py_TPFLAGS_ITEMS_AT_END: c_ulong = 1 << 23;
pub const Py_TPFLAGS_LONG_SUBCLASS: c_ulong = 1 << 24;
pub const Py_TPFLAGS_LIST_SUBCLASS: c_ulong = 1 << 25;
pub const Py_TPFLAGS_TUPLE_SUBCLASS: c_ulong = 1 << 26;
pub const Py_TPFLAGS_BYTES_SUBCLASS: c_ulong = 1 << 27;
pub const Py_TPFLAGS_UNICODE_SUBCLASS: c_ulong = 1 << 28;
pub const Py_TPFLAGS_DICT_SUBCLASS: c_ulong = 1 << 29;
pub const Py_TPFLAGS_BASE_EXC_SUBCLASS: c_ulong = 1 << 30;
pub const Py_TPFLAGS_TYPE_SUBCLASS: c_ulong = 1 << 31;
/// `Py_TPFLAGS_HAVE_STACKLESS_EXTENSION` is 0 outside Stackless Python, so the default is
/// just the version-tag flag.
pub const Py_TPFLAGS_DEFAULT: c_ulong = Py_TPFLAGS_HAVE_VERSION_TAG;
/// Kept by the headers for compatibility; ignored since 3.8.
pub const Py_TPFLAGS_HAVE_FINALIZE: c_ulong = 1;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyType_Type")]
    pub static mut PyType_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyBaseObject_Type")]
    pub static mut PyBaseObject_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PySuper_Type: PyTypeObject;

    #[cfg_attr(PyPy, link_name = "PyPyType_FromSpec")]
    pub fn PyType_FromSpec(spec: *mut PyType_Spec) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyType_FromSpecWithBases")]
    pub fn PyType_FromSpecWithBases(spec: *mut PyType_Spec, bases: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyType_GetSlot")]
    pub fn PyType_GetSlot(tp: *mut PyTypeObject, slot: c_int) -> *mut c_void;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPyType_FromModuleAndSpec")]
    pub fn PyType_FromModuleAndSpec(
        module: *mut PyObject,
        spec: *mut PyType_Spec,
        bases: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModule")]
    pub fn PyType_GetModule(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPyType_GetModuleState")]
    pub fn PyType_GetModuleState(tp: *mut PyTypeObject) -> *mut c_void;
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetName(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetQualName(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetFullyQualifiedName(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetModuleName(tp: *mut PyTypeObject) -> *mut PyObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyType_FromMetaclass(
        metaclass: *mut PyTypeObject,
        module: *mut PyObject,
        spec: *mut PyType_Spec,
        bases: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GetTypeData(obj: *mut PyObject, cls: *mut PyTypeObject) -> *mut c_void;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyType_GetTypeDataSize(cls: *mut PyTypeObject) -> Py_ssize_t;
    #[cfg(any(Py_3_13, all(Py_3_11, not(Py_LIMITED_API))))]
    #[cfg(not(PyPy))]
    pub fn PyType_GetModuleByDef(
        tp: *mut PyTypeObject,
        def: *mut crate::PyModuleDef,
    ) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "PyPyType_IsSubtype")]
    pub fn PyType_IsSubtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> c_int;
    pub fn PyType_GetFlags(tp: *mut PyTypeObject) -> c_ulong;
    #[cfg_attr(PyPy, link_name = "PyPyType_Ready")]
    pub fn PyType_Ready(tp: *mut PyTypeObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyType_GenericAlloc")]
    pub fn PyType_GenericAlloc(tp: *mut PyTypeObject, nitems: Py_ssize_t) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyType_GenericNew")]
    pub fn PyType_GenericNew(
        tp: *mut PyTypeObject,
        args: *mut PyObject,
        kwds: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyType_ClearCache() -> c_uint;
    #[cfg_attr(PyPy, link_name = "PyPyType_Modified")]
    pub fn PyType_Modified(tp: *mut PyTypeObject);

    #[cfg_attr(PyPy, link_name = "PyPyObject_Repr")]
    pub fn PyObject_Repr(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Str")]
    pub fn PyObject_Str(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_ASCII")]
    pub fn PyObject_ASCII(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Bytes")]
    pub fn PyObject_Bytes(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_RichCompare")]
    pub fn PyObject_RichCompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_RichCompareBool")]
    pub fn PyObject_RichCompareBool(a: *mut PyObject, b: *mut PyObject, op: c_int) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetAttrString")]
    pub fn PyObject_GetAttrString(o: *mut PyObject, name: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_SetAttrString")]
    pub fn PyObject_SetAttrString(o: *mut PyObject, name: *const c_char, v: *mut PyObject)
        -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttrString")]
    pub fn PyObject_HasAttrString(o: *mut PyObject, name: *const c_char) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_GetAttr")]
    pub fn PyObject_GetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_SetAttr")]
    pub fn PyObject_SetAttr(o: *mut PyObject, name: *mut PyObject, v: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_HasAttr")]
    pub fn PyObject_HasAttr(o: *mut PyObject, name: *mut PyObject) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelAttr")]
    pub fn PyObject_DelAttr(o: *mut PyObject, name: *mut PyObject) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg_attr(PyPy, link_name = "PyPyObject_DelAttrString")]
    pub fn PyObject_DelAttrString(o: *mut PyObject, name: *const c_char) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyObject_HasAttrWithError(o: *mut PyObject, name: *mut PyObject) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyObject_HasAttrStringWithError(o: *mut PyObject, name: *const c_char) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GetOptionalAttr(
        o: *mut PyObject,
        name: *mut PyObject,
        result: *mut *mut PyObject,
    ) -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GetOptionalAttrString(
        o: *mut PyObject,
        name: *const c_char,
        result: *mut *mut PyObject,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_SelfIter")]
    pub fn PyObject_SelfIter(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericGetAttr")]
    pub fn PyObject_GenericGetAttr(o: *mut PyObject, name: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericSetAttr")]
    pub fn PyObject_GenericSetAttr(
        o: *mut PyObject,
        name: *mut PyObject,
        v: *mut PyObject,
    ) -> c_int;
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericGetDict")]
    pub fn PyObject_GenericGetDict(o: *mut PyObject, context: *mut c_void) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyObject_GenericSetDict")]
    pub fn PyObject_GenericSetDict(
        o: *mut PyObject,
        value: *mut PyObject,
        context: *mut c_void,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Hash")]
    pub fn PyObject_Hash(o: *mut PyObject) -> Py_hash_t;
    #[cfg_attr(PyPy, link_name = "PyPyObject_HashNotImplemented")]
    pub fn PyObject_HashNotImplemented(o: *mut PyObject) -> Py_hash_t;
    #[cfg_attr(PyPy, link_name = "PyPyObject_IsTrue")]
    pub fn PyObject_IsTrue(o: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_Not")]
    pub fn PyObject_Not(o: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyCallable_Check")]
    pub fn PyCallable_Check(o: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_ClearWeakRefs")]
    pub fn PyObject_ClearWeakRefs(o: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyObject_Dir")]
    pub fn PyObject_Dir(o: *mut PyObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPy_ReprEnter")]
    pub fn Py_ReprEnter(o: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_ReprLeave")]
    pub fn Py_ReprLeave(o: *mut PyObject);

    #[cfg_attr(PyPy, link_name = "PyPy_IncRef")]
    pub fn Py_IncRef(o: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPy_DecRef")]
    pub fn Py_DecRef(o: *mut PyObject);
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn _Py_IncRef(o: *mut PyObject);
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn _Py_DecRef(o: *mut PyObject);
    /// Exported by every version even where the header only has a macro.
    #[cfg_attr(PyPy, link_name = "_PyPy_Dealloc")]
    pub fn _Py_Dealloc(o: *mut PyObject);
    // Py_Is (3.10) is also exported; the inline port below is used on every version.

    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn Py_GetConstant(constant_id: c_uint) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn Py_GetConstantBorrowed(constant_id: c_uint) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "_PyPy_NoneStruct")]
    pub static mut _Py_NoneStruct: PyObject;
    #[cfg_attr(PyPy, link_name = "_PyPy_NotImplementedStruct")]
    pub static mut _Py_NotImplementedStruct: PyObject;

    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyIter_Send(
        iter: *mut PyObject,
        arg: *mut PyObject,
        presult: *mut *mut PyObject,
    ) -> PySendResult;
}

#[cfg(Py_3_13)]
pub const Py_CONSTANT_NONE: c_uint = 0;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_FALSE: c_uint = 1;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_TRUE: c_uint = 2;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ELLIPSIS: c_uint = 3;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_NOT_IMPLEMENTED: c_uint = 4;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ZERO: c_uint = 5;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_ONE: c_uint = 6;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_STR: c_uint = 7;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_BYTES: c_uint = 8;
#[cfg(Py_3_13)]
pub const Py_CONSTANT_EMPTY_TUPLE: c_uint = 9;

// ---- Header-inline functions -------------------------------------------------------------

/// `Py_Is(x, y)`: identity comparison.
#[inline]
pub fn Py_Is(x: *mut PyObject, y: *mut PyObject) -> c_int {
    (x == y) as c_int
}

/// `Py_TYPE(ob)`: the object's type (a borrowed reference).
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn Py_TYPE(ob: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller guarantees `ob` points to a live object.
    unsafe { (*ob).ob_type }
}

/// `Py_SIZE(ob)`: `ob_size` of a variable-size object.
///
/// # Safety
/// `ob` must point to a live variable-size object.
#[inline]
pub unsafe fn Py_SIZE(ob: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller guarantees `ob` starts with a `PyVarObject` header.
    unsafe { (*ob.cast::<PyVarObject>()).ob_size }
}

/// `Py_IS_TYPE(ob, type)` (3.9 in C; provided for every version).
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn Py_IS_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    // SAFETY: the caller guarantees `ob` points to a live object.
    unsafe { (Py_TYPE(ob) == tp) as c_int }
}

/// `Py_SET_TYPE(ob, type)`.
///
/// # Safety
/// `ob` must point to a live object that the caller may modify.
#[inline]
pub unsafe fn Py_SET_TYPE(ob: *mut PyObject, tp: *mut PyTypeObject) {
    // SAFETY: the caller guarantees `ob` points to a live, writable object.
    unsafe { (*ob).ob_type = tp }
}

/// `Py_SET_SIZE(ob, size)`.
///
/// # Safety
/// `ob` must point to a live variable-size object that the caller may modify.
#[inline]
pub unsafe fn Py_SET_SIZE(ob: *mut PyVarObject, size: Py_ssize_t) {
    // SAFETY: the caller guarantees `ob` points to a live, writable `PyVarObject`.
    unsafe { (*ob).ob_size = size }
}

/// `Py_REFCNT(ob)`: the object's reference count.
///
/// # Safety
/// `ob` must point to a live object.
#[inline]
pub unsafe fn Py_REFCNT(ob: *mut PyObject) -> Py_ssize_t {
    #[cfg(not(Py_GIL_DISABLED))]
    {
        // SAFETY: the caller guarantees `ob` points to a live object.
        unsafe { (*ob).ob_refcnt }
    }
    #[cfg(Py_GIL_DISABLED)]
    {
        use std::sync::atomic::{AtomicIsize, AtomicU32, Ordering::Relaxed};
        // SAFETY: the caller guarantees `ob` is live; both counters are read atomically, as
        // the free-threaded header does, because other threads may update them.
        unsafe {
            let local = (*std::ptr::addr_of!((*ob).ob_ref_local).cast::<AtomicU32>()).load(Relaxed);
            if local == _Py_IMMORTAL_REFCNT_LOCAL {
                return _Py_IMMORTAL_REFCNT;
            }
            let shared =
                (*std::ptr::addr_of!((*ob).ob_ref_shared).cast::<AtomicIsize>()).load(Relaxed);
            local as Py_ssize_t + (shared >> _Py_REF_SHARED_SHIFT)
        }
    }
}

/// `Py_SET_REFCNT(ob, refcnt)` for builds with the GIL (the free-threaded variant is not
/// ported: extensions have no business setting counts there).
///
/// # Safety
/// `ob` must point to a live object; the new count must be correct.
#[cfg(not(Py_GIL_DISABLED))]
#[inline]
pub unsafe fn Py_SET_REFCNT(ob: *mut PyObject, refcnt: Py_ssize_t) {
    #[cfg(Py_3_12)]
    {
        // SAFETY: the caller guarantees `ob` points to a live object.
        if unsafe { _Py_IsImmortal(ob) } != 0 {
            return;
        }
    }
    // SAFETY: the caller guarantees `ob` points to a live, writable object.
    unsafe { (*ob).ob_refcnt = refcnt }
}

/// `_Py_IsImmortal(op)` (3.12+).
///
/// # Safety
/// `op` must point to a live object.
#[cfg(Py_3_12)]
#[inline(always)]
pub unsafe fn _Py_IsImmortal(op: *mut PyObject) -> c_int {
    #[cfg(Py_GIL_DISABLED)]
    {
        use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
        // SAFETY: the caller guarantees `op` is live; the field is read atomically.
        let local =
            unsafe { (*std::ptr::addr_of!((*op).ob_ref_local).cast::<AtomicU32>()).load(Relaxed) };
        (local == _Py_IMMORTAL_REFCNT_LOCAL) as c_int
    }
    #[cfg(all(not(Py_GIL_DISABLED), target_pointer_width = "64"))]
    {
        // SAFETY: the caller guarantees `op` is live. The header tests the sign of the low
        // 32 bits of the count.
        unsafe { (((*op).ob_refcnt as i32) < 0) as c_int }
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(target_pointer_width = "64")))]
    {
        // SAFETY: the caller guarantees `op` is live.
        unsafe { ((*op).ob_refcnt == _Py_IMMORTAL_REFCNT) as c_int }
    }
}

/// `Py_INCREF(op)`: take a new strong reference.
///
/// Follows each version's header: a plain increment before 3.12; from 3.12 a saturating
/// increment of the low 32 bits, which leaves immortal objects untouched; a call to the
/// interpreter under the 3.12+ limited API and in free-threaded builds.
///
/// # Safety
/// `op` must point to a live object and the calling thread must be attached.
#[inline(always)]
pub unsafe fn Py_INCREF(op: *mut PyObject) {
    #[cfg(all(Py_LIMITED_API, Py_3_12))]
    {
        // SAFETY: the caller guarantees `op` is a live object.
        unsafe { _Py_IncRef(op) }
    }
    #[cfg(all(Py_GIL_DISABLED, not(all(Py_LIMITED_API, Py_3_12))))]
    {
        // SAFETY: the caller guarantees `op` is a live object.
        unsafe { Py_IncRef(op) }
    }
    #[cfg(all(
        not(Py_GIL_DISABLED),
        not(all(Py_LIMITED_API, Py_3_12)),
        Py_3_12,
        target_pointer_width = "64"
    ))]
    {
        // SAFETY: the caller guarantees `op` is live; the header updates the low half of
        // `ob_refcnt` (index `PY_BIG_ENDIAN` of `ob_refcnt_split`), which lies inside the field.
        unsafe {
            let low = std::ptr::addr_of_mut!((*op).ob_refcnt)
                .cast::<u32>()
                .add(cfg!(target_endian = "big") as usize);
            let new = (*low).wrapping_add(1);
            if new == 0 {
                // The object is immortal.
                return;
            }
            *low = new;
        }
    }
    #[cfg(all(
        not(Py_GIL_DISABLED),
        not(all(Py_LIMITED_API, Py_3_12)),
        Py_3_12,
        not(target_pointer_width = "64")
    ))]
    {
        // SAFETY: the caller guarantees `op` is a live object.
        unsafe {
            if _Py_IsImmortal(op) != 0 {
                return;
            }
            (*op).ob_refcnt += 1;
        }
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(Py_3_12)))]
    {
        // SAFETY: the caller guarantees `op` is live and the thread holds the GIL.
        unsafe { (*op).ob_refcnt += 1 }
    }
}

/// `Py_DECREF(op)`: release a strong reference, deallocating the object at zero.
///
/// # Safety
/// `op` must point to a live object owned by the caller (the reference is consumed) and the
/// calling thread must be attached.
#[inline(always)]
pub unsafe fn Py_DECREF(op: *mut PyObject) {
    #[cfg(all(Py_LIMITED_API, Py_3_12))]
    {
        // SAFETY: the caller gives up a strong reference to a live object.
        unsafe { _Py_DecRef(op) }
    }
    #[cfg(all(Py_GIL_DISABLED, not(all(Py_LIMITED_API, Py_3_12))))]
    {
        // SAFETY: the caller gives up a strong reference to a live object.
        unsafe { Py_DecRef(op) }
    }
    #[cfg(all(not(Py_GIL_DISABLED), not(all(Py_LIMITED_API, Py_3_12))))]
    {
        #[cfg(Py_3_12)]
        {
            // SAFETY: the caller guarantees `op` is live.
            if unsafe { _Py_IsImmortal(op) } != 0 {
                return;
            }
        }
        // SAFETY: the caller gives up a strong reference to a live object while holding the
        // GIL; when the count reaches zero nobody else can see the object any more.
        unsafe {
            (*op).ob_refcnt -= 1;
            if (*op).ob_refcnt == 0 {
                _Py_Dealloc(op);
            }
        }
    }
}

/// `Py_XINCREF(op)`: `Py_INCREF` unless `op` is NULL.
///
/// # Safety
/// `op` must be NULL or point to a live object; the calling thread must be attached.
#[inline(always)]
pub unsafe fn Py_XINCREF(op: *mut PyObject) {
    if !op.is_null() {
        // SAFETY: non-NULL, so the caller guarantees a live object.
        unsafe { Py_INCREF(op) }
    }
}

/// `Py_XDECREF(op)`: `Py_DECREF` unless `op` is NULL.
///
/// # Safety
/// `op` must be NULL or a strong reference owned by the caller; the thread must be attached.
#[inline(always)]
pub unsafe fn Py_XDECREF(op: *mut PyObject) {
    if !op.is_null() {
        // SAFETY: non-NULL, so the caller gives up a strong reference to a live object.
        unsafe { Py_DECREF(op) }
    }
}

/// `Py_NewRef(obj)` (3.10 in C; provided for every version): incref and return `obj`.
///
/// # Safety
/// As [`Py_INCREF`].
#[inline]
pub unsafe fn Py_NewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_INCREF(obj) };
    obj
}

/// `Py_XNewRef(obj)` (3.10 in C; provided for every version).
///
/// # Safety
/// As [`Py_XINCREF`].
#[inline]
pub unsafe fn Py_XNewRef(obj: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_XINCREF(obj) };
    obj
}

/// `Py_CLEAR(op)`: sets `*op` to NULL, then releases the reference it held (if any), so
/// that a destructor that runs cannot see the dangling pointer.
///
/// # Safety
/// `op` must be valid for reads and writes, and `*op` NULL or a strong reference owned
/// through `*op`; the thread must be attached.
#[inline]
pub unsafe fn Py_CLEAR(op: *mut *mut PyObject) {
    // SAFETY: forwarded from the caller; the slot is cleared before the release.
    unsafe {
        let old = std::ptr::replace(op, std::ptr::null_mut());
        Py_XDECREF(old);
    }
}

// Py_SETREF / Py_XSETREF: macros on lvalues; callers write the two steps.

/// `Py_None`: the `None` singleton (borrowed).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_None() -> *mut PyObject {
    // Taking the address of an extern static reads nothing.
    std::ptr::addr_of_mut!(_Py_NoneStruct)
}

/// `Py_IsNone(x)` (3.10 in C; provided for every version).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_IsNone(x: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    Py_Is(x, unsafe { Py_None() })
}

/// `Py_NotImplemented`: the `NotImplemented` singleton (borrowed).
///
/// # Safety
/// The interpreter must be initialized.
#[inline]
pub unsafe fn Py_NotImplemented() -> *mut PyObject {
    // Taking the address of an extern static reads nothing.
    std::ptr::addr_of_mut!(_Py_NotImplementedStruct)
}

/// `PyType_HasFeature(t, f)`.
///
/// # Safety
/// `t` must point to a live type object.
#[inline]
pub unsafe fn PyType_HasFeature(t: *mut PyTypeObject, f: c_ulong) -> c_int {
    #[cfg(Py_LIMITED_API)]
    let flags = {
        // SAFETY: the caller guarantees `t` is a live type.
        unsafe { PyType_GetFlags(t) }
    };
    #[cfg(not(Py_LIMITED_API))]
    let flags = {
        // SAFETY: the caller guarantees `t` is a live type; the full struct is visible here.
        unsafe { (*t).tp_flags }
    };
    ((flags & f) != 0) as c_int
}

/// `PyType_FastSubclass(t, f)`.
///
/// # Safety
/// `t` must point to a live type object.
#[inline]
pub unsafe fn PyType_FastSubclass(t: *mut PyTypeObject, f: c_ulong) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_HasFeature(t, f) }
}

/// `PyObject_TypeCheck(ob, type)`.
///
/// # Safety
/// `ob` and `tp` must be live.
#[inline]
pub unsafe fn PyObject_TypeCheck(ob: *mut PyObject, tp: *mut PyTypeObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { (Py_IS_TYPE(ob, tp) != 0 || PyType_IsSubtype(Py_TYPE(ob), tp) != 0) as c_int }
}

/// `PyType_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyType_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS) }
}

/// `PyType_CheckExact(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyType_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyType_Type)) }
}

/// `PyObject_DelAttr(o, name)`: a macro over `PyObject_SetAttr` before 3.13.
///
/// # Safety
/// As `PyObject_SetAttr`.
#[cfg(not(Py_3_13))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_DelAttr(o: *mut PyObject, name: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; NULL as the value means deletion.
    unsafe { PyObject_SetAttr(o, name, std::ptr::null_mut()) }
}

#[cfg(not(Py_3_13))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_DelAttr"]
    pub fn PyObject_DelAttr(o: *mut PyObject, name: *mut PyObject) -> c_int;
}

/// `PyObject_DelAttrString(o, name)`: a macro over `PyObject_SetAttrString` before 3.13.
///
/// # Safety
/// As `PyObject_SetAttrString`.
#[cfg(not(Py_3_13))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyObject_DelAttrString(o: *mut PyObject, name: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller; NULL as the value means deletion.
    unsafe { PyObject_SetAttrString(o, name, std::ptr::null_mut()) }
}

#[cfg(not(Py_3_13))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyObject_DelAttrString"]
    pub fn PyObject_DelAttrString(o: *mut PyObject, name: *const c_char) -> c_int;
}
