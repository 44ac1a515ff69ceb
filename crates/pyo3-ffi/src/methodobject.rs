//! `methodobject.h`: built-in functions and the `PyMethodDef` table entry.
//! Checked against CPython 3.7–3.13.

use crate::object::*;
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int, c_void};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_Type")]
    pub static mut PyCFunction_Type: PyTypeObject;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub static mut PyCMethod_Type: PyTypeObject;
}

pub type PyCFunction =
    unsafe extern "C" fn(slf: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
/// `PyCFunctionFast` (spelled `_PyCFunctionFast` before 3.13; both names are provided).
pub type PyCFunctionFast = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
) -> *mut PyObject;
pub type _PyCFunctionFast = PyCFunctionFast;
pub type PyCFunctionWithKeywords = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    kwds: *mut PyObject,
) -> *mut PyObject;
/// `PyCFunctionFastWithKeywords` (spelled `_PyCFunctionFastWithKeywords` before 3.13).
pub type PyCFunctionFastWithKeywords = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwnames: *mut PyObject,
) -> *mut PyObject;
pub type _PyCFunctionFastWithKeywords = PyCFunctionFastWithKeywords;
/// `PyCMethod` (3.9): `METH_METHOD | METH_FASTCALL | METH_KEYWORDS`. Note `nargs` is a
/// `size_t` here, unlike the other fast-call signatures.
pub type PyCMethod = unsafe extern "C" fn(
    slf: *mut PyObject,
    defining_class: *mut PyTypeObject,
    args: *const *mut PyObject,
    nargs: usize,
    kwnames: *mut PyObject,
) -> *mut PyObject;

/// The `ml_meth` field: C stores any of the signatures above in a `PyCFunction`-typed
/// field and tells them apart by `ml_flags`; a union says the same in Rust.
#[repr(C)]
#[derive(Copy, Clone)]
pub union PyMethodDefPointer {
    pub PyCFunction: PyCFunction,
    pub PyCFunctionWithKeywords: PyCFunctionWithKeywords,
    pub PyCFunctionFast: PyCFunctionFast,
    pub PyCFunctionFastWithKeywords: PyCFunctionFastWithKeywords,
    pub PyCMethod: PyCMethod,
    /// The pre-3.13 spellings of the fast-call variants.
    pub _PyCFunctionFast: _PyCFunctionFast,
    pub _PyCFunctionFastWithKeywords: _PyCFunctionFastWithKeywords,
    /// NULL, for the sentinel entry that ends a table.
    pub Void: *mut c_void,
}

impl PyMethodDefPointer {
    /// The NULL pointer of a sentinel entry.
    pub const fn null() -> Self {
        PyMethodDefPointer {
            Void: std::ptr::null_mut(),
        }
    }

    /// The NULL pointer of a sentinel entry (the same as [`null`](Self::null)).
    pub const fn zeroed() -> Self {
        Self::null()
    }

    /// The function pointer as an untyped pointer.
    pub fn as_ptr(&self) -> *mut c_void {
        // SAFETY: every variant is pointer-sized, so reading it as a data pointer is sound.
        unsafe { self.Void }
    }

    /// Whether this is the NULL pointer of a sentinel entry.
    pub fn is_null(&self) -> bool {
        self.as_ptr().is_null()
    }
}

impl PartialEq for PyMethodDefPointer {
    fn eq(&self, other: &Self) -> bool {
        self.as_ptr() == other.as_ptr()
    }
}

impl std::fmt::Pointer for PyMethodDefPointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Pointer::fmt(&self.as_ptr(), f)
    }
}

impl std::fmt::Debug for PyMethodDefPointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyMethodDefPointer({:p})", self.as_ptr())
    }
}

/// `PyMethodDef`: one entry of a method table, ended by an all-zero entry.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: PyMethodDefPointer,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}

impl PyMethodDef {
    /// The all-zero sentinel entry.
    pub const fn zeroed() -> Self {
        PyMethodDef {
            ml_name: std::ptr::null(),
            ml_meth: PyMethodDefPointer::null(),
            ml_flags: 0,
            ml_doc: std::ptr::null(),
        }
    }
}

impl Default for PyMethodDef {
    fn default() -> Self {
        Self::zeroed()
    }
}

pub const METH_VARARGS: c_int = 0x0001;
pub const METH_KEYWORDS: c_int = 0x0002;
pub const METH_NOARGS: c_int = 0x0004;
pub const METH_O: c_int = 0x0008;
pub const METH_CLASS: c_int = 0x0010;
pub const METH_STATIC: c_int = 0x0020;
pub const METH_COEXIST: c_int = 0x0040;
/// Non-limited API from 3.7, limited from 3.10.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
pub const METH_FASTCALL: c_int = 0x0080;
#[cfg(all(Py_3_9, any(Py_3_10, not(Py_LIMITED_API))))]
pub const METH_METHOD: c_int = 0x0200;
// METH_STACKLESS: 0 outside Stackless Python.

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_GetFunction")]
    pub fn PyCFunction_GetFunction(op: *mut PyObject) -> Option<PyCFunction>;
    /// Removed in 3.9.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyCFunction_ClearFreeList() -> c_int;
    #[cfg(not(PyPy))]
    pub fn PyCFunction_GetSelf(op: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PyCFunction_GetFlags(op: *mut PyObject) -> c_int;
    /// Deprecated in 3.9, still exported.
    #[cfg_attr(PyPy, link_name = "PyPyCFunction_Call")]
    pub fn PyCFunction_Call(
        func: *mut PyObject,
        arg: *mut PyObject,
        kw: *mut PyObject,
    ) -> *mut PyObject;
    /// A macro from 3.9 (ported below); the symbol is still exported.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyCFunction_New(ml: *mut PyMethodDef, slf: *mut PyObject) -> *mut PyObject;
    /// A macro from 3.9 (ported below); the symbol is still exported.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn PyCFunction_NewEx(
        ml: *mut PyMethodDef,
        slf: *mut PyObject,
        module: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(Py_3_9)]
    #[cfg_attr(PyPy, link_name = "PyPyCMethod_New")]
    pub fn PyCMethod_New(
        ml: *mut PyMethodDef,
        slf: *mut PyObject,
        module: *mut PyObject,
        cls: *mut PyTypeObject,
    ) -> *mut PyObject;
}

/// `PyCFunction_New(ml, self)` (a macro from 3.9): a builtin function without a module.
///
/// # Safety
/// `ml` must outlive the function object; `slf` is NULL or live; the thread is attached.
#[cfg(Py_3_9)]
#[inline]
pub unsafe fn PyCFunction_New(ml: *mut PyMethodDef, slf: *mut PyObject) -> *mut PyObject {
    // SAFETY: forwarded from the caller.
    unsafe { PyCFunction_NewEx(ml, slf, std::ptr::null_mut()) }
}

/// `PyCFunction_NewEx(ml, self, module)` (a macro from 3.9): `PyCMethod_New` without a
/// defining class.
///
/// # Safety
/// `ml` must outlive the function object; `slf` and `module` are NULL or live; the thread
/// is attached.
#[cfg(Py_3_9)]
#[inline]
pub unsafe fn PyCFunction_NewEx(
    ml: *mut PyMethodDef,
    slf: *mut PyObject,
    module: *mut PyObject,
) -> *mut PyObject {
    // SAFETY: forwarded from the caller; a NULL class is what the macro passes.
    unsafe { PyCMethod_New(ml, slf, module, std::ptr::null_mut()) }
}

/// `PyCFunction_CheckExact(op)` (3.9 in C; provided for every version).
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyCFunction_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCFunction_Type)) }
}

/// `PyCFunction_Check(op)`: an exact check before 3.9, a subtype check from 3.9.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCFunction_Check(op: *mut PyObject) -> c_int {
    #[cfg(Py_3_9)]
    {
        // SAFETY: forwarded from the caller; only the static's address is taken.
        unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyCFunction_Type)) }
    }
    #[cfg(not(Py_3_9))]
    {
        // SAFETY: forwarded from the caller.
        unsafe { PyCFunction_CheckExact(op) }
    }
}

#[cfg(PyPy)]
extern "C" {
    #[link_name = "PyPyCFunction_Check"]
    pub fn PyCFunction_Check(op: *mut PyObject) -> c_int;
}
