//! `PyDict`: Python's `dict`, its methods, iteration, and `IntoPyDict`.

use crate::conversion::to_any;
use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny, PyList, PyMapping};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `dict`.
    PyDict, PyDict_Type, ffi::PyDict_Check, Some("builtins")
);

native_type!(
    /// The view returned by `dict.keys()`.
    PyDictKeys, PyDictKeys_Type, ffi::PyDictKeys_Check, Some("builtins")
);

native_type!(
    /// The view returned by `dict.values()`.
    PyDictValues, PyDictValues_Type, ffi::PyDictValues_Check, Some("builtins")
);

native_type!(
    /// The view returned by `dict.items()`.
    PyDictItems, PyDictItems_Type, ffi::PyDictItems_Check, Some("builtins"),
    pypy = c"type({}.items())"
);

impl PyDict {
    /// A new empty dict.
    pub fn new(py: Python<'_>) -> Bound<'_, PyDict> {
        // SAFETY: attached; returns a new reference.
        unsafe { ffi::PyDict_New().assume_owned(py).cast_into_unchecked() }
    }

    /// `dict(seq)` for an iterable of key/value pairs.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyDict;
    /// Python::attach(|py| {
    ///     let pairs = py.eval(c"[('a', 1), ('b', 2)]", None, None).unwrap();
    ///     let d = PyDict::from_sequence(&pairs).unwrap();
    ///     assert_eq!(d.len(), 2);
    /// });
    /// ```
    ///
    /// # Errors
    ///
    /// `TypeError`/`ValueError` if an element is not a pair.
    #[cfg(not(any(PyPy, GraalPy)))]
    pub fn from_sequence<'py>(seq: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
        let py = seq.py();
        let dict = PyDict::new(py);
        // SAFETY: attached; both objects are alive; override existing keys as `dict()` does.
        if unsafe { ffi::PyDict_MergeFromSeq2(dict.as_ptr(), seq.as_ptr(), 1) } == -1 {
            return Err(PyErr::fetch(py));
        }
        Ok(dict)
    }
}

/// Methods of `Bound<PyDict>`.
pub trait PyDictMethods<'py> {
    /// A shallow copy.
    fn copy(&self) -> PyResult<Bound<'py, PyDict>>;
    /// Removes every item.
    fn clear(&self);
    /// The number of items.
    fn len(&self) -> usize;
    /// Whether the dict is empty.
    fn is_empty(&self) -> bool;
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self.get(key)`, telling a missing key (`Ok(None)`) from errors.
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>>;
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `del self[key]`.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `list(self.keys())`.
    fn keys(&self) -> Bound<'py, PyList>;
    /// `list(self.values())`.
    fn values(&self) -> Bound<'py, PyList>;
    /// `list(self.items())`.
    fn items(&self) -> Bound<'py, PyList>;
    /// Iterates over `(key, value)` pairs.
    ///
    /// # Panics
    ///
    /// The iterator panics if the dict changes size, or its keys change, while iterating.
    fn iter(&self) -> BoundDictIterator<'py>;
    /// Calls `closure` on each `(key, value)` pair. On free-threaded builds the dict is
    /// locked meanwhile; elsewhere this is `iter` with early exit on error.
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>;
    /// Views the dict as a mapping.
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// Converts into a mapping.
    fn into_mapping(self) -> Bound<'py, PyMapping>;
    /// `self.update(other)`: copies every item of `other`, replacing existing keys.
    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
    /// Like `update`, but keeps the existing value for keys already present.
    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()>;
}

impl<'py> PyDictMethods<'py> for Bound<'py, PyDict> {
    fn copy(&self) -> PyResult<Bound<'py, PyDict>> {
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            ffi::PyDict_Copy(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|d| d.cast_into_unchecked())
        }
    }

    fn clear(&self) {
        // SAFETY: attached; the dict is alive.
        unsafe { ffi::PyDict_Clear(self.as_ptr()) }
    }

    fn len(&self) -> usize {
        // SAFETY: attached; the dict is alive.
        unsafe { ffi::PyDict_Size(self.as_ptr()) as usize }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        let key = to_any(self.py(), key)?;
        // SAFETY: attached; both objects are alive.
        match unsafe { ffi::PyDict_Contains(self.as_ptr(), key.as_ptr()) } {
            1 => Ok(true),
            0 => Ok(false),
            _ => Err(PyErr::fetch(self.py())),
        }
    }

    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = self.py();
        let key = to_any(py, key)?;
        // SAFETY: attached; PyDict_GetItemWithError returns a borrowed reference (which we
        // immediately turn into an owned one) or NULL, with an error set only on failure.
        unsafe {
            let item = ffi::PyDict_GetItemWithError(self.as_ptr(), key.as_ptr());
            if item.is_null() {
                match PyErr::take(py) {
                    Some(err) => Err(err),
                    None => Ok(None),
                }
            } else {
                Ok(Some(Bound::from_borrowed_ptr(py, item)))
            }
        }
    }

    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        let py = self.py();
        let key = to_any(py, key)?;
        let value = to_any(py, value)?;
        // SAFETY: attached; all three objects are alive (the dict takes new references).
        if unsafe { ffi::PyDict_SetItem(self.as_ptr(), key.as_ptr(), value.as_ptr()) } == -1 {
            Err(PyErr::fetch(py))
        } else {
            Ok(())
        }
    }

    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        let py = self.py();
        let key = to_any(py, key)?;
        // SAFETY: attached; both objects are alive.
        if unsafe { ffi::PyDict_DelItem(self.as_ptr(), key.as_ptr()) } == -1 {
            Err(PyErr::fetch(py))
        } else {
            Ok(())
        }
    }

    fn keys(&self) -> Bound<'py, PyList> {
        // SAFETY: attached; returns a new list reference.
        unsafe {
            ffi::PyDict_Keys(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn values(&self) -> Bound<'py, PyList> {
        // SAFETY: attached; returns a new list reference.
        unsafe {
            ffi::PyDict_Values(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn items(&self) -> Bound<'py, PyList> {
        // SAFETY: attached; returns a new list reference.
        unsafe {
            ffi::PyDict_Items(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn iter(&self) -> BoundDictIterator<'py> {
        BoundDictIterator::new(self.clone())
    }

    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>, Bound<'py, PyAny>) -> PyResult<()>,
    {
        for (key, value) in self {
            closure(key, value)?;
        }
        Ok(())
    }

    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        // SAFETY: every dict passes the mapping check.
        unsafe { self.cast_unchecked() }
    }

    fn into_mapping(self) -> Bound<'py, PyMapping> {
        // SAFETY: every dict passes the mapping check.
        unsafe { self.cast_into_unchecked() }
    }

    fn update(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        // SAFETY: attached; both objects are alive.
        if unsafe { ffi::PyDict_Update(self.as_ptr(), other.as_ptr()) } == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(())
        }
    }

    fn update_if_missing(&self, other: &Bound<'_, PyMapping>) -> PyResult<()> {
        // SAFETY: attached; both objects are alive; override 0 keeps existing values.
        if unsafe { ffi::PyDict_Merge(self.as_ptr(), other.as_ptr(), 0) } == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(())
        }
    }
}

/// Iterator over the `(key, value)` pairs of a dict.
///
/// # Panics
///
/// Like Python's own dict iterator, it refuses to go on when the dict is modified:
/// "dictionary changed size during iteration" when the size changes, and "dictionary keys
/// changed during iteration" when an item would come beyond the number the dict had (same
/// size, other keys).
pub struct BoundDictIterator<'py> {
    dict: Bound<'py, PyDict>,
    pos: ffi::Py_ssize_t,
    /// The size seen at the start; -1 once a change was detected.
    used: isize,
    /// Items still expected; -1 once more items were produced than the dict had.
    remaining: isize,
}

impl<'py> BoundDictIterator<'py> {
    fn new(dict: Bound<'py, PyDict>) -> Self {
        let len = dict.len() as isize;
        BoundDictIterator {
            dict,
            pos: 0,
            used: len,
            remaining: len,
        }
    }
}

/// One `(key, value)` pair of a dict.
type DictItem<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>);

impl<'py> BoundDictIterator<'py> {
    /// The next pair, or the message of Python's `RuntimeError` when the dict was modified
    /// since iteration began (what `next` panics with). Conversions use this to raise the
    /// error instead of panicking.
    pub(crate) fn try_next(&mut self) -> Result<Option<DictItem<'py>>, &'static str> {
        if self.dict.len() as isize != self.used {
            self.used = -1;
            return Err("dictionary changed size during iteration");
        }
        if self.remaining == -1 {
            self.used = -1;
            return Err("dictionary keys changed during iteration");
        }
        let mut key = std::ptr::null_mut();
        let mut value = std::ptr::null_mut();
        let py = self.dict.py();
        // SAFETY: attached; PyDict_Next hands out borrowed references, which we turn into
        // owned ones before anything can mutate the dict.
        unsafe {
            if ffi::PyDict_Next(self.dict.as_ptr(), &mut self.pos, &mut key, &mut value) != 0 {
                // One item more than the dict had: keys were replaced. Like CPython's own
                // iterator, refuse it rather than hand it out.
                if self.remaining == 0 {
                    self.used = -1;
                    self.remaining = -1;
                    return Err("dictionary keys changed during iteration");
                }
                self.remaining -= 1;
                Ok(Some((
                    Bound::from_borrowed_ptr(py, key),
                    Bound::from_borrowed_ptr(py, value),
                )))
            } else {
                Ok(None)
            }
        }
    }
}

impl<'py> Iterator for BoundDictIterator<'py> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);

    fn next(&mut self) -> Option<Self::Item> {
        match self.try_next() {
            Ok(item) => item,
            Err(message) => panic!("{message}"),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.remaining.max(0) as usize;
        (n, Some(n))
    }

    /// The number of items still to come, without walking them.
    #[inline]
    fn count(self) -> usize {
        self.remaining.max(0) as usize
    }
}

impl ExactSizeIterator for BoundDictIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.remaining.max(0) as usize
    }
}

impl<'py> IntoIterator for Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundDictIterator::new(self)
    }
}

impl<'py> IntoIterator for &Bound<'py, PyDict> {
    type Item = (Bound<'py, PyAny>, Bound<'py, PyAny>);
    type IntoIter = BoundDictIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        PyDictMethods::iter(self)
    }
}

/// Builds a dict from an iterator of key/value pairs.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::IntoPyDict;
/// Python::attach(|py| {
///     let d = [("a", 1), ("b", 2)].into_py_dict(py).unwrap();
///     assert_eq!(d.len(), 2);
/// });
/// ```
pub trait IntoPyDict<'py>: Sized {
    /// Performs the conversion.
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

impl<'py, I, K, V> IntoPyDict<'py> for I
where
    I: IntoIterator<Item = (K, V)>,
    K: IntoPyObject<'py>,
    V: IntoPyObject<'py>,
{
    fn into_py_dict(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (key, value) in self {
            dict.set_item(key, value)?;
        }
        Ok(dict)
    }
}
