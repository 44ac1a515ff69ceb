//! `cpython/pymem.h` (part of `pymem.h` before 3.8) and the arena part of
//! `cpython/objimpl.h`: replacing or hooking the interpreter's allocators, outside the
//! limited API. Checked against CPython 3.7–3.13.

use std::os::raw::c_void;

/// `PyMemAllocatorDomain`: which family of allocation functions an allocator serves.
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyMemAllocatorDomain {
    /// `PyMem_RawMalloc` and friends (called without the GIL).
    PYMEM_DOMAIN_RAW,
    /// `PyMem_Malloc` and friends.
    PYMEM_DOMAIN_MEM,
    /// `PyObject_Malloc` and friends.
    PYMEM_DOMAIN_OBJ,
}

/// `PyMemAllocatorName` (3.8): the allocators `PYTHONMALLOC` can select.
#[cfg(Py_3_8)]
#[repr(C)]
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PyMemAllocatorName {
    PYMEM_ALLOCATOR_NOT_SET = 0,
    PYMEM_ALLOCATOR_DEFAULT = 1,
    PYMEM_ALLOCATOR_DEBUG = 2,
    PYMEM_ALLOCATOR_MALLOC = 3,
    PYMEM_ALLOCATOR_MALLOC_DEBUG = 4,
    /// Only in builds with pymalloc (the default).
    PYMEM_ALLOCATOR_PYMALLOC = 5,
    PYMEM_ALLOCATOR_PYMALLOC_DEBUG = 6,
}

/// `PyMemAllocatorEx`: an allocator; each function gets `ctx` first.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyMemAllocatorEx {
    pub ctx: *mut c_void,
    pub malloc: Option<unsafe extern "C" fn(ctx: *mut c_void, size: usize) -> *mut c_void>,
    pub calloc:
        Option<unsafe extern "C" fn(ctx: *mut c_void, nelem: usize, elsize: usize) -> *mut c_void>,
    pub realloc: Option<
        unsafe extern "C" fn(ctx: *mut c_void, ptr: *mut c_void, new_size: usize) -> *mut c_void,
    >,
    pub free: Option<unsafe extern "C" fn(ctx: *mut c_void, ptr: *mut c_void)>,
}

/// `PyObjectArenaAllocator` (`cpython/objimpl.h`): how pymalloc gets its arenas.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyObjectArenaAllocator {
    pub ctx: *mut c_void,
    pub alloc: Option<unsafe extern "C" fn(ctx: *mut c_void, size: usize) -> *mut c_void>,
    pub free: Option<unsafe extern "C" fn(ctx: *mut c_void, ptr: *mut c_void, size: usize)>,
}

impl Default for PyObjectArenaAllocator {
    /// No context and no functions.
    fn default() -> Self {
        PyObjectArenaAllocator {
            ctx: std::ptr::null_mut(),
            alloc: None,
            free: None,
        }
    }
}

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyMem_GetAllocator(domain: PyMemAllocatorDomain, allocator: *mut PyMemAllocatorEx);
    #[cfg(not(PyPy))]
    pub fn PyMem_SetAllocator(domain: PyMemAllocatorDomain, allocator: *mut PyMemAllocatorEx);
    #[cfg(not(PyPy))]
    pub fn PyMem_SetupDebugHooks();
    #[cfg(not(PyPy))]
    pub fn PyObject_GetArenaAllocator(allocator: *mut PyObjectArenaAllocator);
    #[cfg(not(PyPy))]
    pub fn PyObject_SetArenaAllocator(allocator: *mut PyObjectArenaAllocator);
}
