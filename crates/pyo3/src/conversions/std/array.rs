//! Fixed-size arrays `[T; N]`: converted like `Vec<T>` (a `list`, or `bytes` for `u8`)
//! and extracted from any sequence of exactly `N` items.

use crate::conversion::{private, FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::err::CastError;
use crate::exceptions::PyValueError;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods};
use crate::{PyErr, PyResult, Python};

impl<'py, T, const N: usize> IntoPyObject<'py> for [T; N]
where
    T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list`, or `bytes` for `[u8; N]`.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        T::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, T, const N: usize> IntoPyObject<'py> for &'a [T; N]
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}

impl<'py, T, const N: usize> FromPyObject<'_, 'py> for [T; N]
where
    T: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        // `[u8; N]` from an exact `bytes`/`bytearray`: one copy of the buffer.
        if let Some(array) = T::byte_array::<N>(obj, private::Token) {
            return array;
        }
        // SAFETY: attached; the object is alive.
        if unsafe { ffi::PySequence_Check(obj.as_ptr()) } == 0 {
            return Err(CastError::new(
                obj,
                <crate::types::PySequence as crate::PyTypeCheck>::classinfo_object(obj.py()),
            )
            .into());
        }
        let len = obj.len()?;
        if len != N {
            return Err(invalid_sequence_length(N, len));
        }
        let mut items = Vec::with_capacity(N);
        for index in 0..N {
            let item = obj.get_item(index)?;
            items.push(item.extract::<T>().map_err(Into::into)?);
        }
        match items.try_into() {
            Ok(array) => Ok(array),
            Err(_) => unreachable!("exactly N items were collected"),
        }
    }
}

/// The `ValueError` for a sequence of the wrong length.
pub(crate) fn invalid_sequence_length(expected: usize, actual: usize) -> PyErr {
    PyValueError::new_err(format!(
        "expected a sequence of length {} (got {})",
        expected, actual
    ))
}
