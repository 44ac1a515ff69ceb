//! `CStr`, `CString` and `Cow<CStr>` to and from Python `str`. Into Python the bytes must
//! be UTF-8 (`Utf8Error` otherwise); out of Python the text must hold no NUL character
//! (`ValueError` otherwise). Where the interpreter keeps a NUL-terminated UTF-8 copy of a
//! `str` that Rust may borrow (any non-abi3 build, or abi3 from Python 3.10), `&CStr` and
//! `Cow<CStr>` borrow it; elsewhere only the owned forms can be extracted.

use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::str::Utf8Error;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyString};
use crate::{PyErr, Python};

impl<'py> IntoPyObject<'py> for &CStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Utf8Error;

    /// A `str` with the same text (the terminating NUL is not part of it).
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyString::new(py, self.to_str()?))
    }
}

macro_rules! c_str_like {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Utf8Error;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                <&CStr>::into_pyobject(&self, py)
            }
        }
    )*};
}

c_str_like!(CString, &CString, Cow<'_, CStr>, &Cow<'_, CStr>);

/// Borrows the NUL-terminated UTF-8 form cached inside the Python string.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
impl<'a> FromPyObject<'a, '_> for &'a CStr {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        obj.cast::<PyString>()?.to_cstr()
    }
}

/// Borrowed where the interpreter's UTF-8 copy can be borrowed, owned otherwise.
impl<'a> FromPyObject<'a, '_> for Cow<'a, CStr> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            obj.cast::<PyString>()?.to_cstr().map(Cow::Borrowed)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            obj.extract::<CString>().map(Cow::Owned)
        }
    }
}

impl FromPyObject<'_, '_> for CString {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            obj.cast::<PyString>()?.to_cstr().map(CStr::to_owned)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            let text = obj.cast::<PyString>()?.to_cow()?.into_owned();
            CString::new(text).map_err(PyErr::from)
        }
    }
}
