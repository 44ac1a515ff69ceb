//! `cpython/critical_section.h` (3.13): per-object locks for free-threaded builds. With the
//! GIL the functions do nothing and the structs are opaque. Checked against CPython 3.13.

#[cfg(Py_GIL_DISABLED)]
use crate::object::PyMutex;
use crate::object::PyObject;

/// `PyCriticalSection`: a critical section on one object. Free-threaded builds give its
/// layout (allocate it on the stack, zeroed, and pass it to `PyCriticalSection_Begin`);
/// with the GIL it is opaque.
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection {
    /// The enclosing critical section of this thread, tagged in its low bits.
    #[cfg(Py_GIL_DISABLED)]
    pub _cs_prev: usize,
    /// The mutex of the locked object.
    #[cfg(Py_GIL_DISABLED)]
    pub _cs_mutex: *mut PyMutex,
    #[cfg(not(Py_GIL_DISABLED))]
    _opaque: [u8; 0],
}

/// `PyCriticalSection2`: a critical section on two objects, as [`PyCriticalSection`].
#[repr(C)]
#[derive(Debug)]
pub struct PyCriticalSection2 {
    /// The first object's section.
    #[cfg(Py_GIL_DISABLED)]
    pub _cs_base: PyCriticalSection,
    /// The mutex of the second object.
    #[cfg(Py_GIL_DISABLED)]
    pub _cs_mutex2: *mut PyMutex,
    #[cfg(not(Py_GIL_DISABLED))]
    _opaque: [u8; 0],
}

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyCriticalSection_Begin(c: *mut PyCriticalSection, op: *mut PyObject);
    #[cfg(not(PyPy))]
    pub fn PyCriticalSection_End(c: *mut PyCriticalSection);
    #[cfg(not(PyPy))]
    pub fn PyCriticalSection2_Begin(c: *mut PyCriticalSection2, a: *mut PyObject, b: *mut PyObject);
    #[cfg(not(PyPy))]
    pub fn PyCriticalSection2_End(c: *mut PyCriticalSection2);
}
