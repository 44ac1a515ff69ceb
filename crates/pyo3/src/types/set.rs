//! `PySet`: Python's mutable `set`, and iteration over it.

use crate::conversion::to_any;
use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny, PyIterator};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `set`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PySet, PySetMethods};
    /// Python::attach(|py| {
    ///     let s = PySet::new(py, [1, 2, 3]).unwrap();
    ///     s.add(4).unwrap();
    ///     assert!(s.contains(4).unwrap());
    ///     assert_eq!(s.len(), 4);
    /// });
    /// ```
    PySet, PySet_Type, ffi::PySet_Check, Some("builtins")
);

/// Converts a value into a Python object, keeping it alive in a local.
/// Turns a `-1`/`0`/`1` answer of the C API into a `bool`, fetching the error on `-1`.
impl PySet {
    /// A new set holding the given elements.
    pub fn new<'py, T>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T>,
    ) -> PyResult<Bound<'py, PySet>>
    where
        T: IntoPyObject<'py>,
    {
        let set = PySet::empty(py)?;
        for element in elements {
            set.add(element)?;
        }
        Ok(set)
    }

    /// A new empty set.
    pub fn empty(py: Python<'_>) -> PyResult<Bound<'_, PySet>> {
        // SAFETY: attached; NULL means "no iterable"; returns a new reference or NULL.
        unsafe {
            ffi::PySet_New(std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|s| s.cast_into_unchecked())
        }
    }
}

/// Methods of `Bound<PySet>`.
pub trait PySetMethods<'py> {
    /// Removes every element.
    fn clear(&self);
    /// The number of elements.
    fn len(&self) -> usize;
    /// Whether the set is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self.discard(key)`; returns whether the key was present.
    fn discard<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self.add(key)`.
    fn add<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// Removes and returns an arbitrary element, `None` if the set is empty.
    fn pop(&self) -> Option<Bound<'py, PyAny>>;
    /// Iterates over the elements.
    ///
    /// # Panics
    ///
    /// The iterator panics if the set changes size during iteration.
    fn iter(&self) -> BoundSetIterator<'py>;
}

impl<'py> PySetMethods<'py> for Bound<'py, PySet> {
    fn clear(&self) {
        // SAFETY: attached; the set is alive (PySet_Clear cannot fail on a set).
        unsafe {
            ffi::PySet_Clear(self.as_ptr());
        }
    }

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

    fn discard<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        let key = to_any(self.py(), key)?;
        // SAFETY: attached; both objects are alive.
        crate::err::bool_from_status(self.py(), unsafe {
            ffi::PySet_Discard(self.as_ptr(), key.as_ptr())
        })
    }

    fn add<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        let key = to_any(self.py(), key)?;
        // SAFETY: attached; the set takes its own reference to the key.
        if unsafe { ffi::PySet_Add(self.as_ptr(), key.as_ptr()) } == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(())
        }
    }

    fn pop(&self) -> Option<Bound<'py, PyAny>> {
        // SAFETY: attached; PySet_Pop returns a new reference, or NULL with KeyError set
        // when the set is empty.
        let item = unsafe { ffi::PySet_Pop(self.as_ptr()).assume_owned_or_err(self.py()) };
        item.ok()
    }

    fn iter(&self) -> BoundSetIterator<'py> {
        BoundSetIterator::new(self.clone().into_any())
    }
}

/// Iterator over the elements of a `set` or `frozenset`.
///
/// # Panics
///
/// Panics with CPython's "Set changed size during iteration" if the set's size changes.
pub struct BoundSetIterator<'py> {
    iter: Bound<'py, PyIterator>,
    remaining: usize,
}

impl<'py> BoundSetIterator<'py> {
    pub(crate) fn new(set: Bound<'py, PyAny>) -> Self {
        // SAFETY: attached; the object is a set or frozenset (iterable, no error expected);
        // its size is read from the same live object.
        let (iter, size) = unsafe {
            let iter = ffi::PyObject_GetIter(set.as_ptr())
                .assume_owned(set.py())
                .cast_into_unchecked();
            (iter, ffi::PySet_Size(set.as_ptr()) as usize)
        };
        BoundSetIterator {
            iter,
            remaining: size,
        }
    }
}

impl<'py> Iterator for BoundSetIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.iter.next() {
            Some(Ok(item)) => {
                self.remaining = self.remaining.saturating_sub(1);
                Some(item)
            }
            // The only failure CPython's set iterator reports is a size change.
            Some(Err(err)) => panic!("{}", err.value(self.iter.py())),
            None => None,
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }

    /// The number of elements still to come, without walking them.
    #[inline]
    fn count(self) -> usize {
        self.remaining
    }
}

impl ExactSizeIterator for BoundSetIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.remaining
    }
}

impl<'py> IntoIterator for Bound<'py, PySet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundSetIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundSetIterator::new(self.into_any())
    }
}

impl<'py> IntoIterator for &Bound<'py, PySet> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundSetIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
