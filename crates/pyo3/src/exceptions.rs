//! Every builtin Python exception and warning type as a Rust type (`PyTypeError`, ...),
//! plus `create_exception!` and `import_exception!` for defining and importing others.

use crate::err::{PyErr, PyErrArguments};

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
        impl $crate::instance::DerefToPyAny for $name {}

        $(#[$cfg])*
        // SAFETY: the exception global is a live type object for the whole process.
        unsafe impl $crate::type_object::PyTypeInfo for $name {
            const NAME: &'static str = stringify!($name);
            const MODULE: Option<&'static str> = Some("builtins");

            #[inline]
            fn type_object_raw(_py: $crate::Python<'_>) -> *mut $crate::ffi::PyTypeObject {
                // SAFETY: reading an exception global initialized by the interpreter.
                unsafe { $crate::ffi::$ffi_name.cast() }
            }
        }

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
    #[cfg(Py_3_13)]
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
