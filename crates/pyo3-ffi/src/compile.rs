//! `compile.h`: start symbols for the compiler. Checked against CPython 3.7–3.13.

use std::os::raw::c_int;

pub const Py_single_input: c_int = 256;
pub const Py_file_input: c_int = 257;
pub const Py_eval_input: c_int = 258;
#[cfg(Py_3_8)]
pub const Py_func_type_input: c_int = 345;
/// `Py_fstring_input` (3.9–3.11, non-limited): the f-string expression start symbol.
#[cfg(all(Py_3_9, not(Py_3_12), not(Py_LIMITED_API)))]
pub const Py_fstring_input: c_int = 800;
