//! `HashSet` (any hasher) and `BTreeSet` to Python `set`, and from `set` or `frozenset`.

use std::collections::{BTreeSet, HashSet};
use std::hash::{BuildHasher, Hash};

use crate::conversion::{BoundObject, FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::err::CastError;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PySet};
use crate::{PyErr, Python};

/// Builds a `set` from converted items.
/// A new `set` filled from `items` (shared by every set conversion).
pub(crate) fn set_from_items<'py, T>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
) -> Result<Bound<'py, PySet>, PyErr>
where
    T: IntoPyObject<'py>,
{
    // SAFETY: attached; PySet_New(NULL) returns a new, empty set or NULL with an error.
    let set = unsafe { ffi::PySet_New(std::ptr::null_mut()).assume_owned_or_err(py)? };
    for item in items {
        let item = item.into_pyobject(py).map_err(Into::into)?.into_any();
        // SAFETY: attached; `set` is a set and `item` is alive for the call (PySet_Add
        // takes its own reference).
        if unsafe { ffi::PySet_Add(set.as_ptr(), item.as_ptr()) } == -1 {
            return Err(PyErr::fetch(py));
        }
    }
    // SAFETY: PySet_New returned a set.
    Ok(unsafe { set.cast_into_unchecked() })
}

/// Extracts every item of a `set` or `frozenset` (a `TypeError` naming `PySet` otherwise).
/// Any collection built from the items of a `set` or `frozenset` (shared by every set
/// conversion).
pub(crate) fn extract_items<'py, T, C>(obj: Borrowed<'_, 'py, PyAny>) -> Result<C, PyErr>
where
    T: FromPyObjectOwned<'py>,
    C: Default + Extend<T>,
{
    // SAFETY: attached; the object is alive.
    if unsafe { ffi::PyAnySet_Check(obj.as_ptr()) } == 0 {
        return Err(CastError::new(
            obj,
            <crate::types::PySet as crate::PyTypeInfo>::type_object(obj.py()).into_any(),
        )
        .into());
    }
    let mut out = C::default();
    for item in obj.try_iter()? {
        out.extend(Some(item?.extract::<T>().map_err(Into::into)?));
    }
    Ok(out)
}

impl<'py, K, S> IntoPyObject<'py> for HashSet<K, S>
where
    K: IntoPyObject<'py> + Eq + Hash,
    S: BuildHasher,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        set_from_items(py, self)
    }
}

impl<'a, 'py, K, H> IntoPyObject<'py> for &'a HashSet<K, H>
where
    &'a K: IntoPyObject<'py> + Eq + Hash,
    H: BuildHasher,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        set_from_items(py, self)
    }
}

impl<'py, K, S> FromPyObject<'_, 'py> for HashSet<K, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_items(obj)
    }
}

impl<'py, K> IntoPyObject<'py> for BTreeSet<K>
where
    K: IntoPyObject<'py> + Ord,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        set_from_items(py, self)
    }
}

impl<'a, 'py, K> IntoPyObject<'py> for &'a BTreeSet<K>
where
    &'a K: IntoPyObject<'py> + Ord,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        set_from_items(py, self)
    }
}

impl<'py, K> FromPyObject<'_, 'py> for BTreeSet<K>
where
    K: FromPyObjectOwned<'py> + Ord,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_items(obj)
    }
}
