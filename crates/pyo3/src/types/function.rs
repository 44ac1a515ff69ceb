//! `PyCFunction`: builtin functions, such as those made by `#[pyfunction]`.

use crate::ffi;
use crate::types::native_type;

native_type!(
    /// A builtin function object (`builtin_function_or_method`).
    PyCFunction, PyCFunction_Type, ffi::PyCFunction_Check, Some("builtins")
);
