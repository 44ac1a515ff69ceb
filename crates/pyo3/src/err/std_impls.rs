//! Conversions from standard-library error types into the matching Python exceptions.

use crate::exceptions::{
    PyBlockingIOError, PyBrokenPipeError, PyConnectionAbortedError, PyConnectionRefusedError,
    PyConnectionResetError, PyFileExistsError, PyFileNotFoundError, PyInterruptedError, PyOSError,
    PyOverflowError, PyPermissionError, PyTimeoutError, PyValueError,
};
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::types::PyAnyMethods;
use crate::PyErr;

impl From<std::io::Error> for PyErr {
    fn from(err: std::io::Error) -> PyErr {
        use std::io::ErrorKind;
        let msg = err.to_string();
        match err.kind() {
            ErrorKind::BrokenPipe => PyBrokenPipeError::new_err(msg),
            ErrorKind::ConnectionRefused => PyConnectionRefusedError::new_err(msg),
            ErrorKind::ConnectionAborted => PyConnectionAbortedError::new_err(msg),
            ErrorKind::ConnectionReset => PyConnectionResetError::new_err(msg),
            ErrorKind::Interrupted => PyInterruptedError::new_err(msg),
            ErrorKind::NotFound => PyFileNotFoundError::new_err(msg),
            ErrorKind::PermissionDenied => PyPermissionError::new_err(msg),
            ErrorKind::AlreadyExists => PyFileExistsError::new_err(msg),
            ErrorKind::WouldBlock => PyBlockingIOError::new_err(msg),
            ErrorKind::TimedOut => PyTimeoutError::new_err(msg),
            _ => PyOSError::new_err(msg),
        }
    }
}

macro_rules! value_error_from {
    ($($err:ty),* $(,)?) => {$(
        impl From<$err> for PyErr {
            fn from(err: $err) -> PyErr {
                PyValueError::new_err(err.to_string())
            }
        }
    )*};
}

value_error_from!(
    std::num::ParseIntError,
    std::num::ParseFloatError,
    std::str::ParseBoolError,
    std::char::ParseCharError,
    std::ffi::NulError,
    std::string::FromUtf16Error,
    std::char::DecodeUtf16Error,
    std::net::AddrParseError,
);

impl From<std::num::TryFromIntError> for PyErr {
    fn from(err: std::num::TryFromIntError) -> PyErr {
        PyOverflowError::new_err(err.to_string())
    }
}

impl From<std::str::Utf8Error> for PyErr {
    fn from(err: std::str::Utf8Error) -> PyErr {
        let start = err.valid_up_to();
        let end = start + err.error_len().unwrap_or(0);
        unicode_decode_error(Vec::new(), start, end, err.to_string())
    }
}

impl From<std::string::FromUtf8Error> for PyErr {
    fn from(err: std::string::FromUtf8Error) -> PyErr {
        let utf8 = err.utf8_error();
        let start = utf8.valid_up_to();
        let end = start + utf8.error_len().unwrap_or(0);
        let reason = utf8.to_string();
        unicode_decode_error(err.into_bytes(), start, end, reason)
    }
}

/// A lazily built `UnicodeDecodeError("utf-8", input, start, end, reason)`.
fn unicode_decode_error(input: Vec<u8>, start: usize, end: usize, reason: String) -> PyErr {
    PyErr::lazy(Box::new(move |py| {
        let reason = std::ffi::CString::new(reason).unwrap_or_default();
        // SAFETY: attached; the buffers are valid for the call, and the result is a new
        // reference or NULL with an error set (then fetched as the error instead).
        let value = unsafe {
            crate::ffi::PyUnicodeDecodeError_Create(
                c"utf-8".as_ptr(),
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
    }))
}
