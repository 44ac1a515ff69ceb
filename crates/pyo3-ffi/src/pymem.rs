//! `pymem.h`: the interpreter's raw and object-domain allocators. Checked against 3.7–3.13.

use std::os::raw::c_void;

extern "C" {
    pub fn PyMem_Malloc(size: usize) -> *mut c_void;
    pub fn PyMem_Calloc(nelem: usize, elsize: usize) -> *mut c_void;
    pub fn PyMem_Realloc(ptr: *mut c_void, new_size: usize) -> *mut c_void;
    pub fn PyMem_Free(ptr: *mut c_void);
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    pub fn PyMem_RawMalloc(size: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    pub fn PyMem_RawCalloc(nelem: usize, elsize: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    pub fn PyMem_RawRealloc(ptr: *mut c_void, new_size: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    pub fn PyMem_RawFree(ptr: *mut c_void);
}
