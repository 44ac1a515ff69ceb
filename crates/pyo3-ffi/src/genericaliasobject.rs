//! `genericaliasobject.h`: `types.GenericAlias` (`list[int]`). New in CPython 3.9; checked
//! against 3.9–3.13.

use crate::object::*;

extern "C" {
    /// `types.GenericAlias(origin, args)`; returns a new reference or NULL.
    #[cfg_attr(PyPy, link_name = "PyPy_GenericAlias")]
    pub fn Py_GenericAlias(origin: *mut PyObject, args: *mut PyObject) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub static mut Py_GenericAliasType: PyTypeObject;
}
