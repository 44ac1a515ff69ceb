//! `pymem.h`: the interpreter's raw and object-domain allocators. Checked against 3.7–3.13.

use std::os::raw::c_void;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyMem_Malloc")]
    pub fn PyMem_Malloc(size: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyMem_Calloc")]
    pub fn PyMem_Calloc(nelem: usize, elsize: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyMem_Realloc")]
    pub fn PyMem_Realloc(ptr: *mut c_void, new_size: usize) -> *mut c_void;
    #[cfg_attr(PyPy, link_name = "PyPyMem_Free")]
    pub fn PyMem_Free(ptr: *mut c_void);
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawMalloc")]
    pub fn PyMem_RawMalloc(size: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawCalloc")]
    pub fn PyMem_RawCalloc(nelem: usize, elsize: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawRealloc")]
    pub fn PyMem_RawRealloc(ptr: *mut c_void, new_size: usize) -> *mut c_void;
    #[cfg(any(Py_3_13, not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "PyPyMem_RawFree")]
    pub fn PyMem_RawFree(ptr: *mut c_void);
}
