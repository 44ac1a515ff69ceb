//! `cpython/descrobject.h` (part of `descrobject.h` before 3.11): the layouts of the
//! built-in descriptor objects and slot wrappers. Checked against CPython 3.7–3.13.

use crate::descrobject::{PyGetSetDef, PyMemberDef};
use crate::methodobject::PyMethodDef;
use crate::object::*;
use std::os::raw::{c_char, c_int, c_void};

/// `wrapperfunc`: calls a slot function (`wrapped`) with Python arguments.
pub type wrapperfunc = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    wrapped: *mut c_void,
) -> *mut PyObject;

/// `wrapperfunc_kwds`: as [`wrapperfunc`], with keyword arguments
/// (`PyWrapperFlag_KEYWORDS`).
pub type wrapperfunc_kwds = unsafe extern "C" fn(
    slf: *mut PyObject,
    args: *mut PyObject,
    wrapped: *mut c_void,
    kwds: *mut PyObject,
) -> *mut PyObject;

/// `struct wrapperbase`: one entry of CPython's slot table (`slotdefs`).
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct wrapperbase {
    pub name: *const c_char,
    pub offset: c_int,
    pub function: *mut c_void,
    pub wrapper: Option<wrapperfunc>,
    pub doc: *const c_char,
    pub flags: c_int,
    pub name_strobj: *mut PyObject,
}

/// `PyWrapperFlag_KEYWORDS`: the wrapper is a [`wrapperfunc_kwds`].
pub const PyWrapperFlag_KEYWORDS: c_int = 1;

/// `PyDescrObject` (`PyDescr_COMMON`): the head of every built-in descriptor.
#[repr(C)]
#[derive(Debug)]
pub struct PyDescrObject {
    pub ob_base: PyObject,
    pub d_type: *mut PyTypeObject,
    pub d_name: *mut PyObject,
    pub d_qualname: *mut PyObject,
}

/// `PyMethodDescrObject`: a method of a built-in type.
#[repr(C)]
#[derive(Debug)]
pub struct PyMethodDescrObject {
    pub d_common: PyDescrObject,
    pub d_method: *mut PyMethodDef,
    #[cfg(Py_3_8)]
    pub vectorcall: Option<vectorcallfunc>,
}

/// `PyMemberDescrObject`: a `PyMemberDef` attribute.
#[repr(C)]
#[derive(Debug)]
pub struct PyMemberDescrObject {
    pub d_common: PyDescrObject,
    pub d_member: *mut PyMemberDef,
}

/// `PyGetSetDescrObject`: a `PyGetSetDef` attribute.
#[repr(C)]
#[derive(Debug)]
pub struct PyGetSetDescrObject {
    pub d_common: PyDescrObject,
    pub d_getset: *mut PyGetSetDef,
}

/// `PyWrapperDescrObject`: a slot wrapper (`d_wrapped` is the slot function).
#[repr(C)]
#[derive(Debug)]
pub struct PyWrapperDescrObject {
    pub d_common: PyDescrObject,
    pub d_base: *mut wrapperbase,
    pub d_wrapped: *mut c_void,
}

extern "C" {
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub static mut _PyMethodWrapper_Type: PyTypeObject;

    #[cfg(not(PyPy))]
    pub fn PyDescr_NewWrapper(
        tp: *mut PyTypeObject,
        base: *mut wrapperbase,
        wrapped: *mut c_void,
    ) -> *mut PyObject;
    /// A function from 3.10 (a macro before, ported below).
    #[cfg(Py_3_10)]
    #[cfg(not(PyPy))]
    pub fn PyDescr_IsData(descr: *mut PyObject) -> c_int;
}

/// `PyDescr_IsData(d)` before 3.10: whether the descriptor's type defines `__set__`.
///
/// # Safety
/// `d` must point to a live object.
#[cfg(not(Py_3_10))]
#[inline]
pub unsafe fn PyDescr_IsData(d: *mut PyObject) -> c_int {
    // SAFETY: the caller guarantees `d` is live, so its type object is too.
    unsafe { (*Py_TYPE(d)).tp_descr_set.is_some() as c_int }
}

/// `PyDescr_TYPE(x)`: the type that owns the descriptor, borrowed and unchecked.
///
/// # Safety
/// `x` must point to a live built-in descriptor.
#[inline]
pub unsafe fn PyDescr_TYPE(x: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller guarantees a descriptor, which starts with `PyDescrObject`.
    unsafe { (*x.cast::<PyDescrObject>()).d_type }
}

/// `PyDescr_NAME(x)`: the attribute name, borrowed and unchecked.
///
/// # Safety
/// `x` must point to a live built-in descriptor.
#[inline]
pub unsafe fn PyDescr_NAME(x: *mut PyObject) -> *mut PyObject {
    // SAFETY: the caller guarantees a descriptor, which starts with `PyDescrObject`.
    unsafe { (*x.cast::<PyDescrObject>()).d_name }
}
