//! `bool` to and from Python `bool` (extraction accepts only real `bool` objects).

use std::convert::Infallible;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::instance::Borrowed;
use crate::types::{PyAny, PyBool, PyBoolMethods};
use crate::Python;

impl<'py> IntoPyObject<'py> for bool {
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, self))
    }
}

impl<'py> IntoPyObject<'py> for &bool {
    type Target = PyBool;
    type Output = Borrowed<'py, 'py, PyBool>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyBool::new(py, *self))
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for bool {
    type Error = crate::err::CastError<'a, 'py>;

    #[inline]
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Ok(obj.cast::<PyBool>()?.is_true())
    }
}
