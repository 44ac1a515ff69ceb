//! `compile.h`: start symbols for the compiler. Checked against CPython 3.7–3.13.

use std::os::raw::c_int;

pub const Py_single_input: c_int = 256;
pub const Py_file_input: c_int = 257;
pub const Py_eval_input: c_int = 258;
#[cfg(Py_3_8)]
pub const Py_func_type_input: c_int = 345;
/// `Py_fstring_input` (3.9–3.11, non-limited): the f-string expression start symbol.
#[cfg(all(Py_3_9, not(Py_3_12), not(Py_LIMITED_API)))]
pub const Py_fstring_input: c_int = 800;

/// `struct _mod`: an AST root (before 3.10, the AST API was public); opaque.
#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
#[repr(C)]
pub struct _mod {
    _opaque: [u8; 0],
}

/// `struct _node`: a node of the old parser's concrete syntax tree (before 3.10); opaque.
#[cfg(not(Py_3_10))]
#[repr(C)]
pub struct _node {
    _opaque: [u8; 0],
}

/// `PyFutureFeatures` (before 3.10): the `from __future__` imports of a module.
#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct PyFutureFeatures {
    /// `CO_FUTURE_*` flags set by future statements.
    pub ff_features: c_int,
    /// The line of the last future statement.
    pub ff_lineno: c_int,
}

#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
extern "C" {
    /// Deprecated in 3.9, removed in 3.10.
    #[cfg(not(PyPy))]
    pub fn PyNode_Compile(
        node: *mut _node,
        filename: *const std::os::raw::c_char,
    ) -> *mut crate::PyCodeObject;
    #[cfg(not(PyPy))]
    pub fn PyAST_CompileEx(
        module: *mut _mod,
        filename: *const std::os::raw::c_char,
        flags: *mut crate::PyCompilerFlags,
        optimize: c_int,
        arena: *mut crate::PyArena,
    ) -> *mut crate::PyCodeObject;
    #[cfg(not(PyPy))]
    pub fn PyAST_CompileObject(
        module: *mut _mod,
        filename: *mut crate::PyObject,
        flags: *mut crate::PyCompilerFlags,
        optimize: c_int,
        arena: *mut crate::PyArena,
    ) -> *mut crate::PyCodeObject;
    #[cfg(not(PyPy))]
    pub fn PyFuture_FromAST(
        module: *mut _mod,
        filename: *const std::os::raw::c_char,
    ) -> *mut PyFutureFeatures;
    #[cfg(not(PyPy))]
    pub fn PyFuture_FromASTObject(
        module: *mut _mod,
        filename: *mut crate::PyObject,
    ) -> *mut PyFutureFeatures;
}
