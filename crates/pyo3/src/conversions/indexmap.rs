//! Conversions for [indexmap](https://docs.rs/indexmap)'s `IndexMap<K, V, S>`, to and from
//! `dict`. Both directions keep the order: a Python `dict` remembers insertion order, and
//! so does an `IndexMap`, so the items come out in the order they went in.
//!
//! Enable with the `indexmap` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["indexmap"] }
//! indexmap = "2"
//! ```
//!
//! ```rust
//! # #[cfg(feature = "indexmap")] {
//! use indexmap::IndexMap;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let dict = py.eval(c"{'z': 1, 'a': 2, 'm': 3}", None, None)?;
//!     let map: IndexMap<String, i32> = dict.extract()?;
//!     assert_eq!(map.keys().collect::<Vec<_>>(), ["z", "a", "m"]);
//!
//!     let back = map.into_pyobject(py)?;
//!     assert_eq!(back.keys().to_string(), "['z', 'a', 'm']");
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use std::hash::{BuildHasher, Hash};

use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::conversions::std::map::{dict_from_pairs, extract_pairs};
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyDict};
use crate::{PyErr, Python};

impl<'py, K, V, H> IntoPyObject<'py> for indexmap::IndexMap<K, V, H>
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

impl<'a, 'py, K, V, H> IntoPyObject<'py> for &'a indexmap::IndexMap<K, V, H>
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

impl<'py, K, V, S> FromPyObject<'_, 'py> for indexmap::IndexMap<K, V, S>
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
