//! `cpython/code.h` and `cpython/frameobject.h` / `cpython/pyframe.h` (`code.h` and
//! `frameobject.h` on 3.7–3.8): the code and frame types outside the limited API.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyframe::PyCodeObject;
use crate::pyport::Py_ssize_t;
#[cfg(Py_3_9)]
use crate::pystate::PyFrameObject;
use std::os::raw::{c_char, c_int, c_void};

// Code flags (`co_flags`). The `CO_FUTURE_*` bits moved up in 3.8.
pub const CO_OPTIMIZED: c_int = 0x0001;
pub const CO_NEWLOCALS: c_int = 0x0002;
pub const CO_VARARGS: c_int = 0x0004;
pub const CO_VARKEYWORDS: c_int = 0x0008;
pub const CO_NESTED: c_int = 0x0010;
pub const CO_GENERATOR: c_int = 0x0020;
/// `CO_NOFREE`: no free or cell variables. CPython 3.11 dropped the flag (the bit is
/// never set there); the constant is kept for every version, as in PyO3.
pub const CO_NOFREE: c_int = 0x0040;
pub const CO_COROUTINE: c_int = 0x0080;
pub const CO_ITERABLE_COROUTINE: c_int = 0x0100;
pub const CO_ASYNC_GENERATOR: c_int = 0x0200;
/// `CO_GENERATOR_ALLOWED` (3.7 only): unused.
#[cfg(not(Py_3_8))]
pub const CO_GENERATOR_ALLOWED: c_int = 0x1000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_DIVISION: c_int = 0x2000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_ABSOLUTE_IMPORT: c_int = 0x4000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_WITH_STATEMENT: c_int = 0x8000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_PRINT_FUNCTION: c_int = 0x10000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_UNICODE_LITERALS: c_int = 0x20000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_BARRY_AS_BDFL: c_int = 0x40000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_GENERATOR_STOP: c_int = 0x80000;
#[cfg(not(Py_3_8))]
pub const CO_FUTURE_ANNOTATIONS: c_int = 0x100000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_DIVISION: c_int = 0x20000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_ABSOLUTE_IMPORT: c_int = 0x40000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_WITH_STATEMENT: c_int = 0x80000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_PRINT_FUNCTION: c_int = 0x100000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_UNICODE_LITERALS: c_int = 0x200000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_BARRY_AS_BDFL: c_int = 0x400000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_GENERATOR_STOP: c_int = 0x800000;
#[cfg(Py_3_8)]
pub const CO_FUTURE_ANNOTATIONS: c_int = 0x1000000;
/// `CO_NO_MONITORING_EVENTS` (3.13).
#[cfg(Py_3_13)]
pub const CO_NO_MONITORING_EVENTS: c_int = 0x2000000;

/// `CO_MAXBLOCKS`: the compiler's limit on nested blocks (21 from 3.13).
#[cfg(not(Py_3_13))]
pub const CO_MAXBLOCKS: usize = 20;
#[cfg(Py_3_13)]
pub const CO_MAXBLOCKS: usize = 21;

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PyCode_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyFrame_Type: PyTypeObject;

    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetBack(frame: *mut PyFrameObject) -> *mut PyFrameObject;

    /// Before 3.11: `lnotab` is the line-number table; no `qualname` or exception table.
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyCode_New")]
    pub fn PyCode_New(
        argcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        firstlineno: c_int,
        lnotab: *mut PyObject,
    ) -> *mut PyCodeObject;
    #[cfg(all(Py_3_8, not(Py_3_11)))]
    #[cfg(not(PyPy))]
    pub fn PyCode_NewWithPosOnlyArgs(
        argcount: c_int,
        posonlyargcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        firstlineno: c_int,
        lnotab: *mut PyObject,
    ) -> *mut PyCodeObject;
    /// 3.11 only under this name; from 3.12 `PyUnstable_Code_New` (with an inline alias).
    #[cfg(all(Py_3_11, not(Py_3_12)))]
    #[cfg_attr(PyPy, link_name = "PyPyCode_New")]
    pub fn PyCode_New(
        argcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
        firstlineno: c_int,
        linetable: *mut PyObject,
        exceptiontable: *mut PyObject,
    ) -> *mut PyCodeObject;
    #[cfg(all(Py_3_11, not(Py_3_12)))]
    #[cfg(not(PyPy))]
    pub fn PyCode_NewWithPosOnlyArgs(
        argcount: c_int,
        posonlyargcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
        firstlineno: c_int,
        linetable: *mut PyObject,
        exceptiontable: *mut PyObject,
    ) -> *mut PyCodeObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_New(
        argcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
        firstlineno: c_int,
        linetable: *mut PyObject,
        exceptiontable: *mut PyObject,
    ) -> *mut PyCodeObject;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_NewWithPosOnlyArgs(
        argcount: c_int,
        posonlyargcount: c_int,
        kwonlyargcount: c_int,
        nlocals: c_int,
        stacksize: c_int,
        flags: c_int,
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        varnames: *mut PyObject,
        freevars: *mut PyObject,
        cellvars: *mut PyObject,
        filename: *mut PyObject,
        name: *mut PyObject,
        qualname: *mut PyObject,
        firstlineno: c_int,
        linetable: *mut PyObject,
        exceptiontable: *mut PyObject,
    ) -> *mut PyCodeObject;
    #[cfg_attr(PyPy, link_name = "PyPyCode_NewEmpty")]
    pub fn PyCode_NewEmpty(
        filename: *const c_char,
        funcname: *const c_char,
        firstlineno: c_int,
    ) -> *mut PyCodeObject;
    #[cfg_attr(PyPy, link_name = "PyPyCode_Addr2Line")]
    pub fn PyCode_Addr2Line(code: *mut PyCodeObject, addr: c_int) -> c_int;
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn PyCode_Addr2Location(
        code: *mut PyCodeObject,
        addr: c_int,
        start_line: *mut c_int,
        start_column: *mut c_int,
        end_line: *mut c_int,
        end_column: *mut c_int,
    ) -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyCode_Optimize(
        code: *mut PyObject,
        consts: *mut PyObject,
        names: *mut PyObject,
        lnotab: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_12))]
    #[cfg(not(PyPy))]
    pub fn _PyCode_GetExtra(
        code: *mut PyObject,
        index: Py_ssize_t,
        extra: *mut *mut c_void,
    ) -> c_int;
    #[cfg(not(Py_3_12))]
    #[cfg(not(PyPy))]
    pub fn _PyCode_SetExtra(code: *mut PyObject, index: Py_ssize_t, extra: *mut c_void) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_GetExtra(
        code: *mut PyObject,
        index: Py_ssize_t,
        extra: *mut *mut c_void,
    ) -> c_int;
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn PyUnstable_Code_SetExtra(
        code: *mut PyObject,
        index: Py_ssize_t,
        extra: *mut c_void,
    ) -> c_int;
}

/// `PyCode_New` (3.12+): the header's inline alias of `PyUnstable_Code_New`.
///
/// # Safety
/// As `PyUnstable_Code_New`.
#[cfg(Py_3_12)]
#[inline]
#[allow(clippy::too_many_arguments)]
pub unsafe fn PyCode_New(
    argcount: c_int,
    kwonlyargcount: c_int,
    nlocals: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    qualname: *mut PyObject,
    firstlineno: c_int,
    linetable: *mut PyObject,
    exceptiontable: *mut PyObject,
) -> *mut PyCodeObject {
    // SAFETY: forwarded from the caller.
    unsafe {
        PyUnstable_Code_New(
            argcount,
            kwonlyargcount,
            nlocals,
            stacksize,
            flags,
            code,
            consts,
            names,
            varnames,
            freevars,
            cellvars,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        )
    }
}

/// `PyCode_NewWithPosOnlyArgs` (3.12+): the header's inline alias of
/// `PyUnstable_Code_NewWithPosOnlyArgs`.
///
/// # Safety
/// As `PyUnstable_Code_NewWithPosOnlyArgs`.
#[cfg(Py_3_12)]
#[inline]
#[allow(clippy::too_many_arguments)]
pub unsafe fn PyCode_NewWithPosOnlyArgs(
    argcount: c_int,
    posonlyargcount: c_int,
    kwonlyargcount: c_int,
    nlocals: c_int,
    stacksize: c_int,
    flags: c_int,
    code: *mut PyObject,
    consts: *mut PyObject,
    names: *mut PyObject,
    varnames: *mut PyObject,
    freevars: *mut PyObject,
    cellvars: *mut PyObject,
    filename: *mut PyObject,
    name: *mut PyObject,
    qualname: *mut PyObject,
    firstlineno: c_int,
    linetable: *mut PyObject,
    exceptiontable: *mut PyObject,
) -> *mut PyCodeObject {
    // SAFETY: forwarded from the caller.
    unsafe {
        PyUnstable_Code_NewWithPosOnlyArgs(
            argcount,
            posonlyargcount,
            kwonlyargcount,
            nlocals,
            stacksize,
            flags,
            code,
            consts,
            names,
            varnames,
            freevars,
            cellvars,
            filename,
            name,
            qualname,
            firstlineno,
            linetable,
            exceptiontable,
        )
    }
}

/// `_PyCode_GetExtra` (3.12+): the old name of `PyUnstable_Code_GetExtra`.
///
/// # Safety
/// As `PyUnstable_Code_GetExtra`.
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn _PyCode_GetExtra(
    code: *mut PyObject,
    index: Py_ssize_t,
    extra: *mut *mut c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnstable_Code_GetExtra(code, index, extra) }
}

/// `_PyCode_SetExtra` (3.12+): the old name of `PyUnstable_Code_SetExtra`.
///
/// # Safety
/// As `PyUnstable_Code_SetExtra`.
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn _PyCode_SetExtra(
    code: *mut PyObject,
    index: Py_ssize_t,
    extra: *mut c_void,
) -> c_int {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnstable_Code_SetExtra(code, index, extra) }
}

/// `PyCode_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCode_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCode_Type)) }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyCode_Check"]
    pub fn PyCode_Check(op: *mut PyObject) -> c_int;
}

/// `PyFrame_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyFrame_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFrame_Type)) }
}
