//! `structseq.h`: struct sequences (named tuples implemented in C, such as `os.stat_result`).
//! Checked against CPython 3.7–3.13.

use crate::object::{PyObject, PyTypeObject};
use crate::pyport::Py_ssize_t;
use std::os::raw::{c_char, c_int};

/// `PyStructSequence_Field`: one field's name and docstring; a table ends with a NULL
/// name.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyStructSequence_Field {
    pub name: *const c_char,
    pub doc: *const c_char,
}

/// `PyStructSequence_Desc`: the description `PyStructSequence_NewType` builds a type from;
/// the first `n_in_sequence` fields are visible as tuple items.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct PyStructSequence_Desc {
    pub name: *const c_char,
    pub doc: *const c_char,
    pub fields: *mut PyStructSequence_Field,
    pub n_in_sequence: c_int,
}

extern "C" {
    /// The name that marks a field as unnamed. Not exported by 3.9 and 3.10, and in the
    /// limited API only from 3.11.
    #[cfg(any(Py_3_11, all(not(Py_3_9), not(Py_LIMITED_API))))]
    pub static PyStructSequence_UnnamedField: *const c_char;

    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_InitType")]
    pub fn PyStructSequence_InitType(type_: *mut PyTypeObject, desc: *mut PyStructSequence_Desc);
    #[cfg(not(Py_LIMITED_API))]
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_InitType2")]
    pub fn PyStructSequence_InitType2(
        type_: *mut PyTypeObject,
        desc: *mut PyStructSequence_Desc,
    ) -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_NewType")]
    pub fn PyStructSequence_NewType(desc: *mut PyStructSequence_Desc) -> *mut PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_New")]
    pub fn PyStructSequence_New(type_: *mut PyTypeObject) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_SetItem")]
    pub fn PyStructSequence_SetItem(op: *mut PyObject, index: Py_ssize_t, value: *mut PyObject);
    #[cfg_attr(PyPy, link_name = "PyPyStructSequence_GetItem")]
    pub fn PyStructSequence_GetItem(op: *mut PyObject, index: Py_ssize_t) -> *mut PyObject;
}

/// `PyStructSequence` (non-limited API): the instance layout, that of a tuple.
#[cfg(not(Py_LIMITED_API))]
pub type PyStructSequence = crate::PyTupleObject;

/// `PyStructSequence_SET_ITEM(op, i, v)`: `PyTuple_SET_ITEM`, stealing `v`.
///
/// # Safety
/// As `PyTuple_SET_ITEM`: `op` a struct sequence, `i` in range, `v` a new reference.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PyStructSequence_SET_ITEM(op: *mut PyObject, i: Py_ssize_t, v: *mut PyObject) {
    // SAFETY: forwarded from the caller; struct sequences are tuples in layout.
    unsafe { crate::PyTuple_SET_ITEM(op, i, v) }
}

/// `PyStructSequence_GET_ITEM(op, i)`: `PyTuple_GET_ITEM`, borrowed and unchecked.
///
/// # Safety
/// As `PyTuple_GET_ITEM`: `op` a struct sequence and `i` in range.
#[cfg(not(Py_LIMITED_API))]
#[inline]
pub unsafe fn PyStructSequence_GET_ITEM(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded from the caller; struct sequences are tuples in layout.
    unsafe { crate::PyTuple_GET_ITEM(op, i) }
}
