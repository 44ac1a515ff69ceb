//! `fileobject.h`: file helpers and the file-system encoding globals. The non-limited part
//! (`cpython/fileobject.h` from 3.11) adds `Py_UTF8Mode`. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyFile_FromFd")]
    pub fn PyFile_FromFd(
        fd: c_int,
        name: *const c_char,
        mode: *const c_char,
        buffering: c_int,
        encoding: *const c_char,
        errors: *const c_char,
        newline: *const c_char,
        closefd: c_int,
    ) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFile_GetLine")]
    pub fn PyFile_GetLine(f: *mut PyObject, n: c_int) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyFile_WriteObject")]
    pub fn PyFile_WriteObject(obj: *mut PyObject, f: *mut PyObject, flags: c_int) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyFile_WriteString")]
    pub fn PyFile_WriteString(s: *const c_char, f: *mut PyObject) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyObject_AsFileDescriptor")]
    pub fn PyObject_AsFileDescriptor(obj: *mut PyObject) -> c_int;

    /// Deprecated since 3.12.
    pub static mut Py_FileSystemDefaultEncoding: *const c_char;
    /// Deprecated since 3.12.
    #[cfg(not(PyPy))]
    pub static mut Py_FileSystemDefaultEncodeErrors: *const c_char;
    /// Deprecated since 3.12.
    #[cfg(not(PyPy))]
    pub static mut Py_HasFileSystemDefaultEncoding: c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub static mut Py_UTF8Mode: c_int;
}
