//! `PyString`: Python's `str`, and its views as Rust `&str`/`Cow<str>`.

use std::borrow::Cow;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::native_type;
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `str`.
    PyString, PyUnicode_Type, ffi::PyUnicode_Check, Some("builtins")
);

impl PyString {
    /// A new `str` with the contents of `s`.
    pub fn new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        let ptr = s.as_ptr().cast();
        let len = s.len() as ffi::Py_ssize_t;
        // SAFETY: attached; `s` is valid UTF-8 of the given length; returns a new reference.
        unsafe {
            ffi::PyUnicode_FromStringAndSize(ptr, len)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// An interned `str` (one shared object per distinct text).
    pub fn intern<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        let string = PyString::new(py, s);
        let mut ptr = string.into_ptr();
        // SAFETY: attached; PyUnicode_InternInPlace takes our reference and may replace it
        // with the interned object's (still one owned reference).
        unsafe {
            ffi::PyUnicode_InternInPlace(&mut ptr);
            ptr.assume_owned(py).cast_into_unchecked()
        }
    }

    /// `str(src, encoding, errors)` for a bytes-like `src`; `None` picks Python's defaults
    /// (UTF-8, strict).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyString};
    /// Python::attach(|py| {
    ///     let raw = PyBytes::new(py, b"caf\xe9");
    ///     let s = PyString::from_encoded_object(&raw, Some(c"latin-1"), None).unwrap();
    ///     assert_eq!(s.to_cow().unwrap(), "caf\u{e9}");
    /// });
    /// ```
    pub fn from_encoded_object<'py>(
        src: &Bound<'py, crate::PyAny>,
        encoding: Option<&std::ffi::CStr>,
        errors: Option<&std::ffi::CStr>,
    ) -> PyResult<Bound<'py, PyString>> {
        let encoding = encoding.map_or(std::ptr::null(), std::ffi::CStr::as_ptr);
        let errors = errors.map_or(std::ptr::null(), std::ffi::CStr::as_ptr);
        // SAFETY: attached; the object is alive; each C string is NUL-terminated or NULL
        // (meaning the default); returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyUnicode_FromEncodedObject(src.as_ptr(), encoding, errors)
                .assume_owned_or_err(src.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    /// `str(src, encoding, errors)` for a bytes-like `src`.
    ///
    /// # Errors
    ///
    /// `ValueError` if `encoding` or `errors` contains a NUL character, or the decoding
    /// error.
    #[deprecated(since = "0.25.0", note = "use `PyString::from_encoded_object` instead")]
    pub fn from_object<'py>(
        src: &Bound<'py, crate::PyAny>,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyString>> {
        let nul = |_| crate::exceptions::PyValueError::new_err("embedded null character");
        let encoding = std::ffi::CString::new(encoding).map_err(nul)?;
        let errors = std::ffi::CString::new(errors).map_err(nul)?;
        PyString::from_encoded_object(src, Some(&encoding), Some(&errors))
    }
}

/// Methods of `Bound<PyString>`.
pub trait PyStringMethods<'py> {
    /// The contents as `&str` (fails for strings containing lone surrogates).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    fn to_str(&self) -> PyResult<&str>;
    /// The contents, borrowed where possible.
    fn to_cow(&self) -> PyResult<Cow<'_, str>>;
    /// The contents, with lone surrogates replaced by U+FFFD.
    fn to_string_lossy(&self) -> Cow<'_, str>;
    /// `self.encode("utf-8")`.
    fn encode_utf8(&self) -> PyResult<Bound<'py, crate::types::PyBytes>>;
}

impl<'py> PyStringMethods<'py> for Bound<'py, PyString> {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    fn to_str(&self) -> PyResult<&str> {
        self.as_borrowed().to_str()
    }

    fn to_cow(&self) -> PyResult<Cow<'_, str>> {
        self.as_borrowed().to_cow()
    }

    fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.to_cow() {
            Ok(s) => s,
            Err(_) => {
                // Lone surrogates: encode them through, then replace invalid sequences.
                // SAFETY: attached; returns a new bytes reference or NULL.
                let bytes = unsafe {
                    ffi::PyUnicode_AsEncodedString(
                        self.as_ptr(),
                        c"utf-8".as_ptr(),
                        c"surrogatepass".as_ptr(),
                    )
                    .assume_owned_or_err(self.py())
                };
                match bytes {
                    Ok(bytes) => {
                        Cow::Owned(String::from_utf8_lossy(bytes_as_slice(&bytes)).into_owned())
                    }
                    Err(_) => Cow::Borrowed("<unrepresentable str>"),
                }
            }
        }
    }

    fn encode_utf8(&self) -> PyResult<Bound<'py, crate::types::PyBytes>> {
        // SAFETY: attached; returns a new bytes reference or NULL.
        unsafe {
            ffi::PyUnicode_AsUTF8String(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|b| b.cast_into_unchecked())
        }
    }
}

/// The bytes of a `bytes` object (which must be a `bytes` instance).
pub(crate) fn bytes_as_slice<'a>(bytes: &'a Bound<'_, crate::PyAny>) -> &'a [u8] {
    // SAFETY: attached; `bytes` is a bytes object, whose buffer lives as long as it does.
    unsafe {
        let data = ffi::PyBytes_AsString(bytes.as_ptr()).cast::<u8>();
        let len = ffi::PyBytes_Size(bytes.as_ptr()) as usize;
        std::slice::from_raw_parts(data, len)
    }
}

impl<'a> Borrowed<'a, '_, PyString> {
    /// The contents as `&'a str`, pointing into the string's cached UTF-8 form.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub(crate) fn to_str(self) -> PyResult<&'a str> {
        let mut size: ffi::Py_ssize_t = 0;
        // SAFETY: attached; the UTF-8 buffer is cached inside the str object, which is
        // kept alive for 'a by the owner of this borrow.
        unsafe {
            let data = ffi::PyUnicode_AsUTF8AndSize(self.as_ptr(), &mut size);
            if data.is_null() {
                return Err(PyErr::fetch(self.py()));
            }
            let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
            Ok(std::str::from_utf8_unchecked(bytes))
        }
    }

    pub(crate) fn to_cow(self) -> PyResult<Cow<'a, str>> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            self.to_str().map(Cow::Borrowed)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            // SAFETY: attached; returns a new bytes reference or NULL.
            let bytes = unsafe {
                ffi::PyUnicode_AsUTF8String(self.as_ptr()).assume_owned_or_err(self.py())?
            };
            let text = std::str::from_utf8(bytes_as_slice(&bytes)).map_err(PyErr::from)?;
            Ok(Cow::Owned(text.to_owned()))
        }
    }
}
