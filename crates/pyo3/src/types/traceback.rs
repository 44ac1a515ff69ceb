//! `PyTraceback`: traceback objects attached to exceptions.

use crate::ffi;
use crate::instance::Bound;
use crate::types::{native_type, PyAnyMethods, PyStringMethods};
use crate::PyResult;

native_type!(
    /// A Python traceback object.
    PyTraceback, PyTraceBack_Type, ffi::PyTraceBack_Check, Some("builtins")
);

/// Methods of `Bound<PyTraceback>`.
pub trait PyTracebackMethods<'py> {
    /// Formats the traceback as Python prints it (`Traceback (most recent call last):`...).
    fn format(&self) -> PyResult<String>;
}

impl<'py> PyTracebackMethods<'py> for Bound<'py, PyTraceback> {
    fn format(&self) -> PyResult<String> {
        let py = self.py();
        let lines = py.import("traceback")?.call_method1("format_tb", (self,))?;
        let joined = crate::types::PyString::new(py, "").call_method1("join", (lines,))?;
        let body = joined.str()?.to_cow()?.into_owned();
        Ok(format!("Traceback (most recent call last):\n{}", body))
    }
}
