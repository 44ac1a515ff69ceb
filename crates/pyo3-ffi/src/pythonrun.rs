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

/// `PYOS_STACK_MARGIN`: the bytes of stack `PyOS_CheckStack` keeps free (where enabled).
pub const PYOS_STACK_MARGIN: c_int = 2048;

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
    #[cfg(not(PyPy))]
    pub fn Py_CompileString(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn Py_CompileStringExFlags(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn Py_CompileStringObject(
        str: *const c_char,
        filename: *mut PyObject,
        start: c_int,
        flags: *mut PyCompilerFlags,
        optimize: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyRun_StringFlags")]
    pub fn PyRun_StringFlags(
        str: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleStringFlags(command: *const c_char, flags: *mut PyCompilerFlags) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_AnyFileExFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_SimpleFileExFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveOneFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveOneObject(
        fp: *mut libc::FILE,
        filename: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_InteractiveLoopFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyRun_FileExFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
    #[cfg(all(Py_3_10, not(Py_3_13), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn _PyRun_SimpleFileObject(
        fp: *mut libc::FILE,
        filename: *mut PyObject,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(all(Py_3_10, not(Py_3_13), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn _PyRun_AnyFileObject(
        fp: *mut libc::FILE,
        filename: *mut PyObject,
        closeit: c_int,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    #[cfg(all(Py_3_10, not(Py_3_13), not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn _PyRun_InteractiveLoopObject(
        fp: *mut libc::FILE,
        filename: *mut PyObject,
        flags: *mut PyCompilerFlags,
    ) -> c_int;
    /// Reads a line with the prompt; returns a `PyMem_RawMalloc`ed string.
    #[cfg(not(Py_LIMITED_API))]
    #[cfg(not(PyPy))]
    pub fn PyOS_Readline(
        stdin: *mut libc::FILE,
        stdout: *mut libc::FILE,
        prompt: *const c_char,
    ) -> *mut c_char;
    // PyOS_ReadlineFunctionPointer: a hook for readline implementations, not for extensions.

    #[cfg_attr(PyPy, link_name = "PyPyErr_Print")]
    pub fn PyErr_Print();
    #[cfg_attr(PyPy, link_name = "PyPyErr_PrintEx")]
    pub fn PyErr_PrintEx(set_sys_last_vars: c_int);
    #[cfg_attr(PyPy, link_name = "PyPyErr_Display")]
    pub fn PyErr_Display(exc: *mut PyObject, value: *mut PyObject, tb: *mut PyObject);
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyErr_DisplayException(exc: *mut PyObject);
}

/// `Py_CompileString(str, filename, start)`: in version-specific builds the header's macro,
/// `Py_CompileStringExFlags(str, filename, start, NULL, -1)`.
///
/// # Safety
/// As `Py_CompileStringExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn Py_CompileString(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_CompileStringExFlags(str, filename, start, ptr::null_mut(), -1) }
}

/// `Py_CompileString(str, filename, start)`: on PyPy the header's macro,
/// `Py_CompileStringFlags(str, filename, start, NULL)`.
///
/// # Safety
/// As `Py_CompileStringFlags`.
#[cfg(PyPy)]
#[inline]
pub unsafe fn Py_CompileString(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_CompileStringFlags(str, filename, start, ptr::null_mut()) }
}

/// `Py_CompileStringFlags(str, filename, start, flags)`: a macro over
/// `Py_CompileStringExFlags` with optimization level -1.
///
/// # Safety
/// As `Py_CompileStringExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn Py_CompileStringFlags(
    str: *const c_char,
    filename: *const c_char,
    start: c_int,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { Py_CompileStringExFlags(str, filename, start, flags, -1) }
}

#[cfg(not(Py_LIMITED_API))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPy_CompileStringFlags"]
    pub fn Py_CompileStringFlags(
        str: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
    ) -> *mut PyObject;
}

/// `PyRun_String(str, start, globals, locals)`: the macro over `PyRun_StringFlags`.
///
/// # Safety
/// As `PyRun_StringFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_String(
    str: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_StringFlags(str, start, globals, locals, ptr::null_mut()) }
}

#[cfg(not(Py_LIMITED_API))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyRun_String"]
    pub fn PyRun_String(
        str: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyObject;
}

/// `PyRun_SimpleString(command)`: the macro over `PyRun_SimpleStringFlags`.
///
/// # Safety
/// As `PyRun_SimpleStringFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_SimpleString(command: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_SimpleStringFlags(command, ptr::null_mut()) }
}

#[cfg(not(Py_LIMITED_API))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyRun_SimpleString"]
    pub fn PyRun_SimpleString(command: *const c_char) -> c_int;
}

/// `PyRun_AnyFile`: the header's macro, `PyRun_AnyFileExFlags(fp, name, 0, NULL)`.
///
/// # Safety
/// As `PyRun_AnyFileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_AnyFile(fp: *mut libc::FILE, name: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_AnyFileExFlags(fp, name, 0, ptr::null_mut()) }
}

/// `PyRun_AnyFileEx`: the header's macro, `PyRun_AnyFileExFlags(fp, name, closeit, NULL)`.
///
/// # Safety
/// As `PyRun_AnyFileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_AnyFileEx(fp: *mut libc::FILE, name: *const c_char, closeit: c_int) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_AnyFileExFlags(fp, name, closeit, ptr::null_mut()) }
}

/// `PyRun_AnyFileFlags`: the header's macro, `PyRun_AnyFileExFlags(fp, name, 0, flags)`.
///
/// # Safety
/// As `PyRun_AnyFileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_AnyFileFlags(
    fp: *mut libc::FILE,
    name: *const c_char,
    flags: *mut PyCompilerFlags,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_AnyFileExFlags(fp, name, 0, flags) }
}

/// `PyRun_SimpleFile`: the header's macro, `PyRun_SimpleFileExFlags(fp, name, 0, NULL)`.
///
/// # Safety
/// As `PyRun_SimpleFileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_SimpleFile(fp: *mut libc::FILE, name: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_SimpleFileExFlags(fp, name, 0, ptr::null_mut()) }
}

/// `PyRun_SimpleFileEx`: the header's macro, `PyRun_SimpleFileExFlags(fp, name, closeit, NULL)`.
///
/// # Safety
/// As `PyRun_SimpleFileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_SimpleFileEx(
    fp: *mut libc::FILE,
    name: *const c_char,
    closeit: c_int,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_SimpleFileExFlags(fp, name, closeit, ptr::null_mut()) }
}

/// `PyRun_InteractiveOne`: the header's macro, `PyRun_InteractiveOneFlags(fp, name, NULL)`.
///
/// # Safety
/// As `PyRun_InteractiveOneFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_InteractiveOne(fp: *mut libc::FILE, name: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_InteractiveOneFlags(fp, name, ptr::null_mut()) }
}

/// `PyRun_InteractiveLoop`: the header's macro, `PyRun_InteractiveLoopFlags(fp, name, NULL)`.
///
/// # Safety
/// As `PyRun_InteractiveLoopFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_InteractiveLoop(fp: *mut libc::FILE, name: *const c_char) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_InteractiveLoopFlags(fp, name, ptr::null_mut()) }
}

/// `PyRun_File`: the header's macro, `PyRun_FileExFlags(fp, name, start, globals, locals, 0, NULL)`.
///
/// # Safety
/// As `PyRun_FileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_File(
    fp: *mut libc::FILE,
    name: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_FileExFlags(fp, name, start, globals, locals, 0, ptr::null_mut()) }
}

#[cfg(not(Py_LIMITED_API))]
#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyRun_File"]
    pub fn PyRun_File(
        fp: *mut libc::FILE,
        name: *const c_char,
        start: c_int,
        globals: *mut PyObject,
        locals: *mut PyObject,
    ) -> *mut PyObject;
}

/// `PyRun_FileEx`: the header's macro, `PyRun_FileExFlags(fp, name, start, globals, locals, closeit, NULL)`.
///
/// # Safety
/// As `PyRun_FileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_FileEx(
    fp: *mut libc::FILE,
    name: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
    closeit: c_int,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_FileExFlags(fp, name, start, globals, locals, closeit, ptr::null_mut()) }
}

/// `PyRun_FileFlags`: the header's macro, `PyRun_FileExFlags(fp, name, start, globals, locals, 0, flags)`.
///
/// # Safety
/// As `PyRun_FileExFlags`.
#[cfg(not(Py_LIMITED_API))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyRun_FileFlags(
    fp: *mut libc::FILE,
    name: *const c_char,
    start: c_int,
    globals: *mut PyObject,
    locals: *mut PyObject,
    flags: *mut PyCompilerFlags,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyRun_FileExFlags(fp, name, start, globals, locals, 0, flags) }
}

/// `struct symtable`: a module's symbol table (public before 3.10); opaque.
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct symtable {
    _opaque: [u8; 0],
}

#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyParser_ASTFromString(
        s: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: *mut PyCompilerFlags,
        arena: *mut crate::PyArena,
    ) -> *mut crate::_mod;
    #[cfg(not(PyPy))]
    pub fn PyParser_ASTFromStringObject(
        s: *const c_char,
        filename: *mut PyObject,
        start: c_int,
        flags: *mut PyCompilerFlags,
        arena: *mut crate::PyArena,
    ) -> *mut crate::_mod;
    #[cfg(not(PyPy))]
    pub fn PyParser_ASTFromFile(
        fp: *mut libc::FILE,
        filename: *const c_char,
        enc: *const c_char,
        start: c_int,
        ps1: *const c_char,
        ps2: *const c_char,
        flags: *mut PyCompilerFlags,
        errcode: *mut c_int,
        arena: *mut crate::PyArena,
    ) -> *mut crate::_mod;
    #[cfg(not(PyPy))]
    pub fn PyParser_ASTFromFileObject(
        fp: *mut libc::FILE,
        filename: *mut PyObject,
        enc: *const c_char,
        start: c_int,
        ps1: *const c_char,
        ps2: *const c_char,
        flags: *mut PyCompilerFlags,
        errcode: *mut c_int,
        arena: *mut crate::PyArena,
    ) -> *mut crate::_mod;
    #[cfg(not(PyPy))]
    pub fn Py_SymtableStringObject(
        s: *const c_char,
        filename: *mut PyObject,
        start: c_int,
    ) -> *mut symtable;
}

#[cfg(not(Py_3_10))]
extern "C" {
    /// Deprecated in 3.9, removed in 3.10.
    #[cfg(not(PyPy))]
    pub fn PyParser_SimpleParseStringFlags(
        s: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut crate::_node;
    /// Deprecated in 3.9, removed in 3.10.
    #[cfg(not(PyPy))]
    pub fn PyParser_SimpleParseStringFlagsFilename(
        s: *const c_char,
        filename: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut crate::_node;
    /// Deprecated in 3.9, removed in 3.10.
    #[cfg(not(PyPy))]
    pub fn PyParser_SimpleParseFileFlags(
        fp: *mut libc::FILE,
        filename: *const c_char,
        start: c_int,
        flags: c_int,
    ) -> *mut crate::_node;
    #[cfg(not(PyPy))]
    pub fn Py_SymtableString(
        s: *const c_char,
        filename: *const c_char,
        start: c_int,
    ) -> *mut symtable;
}

/// `PyParser_SimpleParseString(s, start)` (a macro before 3.10).
///
/// # Safety
/// `s` must be a NUL-terminated string; attached.
#[cfg(not(Py_3_10))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyParser_SimpleParseString(s: *const c_char, start: c_int) -> *mut crate::_node {
    // SAFETY: forwarded from the caller; no flags, as the macro passes.
    unsafe { PyParser_SimpleParseStringFlags(s, start, 0) }
}

/// `PyParser_SimpleParseFile(fp, filename, start)` (a macro before 3.10).
///
/// # Safety
/// `fp` must be an open file and `filename` a NUL-terminated string; attached.
#[cfg(not(Py_3_10))]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyParser_SimpleParseFile(
    fp: *mut libc::FILE,
    filename: *const c_char,
    start: c_int,
) -> *mut crate::_node {
    // SAFETY: forwarded from the caller; no flags, as the macro passes.
    unsafe { PyParser_SimpleParseFileFlags(fp, filename, start, 0) }
}
