//! `Vec<T>` to and from Python sequences (`Vec<u8>` becomes `bytes`). Extracting a `str`
//! into a `Vec` is refused, as PyO3 does, because it is almost always a mistake.

use crate::conversion::{private, FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{PyErr, PyResult, Python};

impl<'py, T: IntoPyObject<'py>> IntoPyObject<'py> for Vec<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &'a Vec<T>
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}

/// `bytes` for a sequence of `u8`.
pub(crate) fn bytes_from_iter<'py>(
    py: Python<'py>,
    iter: impl IntoIterator<Item = u8>,
) -> Bound<'py, PyAny> {
    let data: Vec<u8> = iter.into_iter().collect();
    super::slice::new_bytes(py, &data)
}

impl<'py, T> FromPyObject<'_, 'py> for Vec<T>
where
    T: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("Can't extract `str` to `Vec`"));
        }
        // SAFETY: attached; the object is alive.
        if unsafe { ffi::PySequence_Check(obj.as_ptr()) } == 0 {
            return Err(crate::err::CastError::new(obj, "Sequence").into());
        }
        let capacity = obj.len().unwrap_or(0);
        let mut out = Vec::with_capacity(capacity);
        for item in obj.try_iter()? {
            out.push(item?.extract::<T>().map_err(Into::into)?);
        }
        Ok(out)
    }
}
