//! `bool` to and from Python `bool` (extraction accepts only real `bool` objects).

use std::convert::Infallible;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::instance::Borrowed;
use crate::types::{PyAny, PyAnyMethods, PyBool, PyBoolMethods, PyTypeMethods};
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

/// `bool`, and NumPy's scalar booleans (`numpy.bool_`, `numpy.bool` from NumPy 2), which
/// are not `bool` subclasses but are what indexing a boolean array yields.
impl FromPyObject<'_, '_> for bool {
    type Error = crate::PyErr;

    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        match obj.cast::<PyBool>() {
            Ok(value) => Ok(value.is_true()),
            Err(_) if is_numpy_bool(&obj) => obj.is_truthy(),
            Err(err) => Err(err.into()),
        }
    }
}

/// Whether `obj`'s type is NumPy's scalar boolean, recognised by name so that NumPy is
/// neither imported nor required.
#[cold]
fn is_numpy_bool(obj: &Borrowed<'_, '_, PyAny>) -> bool {
    let ty = obj.get_type();
    ty.module().is_ok_and(|module| module == "numpy")
        && ty
            .name()
            .is_ok_and(|name| name == "bool_" || name == "bool")
}
