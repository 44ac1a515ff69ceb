//! `rangeobject.h`: `range` objects. Checked against CPython 3.7–3.13.

use crate::object::*;
use std::os::raw::c_int;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyRange_Type")]
    pub static mut PyRange_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyRangeIter_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyLongRangeIter_Type: PyTypeObject;
}

/// `PyRange_Check(op)`.
///
/// # Safety
/// `op` must point to a live object.
#[inline]
pub unsafe fn PyRange_Check(op: *mut PyObject) -> c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { Py_IS_TYPE(op, std::ptr::addr_of_mut!(PyRange_Type)) }
}
