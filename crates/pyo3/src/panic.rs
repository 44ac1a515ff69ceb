//! `pyo3_runtime.PanicException`: how a Rust panic surfaces in Python. It derives from
//! `BaseException`, so `except Exception` does not swallow it.

use std::any::Any;
use std::sync::OnceLock;

use crate::err::{PyErr, PyErrArguments};
use crate::ffi;
use crate::instance::Py;
use crate::types::PyType;
use crate::Python;

/// The exception raised in Python when Rust code panics.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::panic::PanicException;
/// Python::attach(|py| {
///     let err = PanicException::new_err("boom");
///     assert!(err.is_instance_of::<PanicException>(py));
///     assert!(err.is_instance_of::<pyo3::exceptions::PyBaseException>(py));
///     assert!(!err.is_instance_of::<pyo3::exceptions::PyException>(py));
/// });
/// ```
#[repr(transparent)]
pub struct PanicException(crate::types::PyAny);

static PANIC_EXCEPTION_TYPE: OnceLock<Py<PyType>> = OnceLock::new();

impl PanicException {
    /// Creates a `PanicException` with the given arguments.
    pub fn new_err<A>(args: A) -> PyErr
    where
        A: PyErrArguments + Send + Sync + 'static,
    {
        PyErr::new::<PanicException, A>(args)
    }

    /// Turns a panic payload (from `catch_unwind`) into a `PanicException`.
    pub fn from_panic_payload(payload: Box<dyn Any + Send + 'static>) -> PyErr {
        if let Some(s) = payload.downcast_ref::<String>() {
            PanicException::new_err((s.clone(),))
        } else if let Some(s) = payload.downcast_ref::<&str>() {
            PanicException::new_err((s.to_string(),))
        } else {
            PanicException::new_err(("panic from Rust code",))
        }
    }
}

impl crate::instance::DerefToPyAny for PanicException {}

impl crate::err::ToPyErr for PanicException {}

// SAFETY: the type object is created once and kept alive by the static for the process.
unsafe impl crate::type_object::PyTypeInfo for PanicException {
    const NAME: &'static str = "PanicException";
    const MODULE: Option<&'static str> = Some("pyo3_runtime");

    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        PANIC_EXCEPTION_TYPE
            .get_or_init(|| {
                let base = py.get_type::<crate::exceptions::PyBaseException>();
                PyErr::new_type(
                    py,
                    c"pyo3_runtime.PanicException",
                    Some(c"The exception raised when Rust code called from Python panics.\n\nLike SystemExit, this exception is derived from BaseException so that\nit will typically propagate all the way through the stack and cause the\nPython interpreter to exit."),
                    Some(&base),
                    None,
                )
                .expect("failed to create pyo3_runtime.PanicException")
            })
            .as_ptr()
            .cast()
    }
}
