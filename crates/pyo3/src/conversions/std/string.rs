//! `str`, `String`, `Cow<str>`, `Box<str>` and `char` to and from Python `str`.

use std::borrow::Cow;
use std::convert::Infallible;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyString};
use crate::{PyErr, PyResult, Python};

macro_rules! str_into_py {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyString;
            type Output = Bound<'py, PyString>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyString::new(py, &self))
            }
        }
    )*};
}

str_into_py!(
    &str,
    &&str,
    String,
    &String,
    Cow<'_, str>,
    &Cow<'_, str>,
    Box<str>
);

impl<'py> IntoPyObject<'py> for char {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let mut buf = [0u8; 4];
        Ok(PyString::new(py, self.encode_utf8(&mut buf)))
    }
}

impl<'py> IntoPyObject<'py> for &char {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

/// Borrows the UTF-8 form cached inside the Python string.
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
impl<'a> FromPyObject<'a, '_> for &'a str {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'a, '_, PyAny>) -> PyResult<Self> {
        obj.cast::<PyString>()?.to_str()
    }
}

impl<'a> FromPyObject<'a, '_> for Cow<'a, str> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, '_, PyAny>) -> PyResult<Self> {
        obj.cast::<PyString>()?.to_cow()
    }
}

impl FromPyObject<'_, '_> for String {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        obj.cast::<PyString>()?.to_cow().map(Cow::into_owned)
    }
}

impl FromPyObject<'_, '_> for Box<str> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        obj.extract::<String>().map(String::into_boxed_str)
    }
}

impl FromPyObject<'_, '_> for char {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?;
        let text = s.to_cow()?;
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Ok(c),
            _ => Err(PyValueError::new_err("expected a string of length 1")),
        }
    }
}
