//! `cpython/pyerrors.h` (part of `pyerrors.h` on 3.7): exception object layout and the
//! object-based syntax-location helpers. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use std::os::raw::{c_char, c_int};

/// `PyBaseExceptionObject`: the instance layout shared by every exception (`PyException_HEAD`).
#[repr(C)]
#[derive(Debug)]
pub struct PyBaseExceptionObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
}

extern "C" {
    #[cfg(Py_3_13)]
    pub static mut PyExc_PythonFinalizationError: *mut PyObject;

    pub fn PyErr_SyntaxLocationObject(filename: *mut PyObject, lineno: c_int, col_offset: c_int);
    pub fn PyErr_ProgramTextObject(filename: *mut PyObject, lineno: c_int) -> *mut PyObject;
}
