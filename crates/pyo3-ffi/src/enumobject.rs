//! `enumobject.h`: the types of `enumerate` and `reversed`. Checked against CPython 3.7–3.13.

use crate::object::PyTypeObject;

extern "C" {
    #[cfg(not(PyPy))]
    pub static mut PyEnum_Type: PyTypeObject;
    #[cfg_attr(PyPy, link_name = "PyPyReversed_Type")]
    pub static mut PyReversed_Type: PyTypeObject;
}
