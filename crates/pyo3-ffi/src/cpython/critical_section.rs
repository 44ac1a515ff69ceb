//! `cpython/critical_section.h` (new in 3.13): per-object locks of the free-threaded build.
//! Checked against CPython 3.13.
//!
//! The structs' fields are only public in free-threaded builds; elsewhere the header keeps
//! them opaque (and the functions do nothing), so they are declared here for
//! `Py_GIL_DISABLED` only. The `Py_BEGIN_CRITICAL_SECTION` macros pair the functions below.

use crate::object::{PyMutex, PyObject};

/// `PyCriticalSection`: storage for one object's critical section, on the caller's stack.
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection {
    /// The enclosing critical section of this thread, tagged in its low bits.
    pub _cs_prev: usize,
    /// The mutex of the locked object.
    pub _cs_mutex: *mut PyMutex,
}

/// `PyCriticalSection2`: storage for a critical section over two objects at once.
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection2 {
    /// The first object's section.
    pub _cs_base: PyCriticalSection,
    /// The mutex of the second object.
    pub _cs_mutex2: *mut PyMutex,
}

extern "C" {
    /// Locks `op`'s mutex (detaching while waiting) and records the section in `c`.
    pub fn PyCriticalSection_Begin(c: *mut PyCriticalSection, op: *mut PyObject);
    /// Ends the section begun on `c`, resuming the enclosing one if it was suspended.
    pub fn PyCriticalSection_End(c: *mut PyCriticalSection);
    /// Locks both objects' mutexes in a deadlock-free order.
    pub fn PyCriticalSection2_Begin(c: *mut PyCriticalSection2, a: *mut PyObject, b: *mut PyObject);
    /// Ends the two-object section begun on `c`.
    pub fn PyCriticalSection2_End(c: *mut PyCriticalSection2);
}
