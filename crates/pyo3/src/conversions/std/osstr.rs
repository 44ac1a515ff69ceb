//! `OsStr`/`OsString`/`Cow<OsStr>` to and from Python `str`. Text that is not valid
//! Unicode goes through the filesystem encoding with `surrogateescape`
//! (`os.fsdecode`/`os.fsencode`), so any file name survives the round trip.

use std::borrow::Cow;
use std::convert::Infallible;
use std::ffi::{OsStr, OsString};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyString, PyStringMethods};
use crate::{PyErr, Python};

impl<'py> IntoPyObject<'py> for &OsStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Some(text) = self.to_str() {
            return Ok(PyString::new(py, text));
        }
        Ok(decode_fs(py, self))
    }
}

#[cfg(unix)]
fn decode_fs<'py>(py: Python<'py>, s: &OsStr) -> Bound<'py, PyString> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = s.as_bytes();
    // SAFETY: attached; the buffer is valid for its length; the result is a new str
    // (decoding with surrogateescape cannot fail except on memory exhaustion).
    unsafe {
        ffi::PyUnicode_DecodeFSDefaultAndSize(bytes.as_ptr().cast(), bytes.len() as ffi::Py_ssize_t)
            .assume_owned(py)
            .cast_into_unchecked()
    }
}

#[cfg(not(unix))]
fn decode_fs<'py>(py: Python<'py>, s: &OsStr) -> Bound<'py, PyString> {
    PyString::new(py, &s.to_string_lossy())
}

macro_rules! os_str_like {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                <&OsStr>::into_pyobject(&*self, py)
            }
        }
    )*};
}

os_str_like!(
    &&OsStr,
    OsString,
    &OsString,
    Cow<'_, OsStr>,
    &Cow<'_, OsStr>
);

impl FromPyObject<'_, '_> for OsString {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let text = obj.cast::<PyString>()?;
        encode_fs(&text)
    }
}

/// Borrows the text of a `str` that is valid Unicode (where the interpreter's UTF-8 copy
/// can be borrowed); anything else goes through the filesystem encoding into an owned
/// `OsString`, as for `OsString` itself.
impl<'a> FromPyObject<'a, '_> for Cow<'a, OsStr> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        let text = obj.cast::<PyString>()?;
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        if let Ok(borrowed) = text.to_str() {
            return Ok(Cow::Borrowed(OsStr::new(borrowed)));
        }
        encode_fs(&text).map(Cow::Owned)
    }
}

#[cfg(unix)]
fn encode_fs(text: &Bound<'_, PyString>) -> Result<OsString, PyErr> {
    use std::os::unix::ffi::OsStringExt;
    if let Ok(s) = text.to_cow() {
        return Ok(OsString::from(s.into_owned()));
    }
    // SAFETY: attached; `text` is a str; the result is a new bytes reference or NULL with
    // an error set.
    let encoded =
        unsafe { ffi::PyUnicode_EncodeFSDefault(text.as_ptr()).assume_owned_or_err(text.py())? };
    let bytes = super::slice::bytes_contents(encoded.as_borrowed()).unwrap_or_default();
    Ok(OsString::from_vec(bytes.to_vec()))
}

#[cfg(not(unix))]
fn encode_fs(text: &Bound<'_, PyString>) -> Result<OsString, PyErr> {
    Ok(OsString::from(text.to_cow()?.into_owned()))
}
