//! `bltinmodule.h`: the types of `filter`, `map` and `zip`. Checked against CPython 3.7–3.13.

use crate::object::PyTypeObject;

extern "C" {
    pub static mut PyFilter_Type: PyTypeObject;
    pub static mut PyMap_Type: PyTypeObject;
    pub static mut PyZip_Type: PyTypeObject;
}
