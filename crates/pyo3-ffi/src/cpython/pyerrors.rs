//! `cpython/pyerrors.h` (part of `pyerrors.h` on 3.7): exception object layout and the
//! object-based syntax-location helpers. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;
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

// The layouts of the built-in exceptions with extra fields: `PyException_HEAD`, then their own.

/// `PyBaseExceptionGroupObject`: `ExceptionGroup` and `BaseExceptionGroup` (3.11).
#[cfg(Py_3_11)]
#[repr(C)]
#[derive(Debug)]
pub struct PyBaseExceptionGroupObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub excs: *mut PyObject,
}

/// `PySyntaxErrorObject`: `SyntaxError` and its subclasses.
#[repr(C)]
#[derive(Debug)]
pub struct PySyntaxErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub filename: *mut PyObject,
    pub lineno: *mut PyObject,
    pub offset: *mut PyObject,
    #[cfg(Py_3_10)]
    pub end_lineno: *mut PyObject,
    #[cfg(Py_3_10)]
    pub end_offset: *mut PyObject,
    pub text: *mut PyObject,
    pub print_file_and_line: *mut PyObject,
}

/// `PyImportErrorObject`: `ImportError` and `ModuleNotFoundError`.
#[repr(C)]
#[derive(Debug)]
pub struct PyImportErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub msg: *mut PyObject,
    pub name: *mut PyObject,
    pub path: *mut PyObject,
    #[cfg(Py_3_12)]
    pub name_from: *mut PyObject,
}

/// `PyUnicodeErrorObject`: `UnicodeEncodeError`, `UnicodeDecodeError` and `UnicodeTranslateError`.
#[repr(C)]
#[derive(Debug)]
pub struct PyUnicodeErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub encoding: *mut PyObject,
    pub object: *mut PyObject,
    pub start: Py_ssize_t,
    pub end: Py_ssize_t,
    pub reason: *mut PyObject,
}

/// `PySystemExitObject`: `SystemExit`.
#[repr(C)]
#[derive(Debug)]
pub struct PySystemExitObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub code: *mut PyObject,
}

/// `PyOSErrorObject`: `OSError` and its subclasses; `written` is used by `BlockingIOError` only (-1 otherwise).
#[repr(C)]
#[derive(Debug)]
pub struct PyOSErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub myerrno: *mut PyObject,
    pub strerror: *mut PyObject,
    pub filename: *mut PyObject,
    pub filename2: *mut PyObject,
    #[cfg(windows)]
    pub winerror: *mut PyObject,
    pub written: Py_ssize_t,
}

/// `PyStopIterationObject`: `StopIteration`.
#[repr(C)]
#[derive(Debug)]
pub struct PyStopIterationObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub value: *mut PyObject,
}

/// `PyNameErrorObject`: `NameError` (3.10).
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Debug)]
pub struct PyNameErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub name: *mut PyObject,
}

/// `PyAttributeErrorObject`: `AttributeError` (3.10).
#[cfg(Py_3_10)]
#[repr(C)]
#[derive(Debug)]
pub struct PyAttributeErrorObject {
    pub ob_base: PyObject,
    pub dict: *mut PyObject,
    pub args: *mut PyObject,
    #[cfg(Py_3_11)]
    pub notes: *mut PyObject,
    pub traceback: *mut PyObject,
    pub context: *mut PyObject,
    pub cause: *mut PyObject,
    pub suppress_context: c_char,
    pub obj: *mut PyObject,
    pub name: *mut PyObject,
}

/// `PyEnvironmentErrorObject`: the old name of `PyOSErrorObject`.
pub type PyEnvironmentErrorObject = PyOSErrorObject;
/// `PyWindowsErrorObject` (Windows): the old name of `PyOSErrorObject`.
#[cfg(windows)]
pub type PyWindowsErrorObject = PyOSErrorObject;

extern "C" {
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub static mut PyExc_PythonFinalizationError: *mut PyObject;

    #[cfg(not(PyPy))]
    pub fn PyErr_SyntaxLocationObject(filename: *mut PyObject, lineno: c_int, col_offset: c_int);
    #[cfg(not(PyPy))]
    pub fn PyErr_ProgramTextObject(filename: *mut PyObject, lineno: c_int) -> *mut PyObject;
}
