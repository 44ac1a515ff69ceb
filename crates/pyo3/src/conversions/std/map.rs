//! `HashMap` (any hasher) and `BTreeMap` to and from Python `dict`.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::PyRuntimeError;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PyDict, PyDictMethods};
use crate::{PyErr, Python};

/// Builds a `dict` from converted pairs.
/// A new `dict` filled from `(key, value)` pairs (shared by every map conversion).
pub(crate) fn dict_from_pairs<'py, K, V>(
    py: Python<'py>,
    pairs: impl IntoIterator<Item = (K, V)>,
) -> Result<Bound<'py, PyDict>, PyErr>
where
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    let dict = PyDict::new(py);
    for (key, value) in pairs {
        dict.set_item(key, value)?;
    }
    Ok(dict)
}

/// Any collection built from the items of a `dict` (shared by every map conversion); a
/// `TypeError` for anything else. Converting a key or value may run Python code that
/// mutates the dict: that raises Python's `RuntimeError`, as iterating it in Python would.
pub(crate) fn extract_pairs<'py, K, V, C>(obj: Borrowed<'_, 'py, PyAny>) -> Result<C, PyErr>
where
    K: FromPyObjectOwned<'py>,
    V: FromPyObjectOwned<'py>,
    C: Default + Extend<(K, V)>,
{
    let dict = obj.cast::<PyDict>()?;
    let mut out = C::default();
    let mut items = dict.iter();
    while let Some((key, value)) = items.try_next().map_err(PyRuntimeError::new_err)? {
        let key = key.extract::<K>().map_err(Into::into)?;
        let value = value.extract::<V>().map_err(Into::into)?;
        out.extend(Some((key, value)));
    }
    Ok(out)
}

impl<'py, K, V, H> IntoPyObject<'py> for HashMap<K, V, H>
where
    K: IntoPyObject<'py> + Eq + Hash,
    V: IntoPyObject<'py>,
    H: BuildHasher,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a HashMap<K, V, H>
where
    &'a K: IntoPyObject<'py> + Eq + Hash,
    &'a V: IntoPyObject<'py>,
    H: BuildHasher,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'py, K, V, S> FromPyObject<'_, 'py> for HashMap<K, V, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    V: FromPyObjectOwned<'py>,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_pairs(obj)
    }
}

impl<'py, K, V> IntoPyObject<'py> for BTreeMap<K, V>
where
    K: IntoPyObject<'py> + Ord,
    V: IntoPyObject<'py>,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'a, 'py, K, V> IntoPyObject<'py> for &'a BTreeMap<K, V>
where
    &'a K: IntoPyObject<'py> + Ord,
    &'a V: IntoPyObject<'py>,
{
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        dict_from_pairs(py, self)
    }
}

impl<'py, K, V> FromPyObject<'_, 'py> for BTreeMap<K, V>
where
    K: FromPyObjectOwned<'py> + Ord,
    V: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_pairs(obj)
    }
}
