//! `enumobject.h`: the types of `enumerate` and `reversed`. Checked against CPython 3.7–3.13.

use crate::object::PyTypeObject;

extern "C" {
    pub static mut PyEnum_Type: PyTypeObject;
    pub static mut PyReversed_Type: PyTypeObject;
}
