//! `PyCode`: Python code objects, compiled from source and run in a namespace.

use std::ffi::CStr;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PyDict, PyDictMethods, PyModuleMethods};
use crate::{PyResult, Python};

/// A Python code object (`types.CodeType`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyCode, PyCodeInput, PyCodeMethods};
/// Python::attach(|py| {
///     let code = PyCode::compile(py, c"6 * 7", c"<answer>", PyCodeInput::Eval).unwrap();
///     let value: i32 = code.run(None, None).unwrap().extract().unwrap();
///     assert_eq!(value, 42);
/// });
/// ```
#[repr(transparent)]
pub struct PyCode(PyAny);

impl crate::instance::DerefToPyAny for PyCode {}

// SAFETY: `PyCode_Type` is a static type object and `PyCode_Check` its header check.
#[cfg(not(limited_api_only))]
unsafe impl crate::type_object::PyTypeInfo for PyCode {
    const NAME: &'static str = "PyCode";
    const MODULE: Option<&'static str> = Some("types");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyCode_Type)
    }

    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; the object is alive.
        unsafe { ffi::PyCode_Check(object.as_ptr()) != 0 }
    }
}

// SAFETY: the type object is `types.CodeType`, imported once and kept alive by the static.
#[cfg(limited_api_only)]
unsafe impl crate::type_object::PyTypeInfo for PyCode {
    const NAME: &'static str = "PyCode";
    const MODULE: Option<&'static str> = Some("types");

    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        use crate::instance::Py;
        use crate::sync::PyOnceLock;
        use crate::types::{PyAnyMethods, PyType};
        static CODE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        CODE_TYPE
            .get_or_try_init(py, || {
                let ty = py.import("types")?.getattr("CodeType")?;
                Ok::<_, crate::PyErr>(ty.cast_into::<PyType>()?.unbind())
            })
            .expect("failed to import `types.CodeType`")
            .as_ptr()
            .cast()
    }
}

/// What grammar [`PyCode::compile`] parses the source with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PyCodeInput {
    /// A single expression (as `eval` takes); running the code returns its value.
    Eval,
    /// A sequence of statements (as a module file holds); running it returns `None`.
    File,
}

impl PyCode {
    /// Compiles `code`, naming `filename` in tracebacks.
    ///
    /// # Errors
    ///
    /// `SyntaxError` (or a subclass) for invalid source.
    pub fn compile<'py>(
        py: Python<'py>,
        code: &CStr,
        filename: &CStr,
        input: PyCodeInput,
    ) -> PyResult<Bound<'py, PyCode>> {
        let start = match input {
            PyCodeInput::Eval => ffi::Py_eval_input,
            PyCodeInput::File => ffi::Py_file_input,
        };
        // SAFETY: attached; both C strings are NUL-terminated; returns a new reference to
        // a code object or NULL with an error set.
        unsafe {
            ffi::Py_CompileString(code.as_ptr(), filename.as_ptr(), start)
                .assume_owned_or_err(py)
                .map(|c| c.cast_into_unchecked())
        }
    }
}

/// Methods of `Bound<PyCode>`.
pub trait PyCodeMethods<'py> {
    /// Runs the code. `globals` defaults to the `__main__` module's namespace, `locals` to
    /// `globals`; `__builtins__` is added to `globals` when missing.
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
}

impl<'py> PyCodeMethods<'py> for Bound<'py, PyCode> {
    fn run(
        &self,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let globals = match globals {
            Some(g) => g.clone(),
            None => py.import("__main__")?.dict(),
        };
        let locals = locals.unwrap_or(&globals);
        let builtins_key = crate::intern!(py, "__builtins__");
        if !globals.contains(builtins_key)? {
            globals.set_item(builtins_key, py.import("builtins")?)?;
        }
        // SAFETY: attached; the code object and both dicts are alive for the call;
        // returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyEval_EvalCode(self.as_ptr(), globals.as_ptr(), locals.as_ptr())
                .assume_owned_or_err(py)
        }
    }
}
