//! `pyframe.h` (3.9; `frameobject.h` before) and `code.h`: frame and code objects, both
//! opaque. Checked against CPython 3.7–3.13.

pub use crate::pystate::PyFrameObject;
use std::os::raw::c_int;

/// `PyCodeObject`: opaque (its layout changes in every release).
#[repr(C)]
pub struct PyCodeObject {
    _opaque: [u8; 0],
}

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetLineNumber(frame: *mut PyFrameObject) -> c_int;
    #[cfg(Py_3_9)]
    #[cfg(not(PyPy))]
    pub fn PyFrame_GetCode(frame: *mut PyFrameObject) -> *mut PyCodeObject;
}
