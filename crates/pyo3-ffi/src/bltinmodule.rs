//! `bltinmodule.h`: the types of `filter`, `map` and `zip`. Checked against CPython 3.7–3.13.

use crate::object::PyTypeObject;

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PyFilter_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyMap_Type: PyTypeObject;
    #[cfg(not(PyPy))]
    pub static mut PyZip_Type: PyTypeObject;
}
