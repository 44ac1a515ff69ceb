//! Python exceptions in Rust: `PyErr` (a Python exception, created lazily), `PyResult`,
//! the arguments trait that builds exception values, and the cast errors.

mod cast_error;
mod err_state;
mod std_impls;

use std::borrow::Cow;
use std::ffi::CStr;

use crate::conversion::{BoundObject, IntoPyObject};
use crate::exceptions::{PyBaseException, PySystemError, PyTypeError};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::type_object::PyTypeInfo;
use crate::types::{
    PyAny, PyAnyMethods, PyStringMethods, PyTraceback, PyTracebackMethods, PyType, PyTypeMethods,
};
use crate::Python;

pub use cast_error::{CastError, CastIntoError, DowncastError, DowncastIntoError};
use err_state::PyErrState;

/// The result of a fallible Python operation.
pub type PyResult<T> = Result<T, PyErr>;

/// A Python exception.
///
/// Created lazily: `PyErr::new::<PyValueError, _>("msg")` stores the type and arguments,
/// and the exception object is only built when it is raised or inspected.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::exceptions::PyValueError;
/// Python::attach(|py| {
///     let err = PyValueError::new_err("bad value");
///     assert!(err.is_instance_of::<PyValueError>(py));
///     assert_eq!(err.to_string(), "ValueError: bad value");
/// });
/// ```
pub struct PyErr {
    state: PyErrState,
}

/// Values that can become the arguments of an exception (what the exception type is
/// called with when the error is raised).
pub trait PyErrArguments: Send + Sync {
    /// Converts into the Python object passed to the exception type.
    fn arguments(self, py: Python<'_>) -> Py<PyAny>;
}

impl<T> PyErrArguments for T
where
    T: for<'py> IntoPyObject<'py> + Send + Sync,
{
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        match self.into_pyobject(py) {
            Ok(obj) => obj.into_any().into_bound().unbind(),
            Err(e) => panic!(
                "converting PyErr arguments failed: {}",
                Into::<PyErr>::into(e)
            ),
        }
    }
}

impl PyErr {
    /// Creates an exception of type `T` with the given arguments (built lazily).
    #[inline]
    pub fn new<T, A>(args: A) -> PyErr
    where
        T: PyTypeInfo,
        A: PyErrArguments + Send + Sync + 'static,
    {
        PyErr::from_state(PyErrState::lazy(move |py: Python<'_>| {
            (T::type_object(py).into_any().unbind(), args.arguments(py))
        }))
    }

    /// Creates an exception of the given type object with the given arguments.
    pub fn from_type<A>(ty: Bound<'_, PyType>, args: A) -> PyErr
    where
        A: PyErrArguments + Send + Sync + 'static,
    {
        let ty = ty.into_any().unbind();
        PyErr::from_state(PyErrState::lazy(move |py: Python<'_>| {
            (ty, args.arguments(py))
        }))
    }

    /// Creates an error from an exception instance, or from an exception type (which is
    /// then called without arguments). Anything else gives a `TypeError`.
    pub fn from_value(obj: Bound<'_, PyAny>) -> PyErr {
        let py = obj.py();
        if let Ok(exc) = obj.cast::<PyBaseException>() {
            return PyErr::from_state(PyErrState::from_normalized(exc.clone().unbind()));
        }
        // SAFETY: attached; `obj` is a live object.
        let is_exception_class = unsafe { ffi::PyExceptionClass_Check(obj.as_ptr()) } != 0;
        if is_exception_class {
            let ty = obj.unbind();
            PyErr::from_state(PyErrState::lazy(move |py: Python<'_>| (ty, py.None())))
        } else {
            let _ = py;
            PyTypeError::new_err("exceptions must derive from BaseException")
        }
    }

    pub(crate) fn lazy(recipe: impl err_state::LazyRecipe) -> PyErr {
        PyErr::from_state(PyErrState::lazy(recipe))
    }

    fn from_state(state: PyErrState) -> PyErr {
        PyErr { state }
    }

    /// Takes the exception currently raised in the interpreter, if any, clearing it.
    ///
    /// A `PanicException` coming back from Python resumes the original Rust panic.
    pub fn take(py: Python<'_>) -> Option<PyErr> {
        let value = err_state::fetch_raised(py)?;
        if value
            .get_type()
            .is(crate::panic::PanicException::type_object(py))
        {
            let msg = value
                .str()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|_| String::from("panic from Rust code"));
            eprintln!("--- a PanicException reached Rust again: resuming the panic ---");
            PyErr::from_state(PyErrState::from_normalized(value.unbind())).print(py);
            std::panic::resume_unwind(Box::new(msg));
        }
        Some(PyErr::from_state(PyErrState::from_normalized(
            value.unbind(),
        )))
    }

    /// Like [`PyErr::take`], but returns a `SystemError` if no exception was set.
    pub fn fetch(py: Python<'_>) -> PyErr {
        PyErr::take(py).unwrap_or_else(|| {
            PySystemError::new_err("attempted to fetch exception but none was set")
        })
    }

    /// Raises this exception in the interpreter (sets it as the current exception).
    pub fn restore(self, py: Python<'_>) {
        self.state.restore(py)
    }

    /// The exception instance (building it if it was lazy).
    pub fn value<'py>(&self, py: Python<'py>) -> &Bound<'py, PyBaseException> {
        self.state.normalized(py).bind(py)
    }

    /// Consumes the error and returns the exception instance.
    pub fn into_value(self, py: Python<'_>) -> Py<PyBaseException> {
        self.state.normalized(py).clone_ref(py)
    }

    /// The exception's type.
    pub fn get_type<'py>(&self, py: Python<'py>) -> Bound<'py, PyType> {
        self.value(py).get_type()
    }

    /// The exception's traceback, if it has one.
    pub fn traceback<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyTraceback>> {
        // SAFETY: attached; PyException_GetTraceback returns a new reference or NULL.
        unsafe {
            ffi::PyException_GetTraceback(self.value(py).as_ptr())
                .assume_owned_or_opt(py)
                .map(|tb| tb.cast_into_unchecked())
        }
    }

    /// Whether the exception is an instance of `T` (or a subclass).
    pub fn is_instance_of<T: PyTypeInfo>(&self, py: Python<'_>) -> bool {
        self.is_instance(py, &T::type_object(py))
    }

    /// Whether the exception is an instance of `ty` (or a subclass).
    pub fn is_instance(&self, py: Python<'_>, ty: &Bound<'_, PyAny>) -> bool {
        let value = self.value(py);
        // SAFETY: attached; both objects are alive.
        unsafe { ffi::PyErr_GivenExceptionMatches(value.as_ptr(), ty.as_ptr()) != 0 }
    }

    /// Whether the exception matches `exc`: a type, or a tuple of types, as in `except`.
    pub fn matches<'py, T>(&self, py: Python<'py>, exc: T) -> Result<bool, T::Error>
    where
        T: IntoPyObject<'py>,
    {
        let exc = exc.into_pyobject(py)?;
        let exc = exc.into_any().into_bound();
        Ok(self.is_instance(py, &exc))
    }

    /// Makes another `PyErr` for the same exception instance.
    pub fn clone_ref(&self, py: Python<'_>) -> PyErr {
        PyErr::from_state(PyErrState::from_normalized(
            self.state.normalized(py).clone_ref(py),
        ))
    }

    /// The `__cause__` of the exception, if any.
    pub fn cause(&self, py: Python<'_>) -> Option<PyErr> {
        // SAFETY: attached; PyException_GetCause returns a new reference or NULL.
        let cause =
            unsafe { ffi::PyException_GetCause(self.value(py).as_ptr()).assume_owned_or_opt(py) };
        cause.map(PyErr::from_value)
    }

    /// Sets the `__cause__` of the exception.
    pub fn set_cause(&self, py: Python<'_>, cause: Option<PyErr>) {
        let value = self.value(py);
        let cause = cause.map(|c| c.into_value(py));
        let cause_ptr = cause.map_or(std::ptr::null_mut(), Py::into_ptr);
        // SAFETY: attached; PyException_SetCause steals the (possibly NULL) cause reference.
        unsafe { ffi::PyException_SetCause(value.as_ptr(), cause_ptr) }
    }

    /// Prints the exception and its traceback to `sys.stderr`.
    pub fn print(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        // SAFETY: attached, and an exception is set (just restored).
        unsafe { ffi::PyErr_PrintEx(0) }
    }

    /// Prints like [`PyErr::print`] and also sets `sys.last_exc` and friends.
    pub fn print_and_set_sys_last_vars(&self, py: Python<'_>) {
        self.clone_ref(py).restore(py);
        // SAFETY: attached, and an exception is set (just restored).
        unsafe { ffi::PyErr_PrintEx(1) }
    }

    /// Prints the exception with its traceback to `sys.stderr`, as the interpreter would.
    pub fn display(&self, py: Python<'_>) {
        self.print(py)
    }

    /// Reports the exception with `sys.unraisablehook`, as CPython does for errors it
    /// cannot propagate (e.g. in `__del__`).
    pub fn write_unraisable(self, py: Python<'_>, obj: Option<&Bound<'_, PyAny>>) {
        // Raised normalized: before 3.8 the hook prints the raw value as it was set, so a
        // lazily created error would show its argument tuple instead of its message.
        PyErr::from_state(PyErrState::from_normalized(self.into_value(py))).restore(py);
        let ptr = obj.map_or(std::ptr::null_mut(), |o| o.as_ptr());
        // SAFETY: attached, an exception is set, and `ptr` is NULL or a live object.
        unsafe { ffi::PyErr_WriteUnraisable(ptr) }
    }

    /// Issues a warning of the given category (`warnings.warn`). Returns an error if the
    /// warning filters turn it into an exception.
    pub fn warn<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &CStr,
        stacklevel: i32,
    ) -> crate::PyResult<()> {
        // SAFETY: attached; the category is alive and the message is NUL-terminated.
        let rc = unsafe {
            ffi::PyErr_WarnEx(
                category.as_ptr(),
                message.as_ptr(),
                stacklevel as ffi::Py_ssize_t,
            )
        };
        if rc == -1 {
            Err(PyErr::fetch(py))
        } else {
            Ok(())
        }
    }

    /// Issues a warning with an explicit source location (`warnings.warn_explicit`).
    /// `module` defaults to the file name; `registry` is the module's
    /// `__warningregistry__` dict, if any. Returns an error if the filters turn the
    /// warning into an exception.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::exceptions::PyUserWarning;
    /// Python::attach(|py| {
    ///     let category = py.get_type::<PyUserWarning>();
    ///     py.run(c"import warnings; warnings.simplefilter('ignore')", None, None).unwrap();
    ///     PyErr::warn_explicit(py, &category, c"careful", c"file.py", 3, None, None).unwrap();
    /// });
    /// ```
    pub fn warn_explicit<'py>(
        py: Python<'py>,
        category: &Bound<'py, PyAny>,
        message: &CStr,
        filename: &CStr,
        lineno: i32,
        module: Option<&CStr>,
        registry: Option<&Bound<'py, PyAny>>,
    ) -> crate::PyResult<()> {
        let module_ptr = module.map_or(std::ptr::null(), CStr::as_ptr);
        let registry_ptr = registry.map_or(std::ptr::null_mut(), |r| r.as_ptr());
        // SAFETY: attached; the category and registry are NULL or alive, and the strings
        // are NUL-terminated and outlive the call.
        let rc = unsafe {
            ffi::PyErr_WarnExplicit(
                category.as_ptr(),
                message.as_ptr(),
                filename.as_ptr(),
                lineno,
                module_ptr,
                registry_ptr,
            )
        };
        if rc == -1 {
            Err(PyErr::fetch(py))
        } else {
            Ok(())
        }
    }

    /// Whether an exception is currently raised in the interpreter (without taking it).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| assert!(!PyErr::occurred(py)));
    /// ```
    #[inline]
    pub fn occurred(_: Python<'_>) -> bool {
        // SAFETY: attached (the token proves it); only reads the thread's error indicator.
        unsafe { !ffi::PyErr_Occurred().is_null() }
    }

    /// Adds a note to the exception (`BaseException.add_note`), shown after the message
    /// when the traceback is printed.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::exceptions::PyValueError;
    /// Python::attach(|py| {
    ///     let err = PyValueError::new_err("bad");
    ///     err.add_note(py, "while parsing line 3").unwrap();
    ///     let notes = err.value(py).getattr("__notes__").unwrap();
    ///     assert_eq!(notes.extract::<Vec<String>>().unwrap(), ["while parsing line 3"]);
    /// });
    /// ```
    #[cfg(Py_3_11)]
    pub fn add_note<N>(&self, py: Python<'_>, note: N) -> crate::PyResult<()>
    where
        N: for<'py> IntoPyObject<'py, Target = crate::types::PyString>,
    {
        let note = note.into_pyobject(py).map_err(Into::into)?.into_any();
        self.value(py)
            .call_method1(crate::intern!(py, "add_note"), (note.into_bound(),))
            .map(drop)
    }

    /// Creates a new exception type, `name` being `"module.ClassName"`.
    pub fn new_type<'py>(
        py: Python<'py>,
        name: &CStr,
        doc: Option<&CStr>,
        base: Option<&Bound<'py, PyType>>,
        dict: Option<Py<PyAny>>,
    ) -> crate::PyResult<Py<PyType>> {
        let base_ptr = base.map_or(std::ptr::null_mut(), |b| b.as_ptr());
        let dict_ptr = dict.as_ref().map_or(std::ptr::null_mut(), |d| d.as_ptr());
        let doc_ptr = doc.map_or(std::ptr::null(), CStr::as_ptr);
        // SAFETY: attached; every pointer is NULL or valid for the call, and the result is
        // a new reference or NULL with an error set.
        unsafe {
            ffi::PyErr_NewExceptionWithDoc(name.as_ptr(), doc_ptr, base_ptr, dict_ptr)
                .assume_owned_or_err(py)
                .map(|t| t.cast_into_unchecked::<PyType>().unbind())
        }
    }

    /// Type name and message as `"TypeName: message"` (or just the type name).
    fn describe(&self, py: Python<'_>) -> String {
        let value = self.value(py);
        let ty = value.get_type();
        let type_name: Cow<'_, str> = match ty.qualname() {
            Ok(name) => Cow::Owned(name.to_string_lossy().into_owned()),
            Err(_) => Cow::Borrowed("<unknown exception type>"),
        };
        match value.str() {
            Ok(s) => {
                let s = s.to_string_lossy();
                if s.is_empty() {
                    type_name.into_owned()
                } else {
                    format!("{}: {}", type_name, s)
                }
            }
            Err(_) => format!("{}: <exception str() failed>", type_name),
        }
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| {
            let value = self.value(py);
            f.debug_struct("PyErr")
                .field("type", &value.get_type())
                .field("value", value)
                .field(
                    "traceback",
                    &self.traceback(py).map(|tb| tb.format().unwrap_or_default()),
                )
                .finish()
        })
    }
}

impl std::fmt::Display for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        Python::attach(|py| f.write_str(&self.describe(py)))
    }
}

impl std::error::Error for PyErr {}

/// A marker for the Rust types that stand for Python exception types.
pub trait ToPyErr {}

impl<'py> IntoPyObject<'py> for PyErr {
    type Target = PyBaseException;
    type Output = Bound<'py, PyBaseException>;
    type Error = std::convert::Infallible;

    /// The exception instance.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.into_value(py).into_bound(py))
    }
}

impl<'py> IntoPyObject<'py> for &PyErr {
    type Target = PyBaseException;
    type Output = Bound<'py, PyBaseException>;
    type Error = std::convert::Infallible;

    /// The exception instance.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(self.value(py).clone())
    }
}

impl<'py, T: ToPyErr> From<Bound<'py, T>> for PyErr {
    /// Wraps an existing exception instance.
    fn from(value: Bound<'py, T>) -> PyErr {
        PyErr::from_value(value.into_any())
    }
}

impl From<std::convert::Infallible> for PyErr {
    fn from(never: std::convert::Infallible) -> PyErr {
        match never {}
    }
}

/// Turns a C API status code into a result: `-1` means an exception is set.
#[inline]
pub(crate) fn error_on_minus_one(py: Python<'_>, rc: std::os::raw::c_int) -> crate::PyResult<()> {
    if rc == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(())
    }
}

/// Turns a C API predicate result into a bool: `-1` means an exception is set.
#[inline]
pub(crate) fn bool_from_status(py: Python<'_>, rc: std::os::raw::c_int) -> crate::PyResult<bool> {
    if rc == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(rc != 0)
    }
}

/// Called when a C API function returned NULL unexpectedly: prints any pending Python
/// error, then panics.
#[cold]
#[track_caller]
pub(crate) fn panic_after_error(py: Python<'_>) -> ! {
    // SAFETY: attached; PyErr_Occurred and PyErr_Print only touch the current exception.
    unsafe {
        if !ffi::PyErr_Occurred().is_null() {
            ffi::PyErr_Print();
        }
    }
    let _ = py;
    panic!("Python API call failed");
}
