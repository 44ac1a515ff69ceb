//! `PyFrame`: Python's frame objects (`sys._getframe()`, `traceback.tb_frame`), as a type
//! to check and cast to; their attributes are read through the object protocol.

use crate::ffi;

crate::types::native_type!(
    /// A Python frame object.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyFrame;
    /// Python::attach(|py| {
    ///     let frame = py.eval(c"__import__('sys')._getframe()", None, None).unwrap();
    ///     assert!(frame.is_instance_of::<PyFrame>());
    /// });
    /// ```
    PyFrame, PyFrame_Type, ffi::PyFrame_Check, Some("builtins")
);
