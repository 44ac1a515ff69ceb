//! An independent, from-scratch implementation of the PyO3 0.27 API: safe Rust bindings to
//! the CPython interpreter, for writing extension modules and for embedding Python.
//!
//! The public surface follows PyO3 0.27 (names, signatures, features), so code written for
//! PyO3 compiles against this crate unchanged. Nothing here is derived from PyO3's sources.
//!
//! # Examples
//!
//! ```
//! use pyo3::prelude::*;
//!
//! # fn main() -> PyResult<()> {
//! Python::attach(|py| {
//!     let sys = py.import("sys")?;
//!     let version: String = sys.getattr("version")?.extract()?;
//!     assert!(version.starts_with('3'));
//!     Ok(())
//! })
//! # }
//! ```
//!
//! # Environment variables read at run time
//!
//! - `PYO3_LEAK_REPORT=1` (not in PyO3): when the interpreter is finalised, print to stderr
//!   the `#[pyclass]` instances still alive, per class, and the reference-count decrements
//!   deferred from unattached threads that were never applied. Read once; when unset the
//!   cost is one predictable branch per instance allocated and freed. See
//!   `docs/leak-report.md` in the repository.
#![deny(missing_docs)]
#![cfg_attr(
    all(feature = "nightly", pyo3_nightly_toolchain),
    feature(auto_traits, negative_impls)
)]
#![allow(clippy::missing_safety_doc)] // re-enabled per item below; see the workspace lints

pub mod ffi;

/// The registry that collects several `#[pymethods]` blocks of one class
/// (`multiple-pymethods`); generated code names it through this path.
#[cfg(feature = "multiple-pymethods")]
#[doc(hidden)]
pub use inventory;

mod attach;
pub mod buffer;
pub mod call;
pub mod class;
pub mod conversion;
mod conversions;
// The optional-crate conversion modules sit at the crate root, as in PyO3 (`pyo3::uuid`, ...);
// with no integration feature on there is nothing to re-export.
#[allow(unused_imports)]
pub use crate::conversions::*;
#[cfg(feature = "experimental-async")]
pub mod coroutine;
pub mod err;
pub mod exceptions;
mod ffi_ptr_ext;
pub mod gc;
#[doc(hidden)]
pub mod impl_;
#[cfg(feature = "experimental-inspect")]
pub mod inspect;
mod instance;
pub mod marker;
pub mod marshal;
pub mod panic;
pub mod prelude;
#[doc(hidden)]
pub mod py_run;
pub mod pybacked;
pub mod pycell;
pub mod pyclass;
pub mod pyclass_init;
mod python;
pub mod sync;
pub mod type_object;
pub mod types;

pub use crate::conversion::{
    BoundObject, FromPyObject, FromPyObjectOwned, IntoPyObject, IntoPyObjectExt,
};
pub use crate::err::{
    CastError, CastIntoError, DowncastError, DowncastIntoError, PyErr, PyErrArguments, PyResult,
};
#[allow(deprecated)]
pub use crate::instance::PyObject;
pub use crate::instance::{Borrowed, Bound, Py};
pub use crate::pyclass::{
    PyClass, PyClassGuard, PyClassGuardMut, PyRef, PyRefMut, PyTraverseError, PyVisit,
};
pub use crate::pyclass_init::PyClassInitializer;
pub use crate::python::{Python, PythonVersionInfo};
pub use crate::type_object::{PyTypeCheck, PyTypeInfo};
pub use crate::types::PyAny;

#[allow(deprecated)]
pub use crate::attach::prepare_freethreaded_python;
#[cfg(not(any(PyPy, GraalPy)))]
pub use crate::attach::with_embedded_python_interpreter;

#[cfg(feature = "macros")]
pub use pyo3_macros::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};

/// Builds a `&'static CStr` from a string literal at compile time.
///
/// ```
/// let name: &std::ffi::CStr = pyo3::ffi::c_str!("hello");
/// assert_eq!(name.to_str().unwrap(), "hello");
/// ```
pub use pyo3_ffi::c_str;

/// Wraps a `#[pyfunction]` so that it can be added to a module or called from Rust.
///
/// The second argument is the module (`&Bound<'_, PyModule>`) or a `Python<'_>` token;
/// with it the macro expands to a `PyResult<Bound<'py, PyCFunction>>`. Without it, it
/// expands to a reference to a closure taking that argument, which is what
/// [`PyModuleMethods::add_wrapped`](crate::types::PyModuleMethods::add_wrapped) takes.
#[macro_export]
macro_rules! wrap_pyfunction {
    ($function:path) => {
        &|py_or_module| {
            use $function as wrapped_pyfunction;
            $crate::impl_::pyfunction::wrap_pyfunction(&wrapped_pyfunction::_PYO3_DEF, py_or_module)
        }
    };
    ($function:path, $py_or_module:expr) => {{
        use $function as wrapped_pyfunction;
        $crate::impl_::pyfunction::wrap_pyfunction(&wrapped_pyfunction::_PYO3_DEF, $py_or_module)
    }};
}

/// Registers a `#[pymodule]` in CPython's table of built-in modules, so that an embedded
/// interpreter started afterwards can `import` it by its name.
///
/// Call it before the interpreter starts (before the first `Python::attach` with the
/// `auto-initialize` feature, or before [`Python::initialize`]); it panics when the
/// interpreter is already running.
///
/// ```
/// use pyo3::prelude::*;
///
/// #[pymodule]
/// fn embedded_helpers(m: &Bound<'_, PyModule>) -> PyResult<()> {
///     m.add("ANSWER", 42)
/// }
///
/// pyo3::append_to_inittab!(embedded_helpers);
/// Python::attach(|py| {
///     let answer: i32 = py
///         .eval(c"__import__('embedded_helpers').ANSWER", None, None)
///         .unwrap()
///         .extract()
///         .unwrap();
///     assert_eq!(answer, 42);
/// });
/// ```
#[cfg(not(any(PyPy, GraalPy)))]
#[macro_export]
macro_rules! append_to_inittab {
    ($module:ident) => {{
        unsafe extern "C" fn __pyo3_inittab_entry() -> *mut $crate::ffi::PyObject {
            // SAFETY: CPython's import machinery calls inittab entries attached, once
            // per interpreter, as `module_init` requires.
            unsafe { $crate::impl_::trampoline::module_init(&$module::_PYO3_DEF) }
        }
        $module::_PYO3_DEF.append_to_inittab(__pyo3_inittab_entry)
    }};
}

/// Builds a `#[pymodule]` as a module object, e.g. to add it as a submodule.
///
/// Expands to a closure taking `Python<'py>` and returning `Py<PyModule>`.
#[macro_export]
macro_rules! wrap_pymodule {
    ($module:path) => {
        &|py: $crate::Python<'_>| {
            use $module as wrapped_pymodule;
            wrapped_pymodule::_PYO3_DEF
                .make_module(py)
                .expect("failed to wrap pymodule")
        }
    };
}

/// Interns a string once per interpreter and returns it as `&Bound<'py, PyString>`.
///
/// ```
/// use pyo3::prelude::*;
/// Python::attach(|py| {
///     let name = pyo3::intern!(py, "__name__");
///     assert_eq!(name.to_str().unwrap(), "__name__");
/// });
/// ```
#[macro_export]
macro_rules! intern {
    ($py:expr, $text:expr) => {{
        static INTERNED: $crate::sync::Interned = $crate::sync::Interned::new($text);
        INTERNED.get($py)
    }};
}

#[cfg(doctest)]
mod readme_doctests {
    #[doc = include_str!("../../../README.md")]
    struct Readme;
}
