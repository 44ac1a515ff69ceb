//! `f64`/`f32` to and from Python `float` (extraction accepts anything with `__float__`).

use std::convert::Infallible;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyFloat};
use crate::{PyErr, PyResult, Python};

impl FromPyObject<'_, '_> for f64 {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        // SAFETY: attached; the object is alive; -1.0 with an error set signals failure.
        let v = unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) };
        if v == -1.0 {
            if let Some(err) = PyErr::take(obj.py()) {
                return Err(err);
            }
        }
        Ok(v)
    }
}

impl FromPyObject<'_, '_> for f32 {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        obj.extract::<f64>().map(|v| v as f32)
    }
}

macro_rules! float_into_py {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyFloat::new(py, self as f64))
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyFloat::new(py, *self as f64))
            }
        }
    )*};
}

float_into_py!(f64, f32);
