//! `pystrtod.h`: locale-independent conversions between `double` and text. Checked against
//! CPython 3.7–3.13.

use crate::object::PyObject;
use std::os::raw::{c_char, c_double, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyOS_string_to_double")]
    pub fn PyOS_string_to_double(
        str: *const c_char,
        endptr: *mut *mut c_char,
        overflow_exception: *mut PyObject,
    ) -> c_double;
    /// Returns a `PyMem_Malloc`ed string; `type_` (if not NULL) receives a `Py_DTST_*`.
    #[cfg_attr(PyPy, link_name = "PyPyOS_double_to_string")]
    pub fn PyOS_double_to_string(
        val: c_double,
        format_code: c_char,
        precision: c_int,
        flags: c_int,
        type_: *mut c_int,
    ) -> *mut c_char;
    // _Py_string_to_number_with_underscores, _Py_parse_inf_or_nan: private helpers.
}

// Flags of `PyOS_double_to_string`.
pub const Py_DTSF_SIGN: c_int = 0x01;
pub const Py_DTSF_ADD_DOT_0: c_int = 0x02;
pub const Py_DTSF_ALT: c_int = 0x04;
/// `Py_DTSF_NO_NEG_0` (3.11): a negative zero result is written as `0`.
#[cfg(Py_3_11)]
pub const Py_DTSF_NO_NEG_0: c_int = 0x08;

// What `PyOS_double_to_string` formatted.
pub const Py_DTST_FINITE: c_int = 0;
pub const Py_DTST_INFINITE: c_int = 1;
pub const Py_DTST_NAN: c_int = 2;
