//! `PyFunction`: functions written in Python (`types.FunctionType`).

use crate::ffi;
use crate::types::native_type;

native_type!(
    /// A function defined in Python (`def` or `lambda`).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyFunction;
    /// Python::attach(|py| {
    ///     let f = py.eval(c"lambda x: x + 1", None, None).unwrap();
    ///     assert!(f.is_instance_of::<PyFunction>());
    ///     assert!(!py.eval(c"len", None, None).unwrap().is_instance_of::<PyFunction>());
    /// });
    /// ```
    PyFunction, PyFunction_Type, ffi::PyFunction_Check, Some("builtins")
);
