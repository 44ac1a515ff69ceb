//! Conversions for [hashbrown](https://docs.rs/hashbrown)'s `HashMap` and `HashSet`, with
//! any hasher: `HashMap<K, V, S>` to and from `dict`, `HashSet<K, S>` to `set` and from
//! `set` or `frozenset`. They behave exactly as the standard library's maps and sets do
//! (the same shared helpers do the work). The hasher is any `BuildHasher` (plus `Default`
//! to extract); PyO3 turns hashbrown's default features off, so hashbrown's own default
//! hasher exists only if your crate enables it.
//!
//! Enable with the `hashbrown` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["hashbrown"] }
//! hashbrown = "0.15"
//! ```
//!
//! ```rust
//! # #[cfg(feature = "hashbrown")] {
//! use hashbrown::{HashMap, HashSet};
//! use pyo3::prelude::*;
//! use std::collections::hash_map::RandomState;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let dict = py.eval(c"{'a': 1, 'b': 2}", None, None)?;
//!     let map: HashMap<String, u32, RandomState> = dict.extract()?;
//!     assert_eq!(map["b"], 2);
//!
//!     let set: HashSet<u8, RandomState> = [1, 2, 3].into_iter().collect();
//!     let py_set = set.into_pyobject(py)?;
//!     assert_eq!(py_set.len(), 3);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::conversions::std::map::{dict_from_pairs, extract_pairs};
use crate::conversions::std::set::{extract_items, set_from_items};
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyDict, PySet};
use crate::{PyErr, Python};

impl<'py, K, V, H> IntoPyObject<'py> for hashbrown::HashMap<K, V, H>
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

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a hashbrown::HashMap<K, V, H>
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

impl<'py, K, V, S> FromPyObject<'_, 'py> for hashbrown::HashMap<K, V, S>
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

impl<'py, K, H> IntoPyObject<'py> for hashbrown::HashSet<K, H>
where
    K: IntoPyObject<'py> + Eq + Hash,
    H: BuildHasher,
{
    type Target = PySet;
    type Output = Bound<'py, PySet>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        set_from_items(py, self)
    }
}

impl<'a, 'py, K, H> IntoPyObject<'py> for &'a hashbrown::HashSet<K, H>
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

impl<'py, K, S> FromPyObject<'_, 'py> for hashbrown::HashSet<K, S>
where
    K: FromPyObjectOwned<'py> + Eq + Hash,
    S: BuildHasher + Default,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        extract_items(obj)
    }
}
