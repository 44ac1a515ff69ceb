//! Conversions from standard-library error types into the matching Python exceptions.

use crate::err::PyErrArguments;
use crate::exceptions::{
    PyBlockingIOError, PyBrokenPipeError, PyConnectionAbortedError, PyConnectionRefusedError,
    PyConnectionResetError, PyFileExistsError, PyFileNotFoundError, PyInterruptedError,
    PyIsADirectoryError, PyMemoryError, PyNotADirectoryError, PyOSError, PyPermissionError,
    PyTimeoutError, PyValueError,
};
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Py;
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{PyErr, Python};

impl From<std::io::Error> for PyErr {
    /// The matching `OSError` subclass; an `io::Error` that wraps a `PyErr` (see
    /// `From<PyErr> for io::Error`) gives that `PyErr` back.
    fn from(err: std::io::Error) -> PyErr {
        use std::io::ErrorKind;
        if err.get_ref().is_some_and(|inner| inner.is::<PyErr>()) {
            if let Some(inner) = err.into_inner() {
                if let Ok(py_err) = inner.downcast::<PyErr>() {
                    return *py_err;
                }
            }
            unreachable!("the io::Error was checked to wrap a PyErr");
        }
        let kind = err.kind();
        match kind {
            ErrorKind::BrokenPipe => PyBrokenPipeError::new_err(err),
            ErrorKind::ConnectionRefused => PyConnectionRefusedError::new_err(err),
            ErrorKind::ConnectionAborted => PyConnectionAbortedError::new_err(err),
            ErrorKind::ConnectionReset => PyConnectionResetError::new_err(err),
            ErrorKind::Interrupted => PyInterruptedError::new_err(err),
            ErrorKind::NotFound => PyFileNotFoundError::new_err(err),
            ErrorKind::PermissionDenied => PyPermissionError::new_err(err),
            ErrorKind::AlreadyExists => PyFileExistsError::new_err(err),
            ErrorKind::WouldBlock => PyBlockingIOError::new_err(err),
            ErrorKind::TimedOut => PyTimeoutError::new_err(err),
            ErrorKind::OutOfMemory => PyMemoryError::new_err(err),
            ErrorKind::IsADirectory => PyIsADirectoryError::new_err(err),
            ErrorKind::NotADirectory => PyNotADirectoryError::new_err(err),
            _ => PyOSError::new_err(err),
        }
    }
}

impl From<PyErr> for std::io::Error {
    /// An `io::Error` of the kind matching the exception (`FileNotFoundError` gives
    /// `NotFound`, ...; `Other` otherwise) that wraps the `PyErr`, so converting it back
    /// gives the same exception.
    fn from(err: PyErr) -> std::io::Error {
        use std::io::ErrorKind;
        let kind = Python::attach(|py| {
            let table: [(bool, ErrorKind); 13] = [
                (
                    err.is_instance_of::<PyBrokenPipeError>(py),
                    ErrorKind::BrokenPipe,
                ),
                (
                    err.is_instance_of::<PyConnectionRefusedError>(py),
                    ErrorKind::ConnectionRefused,
                ),
                (
                    err.is_instance_of::<PyConnectionAbortedError>(py),
                    ErrorKind::ConnectionAborted,
                ),
                (
                    err.is_instance_of::<PyConnectionResetError>(py),
                    ErrorKind::ConnectionReset,
                ),
                (
                    err.is_instance_of::<PyInterruptedError>(py),
                    ErrorKind::Interrupted,
                ),
                (
                    err.is_instance_of::<PyFileNotFoundError>(py),
                    ErrorKind::NotFound,
                ),
                (
                    err.is_instance_of::<PyPermissionError>(py),
                    ErrorKind::PermissionDenied,
                ),
                (
                    err.is_instance_of::<PyFileExistsError>(py),
                    ErrorKind::AlreadyExists,
                ),
                (
                    err.is_instance_of::<PyBlockingIOError>(py),
                    ErrorKind::WouldBlock,
                ),
                (
                    err.is_instance_of::<PyTimeoutError>(py),
                    ErrorKind::TimedOut,
                ),
                (
                    err.is_instance_of::<PyMemoryError>(py),
                    ErrorKind::OutOfMemory,
                ),
                (
                    err.is_instance_of::<PyIsADirectoryError>(py),
                    ErrorKind::IsADirectory,
                ),
                (
                    err.is_instance_of::<PyNotADirectoryError>(py),
                    ErrorKind::NotADirectory,
                ),
            ];
            table
                .iter()
                .find(|(matched, _)| *matched)
                .map_or(ErrorKind::Other, |(_, kind)| *kind)
        });
        std::io::Error::new(kind, err)
    }
}

impl PyErrArguments for std::io::Error {
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        string_argument(py, self.to_string())
    }
}

impl<W> From<std::io::IntoInnerError<W>> for PyErr {
    fn from(err: std::io::IntoInnerError<W>) -> PyErr {
        err.into_error().into()
    }
}

impl<W: Send + Sync> PyErrArguments for std::io::IntoInnerError<W> {
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        self.into_error().arguments(py)
    }
}

/// A message as a Python `str`, the single argument of most exceptions.
fn string_argument(py: Python<'_>, message: String) -> Py<PyAny> {
    PyString::new(py, &message).into_any().unbind()
}

macro_rules! value_error_from {
    ($($err:ty),* $(,)?) => {$(
        impl PyErrArguments for $err {
            fn arguments(self, py: Python<'_>) -> Py<PyAny> {
                string_argument(py, self.to_string())
            }
        }

        impl From<$err> for PyErr {
            fn from(err: $err) -> PyErr {
                PyValueError::new_err(err)
            }
        }
    )*};
}

value_error_from!(
    std::array::TryFromSliceError,
    std::num::ParseIntError,
    std::num::ParseFloatError,
    std::num::TryFromIntError,
    std::str::ParseBoolError,
    std::char::ParseCharError,
    std::char::CharTryFromError,
    std::char::TryFromCharError,
    std::ffi::NulError,
    std::ffi::FromBytesWithNulError,
    std::net::AddrParseError,
);

/// What a `UnicodeDecodeError` reports: the codec, the input, the failing byte range and
/// the reason; shared by the `From` and `PyErrArguments` impls of the decoding errors.
struct DecodeFailure {
    encoding: &'static str,
    input: Vec<u8>,
    start: usize,
    end: usize,
    reason: String,
}

impl DecodeFailure {
    fn utf8(err: std::str::Utf8Error, input: Vec<u8>, reason: String) -> Self {
        let start = err.valid_up_to();
        let end = err.error_len().map_or(input.len(), |len| start + len);
        DecodeFailure {
            encoding: "utf-8",
            input,
            start,
            end,
            reason,
        }
    }

    /// The arguments `UnicodeDecodeError(encoding, object, start, end, reason)` takes.
    fn arguments(self, py: Python<'_>) -> Py<PyAny> {
        let input = crate::types::PyBytes::new(py, &self.input);
        let args = (self.encoding, input, self.start, self.end, self.reason);
        match crate::IntoPyObject::into_pyobject(args, py) {
            Ok(tuple) => tuple.into_any().unbind(),
            Err(err) => err.into_value(py).into_any(),
        }
    }
}

/// Converts a decoding error into its [`DecodeFailure`].
trait IntoDecodeFailure {
    fn into_failure(self) -> DecodeFailure;
}

impl IntoDecodeFailure for std::string::FromUtf16Error {
    fn into_failure(self) -> DecodeFailure {
        let reason = self.to_string();
        DecodeFailure {
            encoding: "utf-16",
            input: Vec::new(),
            start: 0,
            end: 0,
            reason,
        }
    }
}

impl IntoDecodeFailure for std::char::DecodeUtf16Error {
    fn into_failure(self) -> DecodeFailure {
        let input = self.unpaired_surrogate().to_ne_bytes().to_vec();
        let reason = self.to_string();
        DecodeFailure {
            encoding: "utf-16",
            input,
            start: 0,
            end: 2,
            reason,
        }
    }
}

impl IntoDecodeFailure for std::ffi::IntoStringError {
    fn into_failure(self) -> DecodeFailure {
        let utf8 = self.utf8_error();
        let bytes = self.into_cstring().into_bytes();
        DecodeFailure::utf8(utf8, bytes, String::from("invalid utf-8"))
    }
}

impl IntoDecodeFailure for std::str::Utf8Error {
    fn into_failure(self) -> DecodeFailure {
        let start = self.valid_up_to();
        let end = start + self.error_len().unwrap_or(0);
        let reason = self.to_string();
        DecodeFailure {
            encoding: "utf-8",
            input: Vec::new(),
            start,
            end,
            reason,
        }
    }
}

impl IntoDecodeFailure for std::string::FromUtf8Error {
    fn into_failure(self) -> DecodeFailure {
        let utf8 = self.utf8_error();
        let start = utf8.valid_up_to();
        let end = start + utf8.error_len().unwrap_or(0);
        let reason = utf8.to_string();
        DecodeFailure {
            encoding: "utf-8",
            input: self.into_bytes(),
            start,
            end,
            reason,
        }
    }
}

macro_rules! unicode_decode_error_from {
    ($($err:ty),* $(,)?) => {$(
        /// The arguments of the `UnicodeDecodeError` it becomes (codec, input, range,
        /// reason), so `PyUnicodeDecodeError::new_err(err)` builds a complete exception.
        impl PyErrArguments for $err {
            fn arguments(self, py: Python<'_>) -> Py<PyAny> {
                self.into_failure().arguments(py)
            }
        }

        impl From<$err> for PyErr {
            fn from(err: $err) -> PyErr {
                unicode_decode_error(err.into_failure())
            }
        }
    )*};
}

unicode_decode_error_from!(
    std::string::FromUtf16Error,
    std::char::DecodeUtf16Error,
    std::ffi::IntoStringError,
    std::str::Utf8Error,
    std::string::FromUtf8Error,
);

/// A lazily built `UnicodeDecodeError(encoding, input, start, end, reason)`.
fn unicode_decode_error(failure: DecodeFailure) -> PyErr {
    let DecodeFailure {
        encoding,
        input,
        start,
        end,
        reason,
    } = failure;
    PyErr::lazy(move |py: crate::Python<'_>| {
        let reason = std::ffi::CString::new(reason).unwrap_or_default();
        let encoding = std::ffi::CString::new(encoding).unwrap_or_default();
        // SAFETY: attached; the buffers are valid for the call, and the result is a new
        // reference or NULL with an error set (then fetched as the error instead).
        let value = unsafe {
            crate::ffi::PyUnicodeDecodeError_Create(
                encoding.as_ptr(),
                input.as_ptr().cast(),
                input.len() as crate::ffi::Py_ssize_t,
                start as crate::ffi::Py_ssize_t,
                end as crate::ffi::Py_ssize_t,
                reason.as_ptr(),
            )
            .assume_owned_or_err(py)
        };
        let value = value.unwrap_or_else(|e| e.into_value(py).into_bound(py).into_any());
        (value.get_type().into_any().unbind(), value.unbind())
    })
}
