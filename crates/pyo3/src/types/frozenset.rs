//! `PyFrozenSet`: Python's immutable `frozenset`, and a builder that fills one before it
//! is shared.

use crate::conversion::to_any;
use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, BoundSetIterator, PyAny};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `frozenset`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyFrozenSet, PyFrozenSetMethods};
    /// Python::attach(|py| {
    ///     let s = PyFrozenSet::new(py, ["a", "b", "a"]).unwrap();
    ///     assert_eq!(s.len(), 2);
    ///     assert!(s.contains("b").unwrap());
    /// });
    /// ```
    PyFrozenSet, PyFrozenSet_Type, ffi::PyFrozenSet_Check, Some("builtins")
);

/// Fills a new `frozenset` element by element, then hands it out.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyFrozenSetBuilder, PyFrozenSetMethods};
/// Python::attach(|py| -> PyResult<()> {
///     let mut builder = PyFrozenSetBuilder::new(py)?;
///     for i in 0..3 {
///         builder.add(i)?;
///     }
///     assert_eq!(builder.finalize().len(), 3);
///     Ok(())
/// }).unwrap();
/// ```
pub struct PyFrozenSetBuilder<'py> {
    set: Bound<'py, PyFrozenSet>,
}

impl<'py> PyFrozenSetBuilder<'py> {
    /// An empty builder.
    pub fn new(py: Python<'py>) -> PyResult<PyFrozenSetBuilder<'py>> {
        Ok(PyFrozenSetBuilder {
            set: PyFrozenSet::empty(py)?,
        })
    }

    /// Adds an element.
    pub fn add<K: IntoPyObject<'py>>(&mut self, key: K) -> PyResult<()> {
        let py = self.set.py();
        let key = to_any(py, key)?;
        // SAFETY: attached; PySet_Add accepts a frozenset that nobody else has seen yet
        // (this builder owns the only reference until `finalize`).
        if unsafe { ffi::PySet_Add(self.set.as_ptr(), key.as_ptr()) } == -1 {
            Err(PyErr::fetch(py))
        } else {
            Ok(())
        }
    }

    /// The finished set.
    pub fn finalize(self) -> Bound<'py, PyFrozenSet> {
        self.set
    }
}

impl PyFrozenSet {
    /// A new frozenset holding the given elements.
    pub fn new<'py, T>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T>,
    ) -> PyResult<Bound<'py, PyFrozenSet>>
    where
        T: IntoPyObject<'py>,
    {
        let mut builder = PyFrozenSetBuilder::new(py)?;
        for element in elements {
            builder.add(element)?;
        }
        Ok(builder.finalize())
    }

    /// A new empty frozenset.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PyFrozenSet>> {
        // SAFETY: attached; NULL means "no iterable"; returns a new reference or NULL.
        unsafe {
            ffi::PyFrozenSet_New(std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|s| s.cast_into_unchecked())
        }
    }
}

/// Methods of `Bound<PyFrozenSet>`.
pub trait PyFrozenSetMethods<'py> {
    /// The number of elements.
    fn len(&self) -> usize;
    /// Whether the set is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// Iterates over the elements.
    fn iter(&self) -> BoundFrozenSetIterator<'py>;
}

impl<'py> PyFrozenSetMethods<'py> for Bound<'py, PyFrozenSet> {
    fn len(&self) -> usize {
        // SAFETY: attached; the set is alive.
        unsafe { ffi::PySet_Size(self.as_ptr()) as usize }
    }

    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        let key = to_any(self.py(), key)?;
        // SAFETY: attached; both objects are alive.
        crate::err::bool_from_status(self.py(), unsafe {
            ffi::PySet_Contains(self.as_ptr(), key.as_ptr())
        })
    }

    fn iter(&self) -> BoundFrozenSetIterator<'py> {
        BoundFrozenSetIterator(BoundSetIterator::new(self.clone().into_any()))
    }
}

/// Iterator over the elements of a frozenset.
pub struct BoundFrozenSetIterator<'py>(BoundSetIterator<'py>);

impl<'py> Iterator for BoundFrozenSetIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next()
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }

    /// The number of elements still to come, without walking them.
    #[inline]
    fn count(self) -> usize {
        self.0.count()
    }
}

impl ExactSizeIterator for BoundFrozenSetIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'py> IntoIterator for Bound<'py, PyFrozenSet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundFrozenSetIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundFrozenSetIterator(BoundSetIterator::new(self.into_any()))
    }
}

impl<'py> IntoIterator for &Bound<'py, PyFrozenSet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundFrozenSetIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
