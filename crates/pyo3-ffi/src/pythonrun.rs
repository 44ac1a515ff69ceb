//! `pythonrun.h` (with `cpython/pythonrun.h`): compiling and running source, and printing
//! exceptions. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use std::os::raw::{c_char, c_int};
#[cfg(not(Py_LIMITED_API))]
use std::ptr;

/// `PyCompilerFlags` (non-limited API).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
#[derive(Copy, Clone, Debug, Default)]
pub struct PyCompilerFlags {
    pub cf_flags: c_int,
    #[cfg(Py_3_8)]
    pub cf_feature_version: c_int,
}

#[cfg(not(Py_LIMITED_API))]
pub const PyCF_MASK_OBSOLETE: c_int = 0x0010;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_SOURCE_IS_UTF8: c_int = 0x0100;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_DONT_IMPLY_DEDENT: c_int = 0x0200;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_ONLY_AST: c_int = 0x0400;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_IGNORE_COOKIE: c_int = 0x0800;
#[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
pub const PyCF_TYPE_COMMENTS: c_int = 0x1000;
#[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
pub const PyCF_ALLOW_TOP_LEVEL_AWAIT: c_int = 0x2000;
#[cfg(all(Py_3_11, not(Py_LIMITED_API)))]
pub const PyCF_ALLOW_INCOMPLETE_INPUT: c_int = 0x4000;
#[cfg(all(Py_3_13, not(Py_LIMITED_API)))]
pub const PyCF_OPTIMIZED_AST: c_int = 0x8000 | PyCF_ONLY_AST;

extern "C" {
    /// An exported function in the limited API; a macro otherwise (see below).
    #[cfg(Py_LIMITED_API)]
    pub fn Py_CompileString(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    pub fn Py_CompileStringExFlags(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    pub fn Py_CompileStringObject(
        str: *const c_char,
        filename: *mut PyObject,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    pub fn PyRun_StringFlags(
        str: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    pub fn PyRun_SimpleStringFlags(command: *const c_char, flags: *mut PyCompilerFlags) -> c_int;

    pub fn PyErr_Print();
    pub fn PyErr_PrintEx(set_sys_last_vars: c_int);
    pub fn PyErr_Display(exc: *mut PyObject, value: *mut PyObject, tb: *mut PyObject);
    #[cfg(Py_3_12)]
    pub fn PyErr_DisplayException(exc: *mut PyObject);
}

/// `Py_CompileString(str, filename, start)`: in version-specific builds the header's macro,
/// `Py_CompileStringExFlags(str, filename, start, NULL, -1)`.
///
/// # Safety
/// As `Py_CompileStringExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn Py_CompileString(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_CompileStringExFlags(str, filename, start, ptr::null_mut(), -1) }
}

/// `Py_CompileStringFlags(str, filename, start, flags)`: a macro over
/// `Py_CompileStringExFlags` with optimization level -1.
///
/// # Safety
/// As `Py_CompileStringExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn Py_CompileStringFlags(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_CompileStringExFlags(str, filename, start, flags, -1) }
}

/// `PyRun_String(str, start, globals, locals)`: the macro over `PyRun_StringFlags`.
///
/// # Safety
/// As `PyRun_StringFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PyRun_String(
    str: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_StringFlags(str, start, globals, locals, ptr::null_mut()) }
}

/// `PyRun_SimpleString(command)`: the macro over `PyRun_SimpleStringFlags`.
///
/// # Safety
/// As `PyRun_SimpleStringFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PyRun_SimpleString(command: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_SimpleStringFlags(command, ptr::null_mut()) }
}
