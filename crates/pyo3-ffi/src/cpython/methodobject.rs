//! `cpython/methodobject.h` (part of `methodobject.h` before 3.9): the layouts of built-in
//! function objects and their unchecked accessors, outside the limited API. Checked against
//! CPython 3.7–3.13.

use crate::methodobject::*;
use crate::object::*;
use std::os::raw::c_int;

/// `PyCFunctionObject`: a built-in function or method bound to `m_self`.
#[repr(C)]
#[derive(Debug)]
pub struct PyCFunctionObject {
    pub ob_base: PyObject,
    pub m_ml: *mut PyMethodDef,
    pub m_self: *mut PyObject,
    pub m_module: *mut PyObject,
    pub m_weakreflist: *mut PyObject,
    #[cfg(Py_3_8)]
    pub vectorcall: Option<vectorcallfunc>,
}

/// `PyCMethodObject` (3.9): a `METH_METHOD` function, which knows its defining class.
#[cfg(Py_3_9)]
#[repr(C)]
#[derive(Debug)]
pub struct PyCMethodObject {
    pub func: PyCFunctionObject,
    pub mm_class: *mut PyTypeObject,
}

/// `PyCFunction_GET_FUNCTION(func)`: the C function, unchecked.
///
/// # Safety
/// `func` must point to a live built-in function object.
#[inline]
pub unsafe fn PyCFunction_GET_FUNCTION(func: *mut PyObject) -> PyMethodDefPointer {
    // SAFETY: the caller guarantees a built-in function, whose `m_ml` is a live table entry.
    unsafe { (*(*func.cast::<PyCFunctionObject>()).m_ml).ml_meth }
}

/// `PyCFunction_GET_SELF(func)`: the bound `self` (NULL for `METH_STATIC`), borrowed and
/// unchecked.
///
/// # Safety
/// `func` must point to a live built-in function object.
#[inline]
pub unsafe fn PyCFunction_GET_SELF(func: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a built-in function, whose `m_ml` is a live table entry.
    unsafe {
        let func = func.cast::<PyCFunctionObject>();
        if (*(*func).m_ml).ml_flags & METH_STATIC != 0 {
            std::ptr::null_mut()
        } else {
            (*func).m_self
        }
    }
}

/// `PyCFunction_GET_FLAGS(func)`: the `METH_*` flags, unchecked.
///
/// # Safety
/// `func` must point to a live built-in function object.
#[inline]
pub unsafe fn PyCFunction_GET_FLAGS(func: *mut PyObject) -> c_int {
    // SAFETY: the caller guarantees a built-in function, whose `m_ml` is a live table entry.
    unsafe { (*(*func.cast::<PyCFunctionObject>()).m_ml).ml_flags }
}

/// `PyCFunction_GET_CLASS(func)` (3.9): the defining class of a `METH_METHOD` function
/// (NULL otherwise), borrowed and unchecked.
///
/// # Safety
/// `func` must point to a live built-in function object.
#[cfg(Py_3_9)]
#[inline]
pub unsafe fn PyCFunction_GET_CLASS(func: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller guarantees a built-in function; with `METH_METHOD` set it is a
    // `PyCMethodObject`.
    unsafe {
        if PyCFunction_GET_FLAGS(func) & METH_METHOD != 0 {
            (*func.cast::<PyCMethodObject>()).mm_class
        } else {
            std::ptr::null_mut()
        }
    }
}

/// `PyCMethod_CheckExact(op)` (3.9).
///
/// # Safety
/// `op` must point to a live object.
#[cfg(Py_3_9)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCMethod_CheckExact(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyCMethod_Type)) }
}

/// `PyCMethod_Check(op)` (3.9).
///
/// # Safety
/// `op` must point to a live object.
#[cfg(Py_3_9)]
#[inline]
#[cfg(not(PyPy))]
pub unsafe fn PyCMethod_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { PyObject_TypeCheck(op, std::ptr::addr_of_mut!(PyCMethod_Type)) }
}
