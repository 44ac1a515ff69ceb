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
        if let Some(bytes) = T::byte_buffer(obj, crate::conversion::private::Token) {
            return Ok(bytes);
        }
        #[cfg(not(limited_api_only))]
        if let Some(out) = extract_exact_list_or_tuple(obj)? {
            return Ok(out);
        }
        if obj.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err("Can't extract `str` to `Vec`"));
        }
        // SAFETY: attached; the object is alive.
        if unsafe { ffi::PySequence_Check(obj.as_ptr()) } == 0 {
            return Err(crate::err::CastError::new(
                obj,
                <crate::types::PySequence as crate::PyTypeCheck>::classinfo_object(obj.py()),
            )
            .into());
        }
        let mut out = with_capacity_hint(obj.len().unwrap_or(0))?;
        for item in obj.try_iter()? {
            out.push(item?.extract::<T>().map_err(Into::into)?);
        }
        Ok(out)
    }
}

/// An empty `Vec` with room for `len` items, `len` being what the sequence says about
/// itself (a `__len__` may lie). As `list(x)` does in CPython, a size that cannot be
/// allocated raises `MemoryError`; `Vec::with_capacity` would abort the process.
#[inline]
pub(crate) fn with_capacity_hint<T>(len: usize) -> PyResult<Vec<T>> {
    let mut out = Vec::new();
    if out.try_reserve_exact(len).is_err() {
        return Err(memory_error());
    }
    Ok(out)
}

/// CPython's `MemoryError()` for an allocation that failed.
#[cold]
#[inline(never)]
pub(crate) fn memory_error() -> PyErr {
    crate::exceptions::PyMemoryError::new_err(())
}

/// The fast path for exact lists and tuples: index the item array directly instead of
/// going through the iterator protocol. `None` for anything else.
#[cfg(not(limited_api_only))]
#[inline]
fn extract_exact_list_or_tuple<'py, T>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Option<Vec<T>>>
where
    T: FromPyObjectOwned<'py>,
{
    let py = obj.py();
    let ptr = obj.as_ptr();
    // SAFETY: attached; the object is alive.
    if unsafe { ffi::PyTuple_CheckExact(ptr) } != 0 {
        // SAFETY: a tuple's length and items never change, and `obj` keeps it (and so its
        // items) alive for the whole loop.
        let len = unsafe { ffi::PyTuple_GET_SIZE(ptr) } as usize;
        let mut out = with_capacity_hint(len)?;
        for i in 0..len {
            // SAFETY: `i < len`; the item is borrowed from the live tuple.
            let item =
                unsafe { Borrowed::from_ptr(py, ffi::PyTuple_GET_ITEM(ptr, i as ffi::Py_ssize_t)) };
            out.push(item.extract::<T>().map_err(Into::into)?);
        }
        return Ok(Some(out));
    }
    // SAFETY: attached; the object is alive.
    if unsafe { ffi::PyList_CheckExact(ptr) } != 0 {
        // SAFETY: `ptr` is a list.
        let mut out = with_capacity_hint(unsafe { ffi::PyList_GET_SIZE(ptr) } as usize)?;
        let mut i = 0;
        // The length is re-read every step: extracting an item may run Python code that
        // changes the list, and each item is held by a new reference while it is converted.
        // SAFETY: `ptr` is a live list.
        while i < unsafe { ffi::PyList_GET_SIZE(ptr) } {
            // SAFETY: `i` is in bounds (checked just above); we take a new reference.
            let item = unsafe { Bound::from_borrowed_ptr(py, ffi::PyList_GET_ITEM(ptr, i)) };
            out.push(item.as_borrowed().extract::<T>().map_err(Into::into)?);
            i += 1;
        }
        return Ok(Some(out));
    }
    Ok(None)
}
