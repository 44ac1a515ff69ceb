//! Every builtin Python exception and warning type as a Rust type (`PyTypeError`, ...),
//! plus `create_exception!` and `import_exception!` for defining and importing others.

use crate::err::{PyErr, PyErrArguments};

/// Support items for the exported exception macros; not part of the public API.
#[doc(hidden)]
pub mod macro_support {
    pub use crate::instance::DerefToPyAny;
    pub use crate::sync::PyOnceLock;
    pub use std::ffi::CStr;

    use crate::instance::{Bound, Py};
    use crate::types::{PyAnyMethods, PyModule, PyTracebackMethods, PyType};
    use crate::Python;

    /// Creates the type object of a `create_exception!` type, panicking on failure (a
    /// failure here means the interpreter is out of memory or the base is not a class).
    pub fn new_exception_type(
        py: Python<'_>,
        qualified_name: &CStr,
        doc: Option<&CStr>,
        base: &Bound<'_, PyType>,
    ) -> Py<PyType> {
        crate::PyErr::new_type(py, qualified_name, doc, Some(base), None).unwrap_or_else(|err| {
            panic!(
                "failed to create exception type {:?}: {}",
                qualified_name, err
            )
        })
    }

    /// Imports the type object of an `import_exception!` type, panicking with the reason
    /// (the Python traceback included) when the module or the attribute is missing.
    pub fn import_exception_type(py: Python<'_>, module: &str, name: &str) -> Py<PyType> {
        let imported = PyModule::import(py, module)
            .and_then(|m| m.getattr(name))
            .and_then(|attr| attr.cast_into::<PyType>().map_err(crate::PyErr::from));
        match imported {
            Ok(ty) => ty.unbind(),
            Err(err) => {
                let traceback = err
                    .traceback(py)
                    .and_then(|tb| tb.format().ok())
                    .unwrap_or_default();
                panic!("Can not import module {}: {}\n{}", module, err, traceback)
            }
        }
    }
}

/// Declares a new Python exception type, `$module.$name`, deriving from `$base`.
///
/// The type is created in the interpreter the first time it is needed; add it to a module
/// with `m.add("Name", py.get_type::<Name>())`. An optional fourth argument is the docstring.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::create_exception;
/// use pyo3::exceptions::PyValueError;
///
/// create_exception!(mymodule, CustomError, PyValueError, "Raised when things go wrong.");
///
/// Python::attach(|py| {
///     let err = CustomError::new_err("boom");
///     assert!(err.is_instance_of::<PyValueError>(py));
///     assert_eq!(err.to_string(), "CustomError: boom");
///     let ty = py.get_type::<CustomError>();
///     assert_eq!(ty.getattr("__module__").unwrap().extract::<String>().unwrap(), "mymodule");
/// });
/// ```
#[macro_export]
macro_rules! create_exception {
    (@define $module:expr, $name:ident, $doc_attr:expr) => {
        #[doc = $doc_attr]
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        pub struct $name($crate::PyAny);

        $crate::impl_exception_boilerplate!($name);
        $crate::__exception_debug!($name, stringify!($module));
    };
    ($module:expr, $name:ident, $base:ty) => {
        $crate::create_exception!(
            @define $module,
            $name,
            "A Python exception type created with `create_exception!`."
        );
        $crate::create_exception_type_object!($module, $name, $base, None);
    };
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        $crate::create_exception!(@define $module, $name, $doc);
        $crate::create_exception_type_object!($module, $name, $base, Some($doc));
    };
}

/// Implements `PyTypeInfo` (and the deref to `PyAny`) for `$name`, an exception type
/// created in the interpreter the first time it is needed, named `$module.$name` and
/// deriving from `$base`. The docstring is `None`, `Some(text)` (a `&str`), or any other
/// expression of type `Option<&'static CStr>`.
///
/// Grammar: `create_exception_type_object!(module, Name, Base, None | Some(doc) | doc)`.
#[doc(hidden)]
#[macro_export]
macro_rules! create_exception_type_object {
    (@define $module:expr, $name:ident, $base:ty, $doc:expr) => {
        $crate::pyobject_native_type_core!(
            $name,
            |py: $crate::Python<'_>| -> *mut $crate::ffi::PyTypeObject {
                static TYPE_OBJECT: $crate::exceptions::macro_support::PyOnceLock<
                    $crate::Py<$crate::types::PyType>,
                > = $crate::exceptions::macro_support::PyOnceLock::new();
                TYPE_OBJECT
                    .get_or_init(py, || {
                        let doc: ::std::option::Option<::std::ffi::CString> = $doc;
                        $crate::exceptions::macro_support::new_exception_type(
                            py,
                            $crate::ffi::c_str!(::std::concat!(
                                stringify!($module),
                                ".",
                                stringify!($name)
                            )),
                            doc.as_deref(),
                            &<$base as $crate::type_object::PyTypeInfo>::type_object(py),
                        )
                    })
                    .as_ptr()
                    .cast()
            },
            #module=::std::option::Option::Some(stringify!($module))
        );
    };
    ($module:expr, $name:ident, $base:ty, None) => {
        $crate::create_exception_type_object!(@define $module, $name, $base, {
            ::std::option::Option::<::std::ffi::CString>::None
        });
    };
    ($module:expr, $name:ident, $base:ty, Some($doc:expr)) => {
        $crate::create_exception_type_object!(@define $module, $name, $base, {
            let doc: &str = $doc;
            ::std::option::Option::Some(
                ::std::ffi::CString::new(doc).expect("exception doc contains a NUL byte"),
            )
        });
    };
    ($module:expr, $name:ident, $base:ty, $doc:expr) => {
        $crate::create_exception_type_object!(@define $module, $name, $base, {
            let doc: ::std::option::Option<&'static ::std::ffi::CStr> = $doc;
            doc.map(::std::ffi::CStr::to_owned)
        });
    };
}

/// Makes an exception type defined in Python (`module.path.Name`) usable as a Rust type.
///
/// The module is imported the first time the type is needed; a missing module or name
/// panics with the import error.
///
/// ```
/// use pyo3::prelude::*;
/// pyo3::import_exception!(socket, gaierror);
///
/// Python::attach(|py| {
///     let err = gaierror::new_err(("lookup failed",));
///     assert!(err.is_instance_of::<pyo3::exceptions::PyOSError>(py));
/// });
/// ```
#[macro_export]
macro_rules! import_exception {
    ($($module:ident).+ , $name:ident) => {
        #[doc = ::std::concat!("The `", $(stringify!($module), ".",)+ stringify!($name), "` exception, imported from Python.")]
        #[repr(transparent)]
        #[allow(non_camel_case_types)]
        pub struct $name($crate::PyAny);

        $crate::impl_exception_boilerplate!($name);
        $crate::__exception_debug!($name, $crate::__dotted!($($module).+));

        $crate::pyobject_native_type_core!(
            $name,
            |py: $crate::Python<'_>| -> *mut $crate::ffi::PyTypeObject {
                static TYPE_OBJECT: $crate::exceptions::macro_support::PyOnceLock<
                    $crate::Py<$crate::types::PyType>,
                > = $crate::exceptions::macro_support::PyOnceLock::new();
                TYPE_OBJECT
                    .get_or_init(py, || {
                        $crate::exceptions::macro_support::import_exception_type(
                            py,
                            $crate::__dotted!($($module).+),
                            stringify!($name),
                        )
                    })
                    .as_ptr()
                    .cast()
            },
            #module=::std::option::Option::Some($crate::__dotted!($($module).+))
        );
    };
}

/// The older name of [`import_exception!`]; same behaviour.
#[macro_export]
macro_rules! import_exception_bound {
    ($($module:ident).+ , $name:ident) => {
        $crate::import_exception!($($module).+, $name);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __dotted {
    ($first:ident $(. $rest:ident)*) => {
        ::std::concat!(stringify!($first) $(, ".", stringify!($rest))*)
    };
}

/// Gives an exception type `new_err` (a lazily built `PyErr` of this type) and lets it be
/// the target of `PyErr::new` (PyO3's hidden macro of the same name).
///
/// Grammar: `impl_exception_boilerplate!(Name)`.
#[doc(hidden)]
#[macro_export]
macro_rules! impl_exception_boilerplate {
    ($name:ident) => {
        impl $name {
            /// Creates an error of this type (built lazily) with the given arguments.
            #[inline]
            #[allow(dead_code)]
            pub fn new_err<A>(args: A) -> $crate::PyErr
            where
                A: $crate::PyErrArguments + ::std::marker::Send + ::std::marker::Sync + 'static,
            {
                $crate::PyErr::new::<$name, A>(args)
            }
        }

        impl $crate::err::ToPyErr for $name {}
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __exception_debug {
    ($name:ident, $module:expr) => {
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(::std::concat!($module, ".", stringify!($name)))
            }
        }
    };
}

macro_rules! native_exception {
    ($($(#[$cfg:meta])* $name:ident => $ffi_name:ident, $py_name:literal;)*) => {$(
        $(#[$cfg])*
        #[doc = concat!("Python's builtin `", $py_name, "` exception.")]
        #[repr(transparent)]
        pub struct $name($crate::types::PyAny);

        $(#[$cfg])*
        impl $name {
            #[doc = concat!("Creates a `", $py_name, "` (built lazily) with the given arguments.")]
            #[inline]
            pub fn new_err<A>(args: A) -> PyErr
            where
                A: PyErrArguments + Send + Sync + 'static,
            {
                PyErr::new::<$name, A>(args)
            }
        }

        $(#[$cfg])*
        impl $crate::err::ToPyErr for $name {}

        $(#[$cfg])*
        crate::pyobject_native_type_core!(
            $name,
            |_py: $crate::Python<'_>| -> *mut $crate::ffi::PyTypeObject {
                // SAFETY: reading an exception global initialized by the interpreter, a
                // type object alive for the whole process.
                unsafe { $crate::ffi::$ffi_name.cast() }
            }
        );

        $(#[$cfg])*
        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(stringify!($name))
            }
        }
    )*};
}

native_exception! {
    PyBaseException => PyExc_BaseException, "BaseException";
    PyException => PyExc_Exception, "Exception";
    #[cfg(Py_3_11)]
    PyBaseExceptionGroup => PyExc_BaseExceptionGroup, "BaseExceptionGroup";
    PyStopAsyncIteration => PyExc_StopAsyncIteration, "StopAsyncIteration";
    PyStopIteration => PyExc_StopIteration, "StopIteration";
    PyGeneratorExit => PyExc_GeneratorExit, "GeneratorExit";
    PyArithmeticError => PyExc_ArithmeticError, "ArithmeticError";
    PyLookupError => PyExc_LookupError, "LookupError";
    PyAssertionError => PyExc_AssertionError, "AssertionError";
    PyAttributeError => PyExc_AttributeError, "AttributeError";
    PyBufferError => PyExc_BufferError, "BufferError";
    PyEOFError => PyExc_EOFError, "EOFError";
    PyFloatingPointError => PyExc_FloatingPointError, "FloatingPointError";
    PyOSError => PyExc_OSError, "OSError";
    PyImportError => PyExc_ImportError, "ImportError";
    PyModuleNotFoundError => PyExc_ModuleNotFoundError, "ModuleNotFoundError";
    PyIndexError => PyExc_IndexError, "IndexError";
    PyKeyError => PyExc_KeyError, "KeyError";
    PyKeyboardInterrupt => PyExc_KeyboardInterrupt, "KeyboardInterrupt";
    PyMemoryError => PyExc_MemoryError, "MemoryError";
    PyNameError => PyExc_NameError, "NameError";
    PyOverflowError => PyExc_OverflowError, "OverflowError";
    PyRuntimeError => PyExc_RuntimeError, "RuntimeError";
    PyRecursionError => PyExc_RecursionError, "RecursionError";
    PyNotImplementedError => PyExc_NotImplementedError, "NotImplementedError";
    PySyntaxError => PyExc_SyntaxError, "SyntaxError";
    PyIndentationError => PyExc_IndentationError, "IndentationError";
    PyTabError => PyExc_TabError, "TabError";
    PyReferenceError => PyExc_ReferenceError, "ReferenceError";
    PySystemError => PyExc_SystemError, "SystemError";
    PySystemExit => PyExc_SystemExit, "SystemExit";
    PyTypeError => PyExc_TypeError, "TypeError";
    PyUnboundLocalError => PyExc_UnboundLocalError, "UnboundLocalError";
    PyUnicodeError => PyExc_UnicodeError, "UnicodeError";
    PyUnicodeEncodeError => PyExc_UnicodeEncodeError, "UnicodeEncodeError";
    PyUnicodeDecodeError => PyExc_UnicodeDecodeError, "UnicodeDecodeError";
    PyUnicodeTranslateError => PyExc_UnicodeTranslateError, "UnicodeTranslateError";
    PyValueError => PyExc_ValueError, "ValueError";
    PyZeroDivisionError => PyExc_ZeroDivisionError, "ZeroDivisionError";
    PyBlockingIOError => PyExc_BlockingIOError, "BlockingIOError";
    PyBrokenPipeError => PyExc_BrokenPipeError, "BrokenPipeError";
    PyChildProcessError => PyExc_ChildProcessError, "ChildProcessError";
    PyConnectionError => PyExc_ConnectionError, "ConnectionError";
    PyConnectionAbortedError => PyExc_ConnectionAbortedError, "ConnectionAbortedError";
    PyConnectionRefusedError => PyExc_ConnectionRefusedError, "ConnectionRefusedError";
    PyConnectionResetError => PyExc_ConnectionResetError, "ConnectionResetError";
    PyFileExistsError => PyExc_FileExistsError, "FileExistsError";
    PyFileNotFoundError => PyExc_FileNotFoundError, "FileNotFoundError";
    PyInterruptedError => PyExc_InterruptedError, "InterruptedError";
    PyIsADirectoryError => PyExc_IsADirectoryError, "IsADirectoryError";
    PyNotADirectoryError => PyExc_NotADirectoryError, "NotADirectoryError";
    PyPermissionError => PyExc_PermissionError, "PermissionError";
    PyProcessLookupError => PyExc_ProcessLookupError, "ProcessLookupError";
    PyTimeoutError => PyExc_TimeoutError, "TimeoutError";
    PyEnvironmentError => PyExc_EnvironmentError, "EnvironmentError";
    PyIOError => PyExc_IOError, "IOError";
    // Declared only in `cpython/pyerrors.h`: outside the 3.13 limited API.
    #[cfg(all(Py_3_13, not(limited_api_only)))]
    PyPythonFinalizationError => PyExc_PythonFinalizationError, "PythonFinalizationError";
    PyWarning => PyExc_Warning, "Warning";
    PyUserWarning => PyExc_UserWarning, "UserWarning";
    PyDeprecationWarning => PyExc_DeprecationWarning, "DeprecationWarning";
    PyPendingDeprecationWarning => PyExc_PendingDeprecationWarning, "PendingDeprecationWarning";
    PySyntaxWarning => PyExc_SyntaxWarning, "SyntaxWarning";
    PyRuntimeWarning => PyExc_RuntimeWarning, "RuntimeWarning";
    PyFutureWarning => PyExc_FutureWarning, "FutureWarning";
    PyImportWarning => PyExc_ImportWarning, "ImportWarning";
    PyUnicodeWarning => PyExc_UnicodeWarning, "UnicodeWarning";
    PyBytesWarning => PyExc_BytesWarning, "BytesWarning";
    PyResourceWarning => PyExc_ResourceWarning, "ResourceWarning";
    #[cfg(Py_3_10)]
    PyEncodingWarning => PyExc_EncodingWarning, "EncodingWarning";
}

impl PyUnicodeDecodeError {
    /// Creates a `UnicodeDecodeError` instance: `input[range]` could not be decoded with
    /// `encoding` because of `reason`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::exceptions::PyUnicodeDecodeError;
    /// Python::attach(|py| {
    ///     let err = PyUnicodeDecodeError::new(py, c"utf-8", b"ab\xff", 2..3, c"invalid start byte").unwrap();
    ///     assert_eq!(err.getattr("start").unwrap().extract::<usize>().unwrap(), 2);
    /// });
    /// ```
    pub fn new<'py>(
        py: crate::Python<'py>,
        encoding: &std::ffi::CStr,
        input: &[u8],
        range: std::ops::Range<usize>,
        reason: &std::ffi::CStr,
    ) -> crate::PyResult<crate::Bound<'py, PyUnicodeDecodeError>> {
        use crate::ffi_ptr_ext::FfiPtrExt;
        // SAFETY: attached; the buffers are valid for the call; the result is a new
        // reference or NULL with an error set, and is a UnicodeDecodeError when non-NULL.
        unsafe {
            crate::ffi::PyUnicodeDecodeError_Create(
                encoding.as_ptr(),
                input.as_ptr().cast(),
                input.len() as crate::ffi::Py_ssize_t,
                range.start as crate::ffi::Py_ssize_t,
                range.end as crate::ffi::Py_ssize_t,
                reason.as_ptr(),
            )
            .assume_owned_or_err(py)
            .map(|e| e.cast_into_unchecked())
        }
    }

    /// Creates a `UnicodeDecodeError` describing why `input` is not valid UTF-8.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::exceptions::PyUnicodeDecodeError;
    /// Python::attach(|py| {
    ///     let bytes = b"ok\xfe";
    ///     let utf8 = std::str::from_utf8(bytes).unwrap_err();
    ///     let err = PyUnicodeDecodeError::new_utf8(py, bytes, utf8).unwrap();
    ///     assert_eq!(err.getattr("encoding").unwrap().extract::<String>().unwrap(), "utf-8");
    /// });
    /// ```
    pub fn new_utf8<'py>(
        py: crate::Python<'py>,
        input: &[u8],
        err: std::str::Utf8Error,
    ) -> crate::PyResult<crate::Bound<'py, PyUnicodeDecodeError>> {
        let start = err.valid_up_to();
        let end = err.error_len().map_or(input.len(), |len| start + len);
        PyUnicodeDecodeError::new(py, c"utf-8", input, start..end, c"invalid utf-8")
    }
}

/// Exceptions defined by Python's `asyncio` module.
pub mod asyncio {
    crate::import_exception!(asyncio, CancelledError);
    crate::import_exception!(asyncio, InvalidStateError);
    crate::import_exception!(asyncio, TimeoutError);
    crate::import_exception!(asyncio, IncompleteReadError);
    crate::import_exception!(asyncio, LimitOverrunError);
    crate::import_exception!(asyncio, QueueEmpty);
    crate::import_exception!(asyncio, QueueFull);
}

/// Exceptions defined by Python's `socket` module.
pub mod socket {
    crate::import_exception!(socket, herror);
    crate::import_exception!(socket, gaierror);
    crate::import_exception!(socket, timeout);
}
