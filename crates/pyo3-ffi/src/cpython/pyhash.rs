//! `pyhash.h` outside the limited API (`cpython/pyhash.h` from 3.13): the hash helpers and
//! the description of the string hash in use. Checked against CPython 3.7–3.13.

#[cfg(Py_3_10)]
use crate::object::PyObject;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use std::os::raw::{c_char, c_int, c_void};

/// `PyHash_FuncDef`: the string hash in use (`sys.hash_info` reads it).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyHash_FuncDef {
    pub hash: Option<unsafe extern "C" fn(*const c_void, Py_ssize_t) -> Py_hash_t>,
    pub name: *const c_char,
    pub hash_bits: c_int,
    pub seed_bits: c_int,
}

impl Default for PyHash_FuncDef {
    fn default() -> Self {
        PyHash_FuncDef {
            hash: None,
            name: std::ptr::null(),
            hash_bits: 0,
            seed_bits: 0,
        }
    }
}

// _Py_HashSecret: the per-process key, a union whose members are private to the hashes.

extern "C" {
    #[cfg(not(Py_3_10))]
    #[cfg_attr(PyPy, link_name = "_PyPy_HashDouble")]
    pub fn _Py_HashDouble(value: f64) -> Py_hash_t;
    /// From 3.10 `inst` is the float object (NaNs hash by its identity).
    #[cfg(Py_3_10)]
    #[cfg_attr(PyPy, link_name = "_PyPy_HashDouble")]
    pub fn _Py_HashDouble(inst: *mut PyObject, value: f64) -> Py_hash_t;
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPy_HashPointer")]
    pub fn _Py_HashPointer(ptr: *const c_void) -> Py_hash_t;
    #[cfg(all(Py_3_9, not(Py_3_13)))]
    #[cfg(not(PyPy))]
    pub fn _Py_HashPointerRaw(ptr: *const c_void) -> Py_hash_t;
    /// The hash of `len` bytes, as `bytes` objects hash (internal from 3.13).
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _Py_HashBytes(src: *const c_void, len: Py_ssize_t) -> Py_hash_t;
    #[cfg(not(PyPy))]
    pub fn PyHash_GetFuncDef() -> *mut PyHash_FuncDef;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn Py_HashPointer(ptr: *const c_void) -> Py_hash_t;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyObject_GenericHash(obj: *mut PyObject) -> Py_hash_t;
}

/// `_Py_HashPointer(ptr)` (3.13): the old name, now a macro for `Py_HashPointer`.
///
/// # Safety
/// None beyond the C function's: any pointer value may be hashed.
#[cfg(Py_3_13)]
#[inline]
pub unsafe fn _Py_HashPointer(ptr: *const c_void) -> Py_hash_t {
    // SAFETY: `Py_HashPointer` only reads the pointer's value.
    unsafe { Py_HashPointer(ptr) }
}
