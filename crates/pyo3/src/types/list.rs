//! `PyList`: Python's `list`.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `list`.
    PyList, PyList_Type, ffi::PyList_Check, Some("builtins")
);

impl PyList {
    /// A new list with the given elements.
    pub fn new<'py, T, U>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T, IntoIter = U>,
    ) -> PyResult<Bound<'py, PyList>>
    where
        T: IntoPyObject<'py>,
        U: ExactSizeIterator<Item = T>,
    {
        let list = PyList::empty(py);
        for element in elements {
            list.append(element)?;
        }
        Ok(list)
    }

    /// A new empty list.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyList> {
        // SAFETY: attached; returns a new reference.
        unsafe { ffi::PyList_New(0).assume_owned(py).cast_into_unchecked() }
    }
}

/// Methods of `Bound<PyList>`.
pub trait PyListMethods<'py> {
    /// The number of elements.
    fn len(&self) -> usize;
    /// Whether the list is empty.
    fn is_empty(&self) -> bool;
    /// `self[index]`, an `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self.append(item)`.
    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()>;
    /// `self.insert(index, item)`.
    fn insert<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// `self[index] = item`.
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// Iterates over the elements.
    fn iter(&self) -> BoundListIterator<'py>;
    /// `self.sort()`.
    fn sort(&self) -> PyResult<()>;
    /// `self.reverse()`.
    fn reverse(&self) -> PyResult<()>;
    /// `tuple(self)`.
    fn to_tuple(&self) -> Bound<'py, crate::types::PyTuple>;
}

fn check(py: Python<'_>, rc: std::os::raw::c_int) -> PyResult<()> {
    if rc == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(())
    }
}

impl<'py> PyListMethods<'py> for Bound<'py, PyList> {
    fn len(&self) -> usize {
        // SAFETY: attached; the list is alive.
        unsafe { ffi::PyList_Size(self.as_ptr()) as usize }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: attached; PyList_GetItem returns a borrowed reference (made owned at
        // once) or NULL with IndexError set.
        unsafe {
            let item = ffi::PyList_GetItem(self.as_ptr(), index as ffi::Py_ssize_t);
            Bound::from_borrowed_ptr_or_err(self.py(), item)
        }
    }

    fn append<I: IntoPyObject<'py>>(&self, item: I) -> PyResult<()> {
        let item = item
            .into_pyobject(self.py())
            .map_err(Into::into)?
            .into_any()
            .into_bound();
        // SAFETY: attached; the list takes a new reference to the live item.
        check(self.py(), unsafe {
            ffi::PyList_Append(self.as_ptr(), item.as_ptr())
        })
    }

    fn insert<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        let item = item
            .into_pyobject(self.py())
            .map_err(Into::into)?
            .into_any()
            .into_bound();
        // SAFETY: attached; the list takes a new reference to the live item.
        check(self.py(), unsafe {
            ffi::PyList_Insert(self.as_ptr(), index as ffi::Py_ssize_t, item.as_ptr())
        })
    }

    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        let item = item
            .into_pyobject(self.py())
            .map_err(Into::into)?
            .into_any()
            .into_bound();
        // SAFETY: attached; PyList_SetItem steals the reference we release to it.
        check(self.py(), unsafe {
            ffi::PyList_SetItem(self.as_ptr(), index as ffi::Py_ssize_t, item.into_ptr())
        })
    }

    fn iter(&self) -> BoundListIterator<'py> {
        BoundListIterator {
            list: self.clone(),
            index: 0,
        }
    }

    fn sort(&self) -> PyResult<()> {
        // SAFETY: attached; the list is alive.
        check(self.py(), unsafe { ffi::PyList_Sort(self.as_ptr()) })
    }

    fn reverse(&self) -> PyResult<()> {
        // SAFETY: attached; the list is alive.
        check(self.py(), unsafe { ffi::PyList_Reverse(self.as_ptr()) })
    }

    fn to_tuple(&self) -> Bound<'py, crate::types::PyTuple> {
        // SAFETY: attached; returns a new tuple reference.
        unsafe {
            ffi::PyList_AsTuple(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }
}

/// Iterator over a list's elements; sees appends and removals made during iteration.
pub struct BoundListIterator<'py> {
    list: Bound<'py, PyList>,
    index: usize,
}

impl<'py> Iterator for BoundListIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.list.len() {
            let item = self.list.get_item(self.index).ok();
            self.index += 1;
            item
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let remaining = self.list.len().saturating_sub(self.index);
        (remaining, Some(remaining))
    }
}

impl<'py> IntoIterator for &Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'py> IntoIterator for Bound<'py, PyList> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundListIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundListIterator {
            list: self,
            index: 0,
        }
    }
}
