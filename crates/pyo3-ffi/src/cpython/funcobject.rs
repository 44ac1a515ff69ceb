//! `cpython/funcobject.h` (`funcobject.h` on 3.7–3.10): Python function objects, outside
//! the limited API. Checked against CPython 3.7–3.13.
//!
//! Only the type object and its check are declared; the `PyFunction_Get*` accessors are
//! left out until something needs them.

use crate::object::*;
use std::os::raw::c_int;

extern "C" {
    pub static mut PyFunction_Type: PyTypeObject;
}

/// `PyFunction_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyFunction_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyFunction_Type)) }
}
