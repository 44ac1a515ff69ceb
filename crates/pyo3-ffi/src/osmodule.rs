//! `osmodule.h`: `os.fspath()` for C. Checked against CPython 3.7–3.13.

use crate::object::PyObject;

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyOS_FSPath")]
    pub fn PyOS_FSPath(path: *mut PyObject) -> *mut PyObject;
}
