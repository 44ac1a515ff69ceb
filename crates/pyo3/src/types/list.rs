//! `PyList`: Python's `list`.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny, PySequence, PySequenceMethods};
use crate::{PyResult, Python};

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
    /// Views the list as a sequence.
    fn as_sequence(&self) -> &Bound<'py, PySequence>;
    /// Converts into a sequence.
    fn into_sequence(self) -> Bound<'py, PySequence>;
    /// `self[index]` without a bounds check.
    ///
    /// # Safety
    ///
    /// `index` must be in range.
    #[cfg(not(any(limited_api_only, Py_GIL_DISABLED)))]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny>;
    /// `self[low:high]` (indices clamped as Python does).
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList>;
    /// `del self[index]`.
    fn del_item(&self, index: usize) -> PyResult<()>;
    /// `self[low:high] = seq`.
    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()>;
    /// `del self[low:high]`.
    fn del_slice(&self, low: usize, high: usize) -> PyResult<()>;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)` (`ValueError` when missing).
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// Calls `closure` on each element (locking the list on free-threaded builds).
    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>;
}

/// Clamps a Rust index into `Py_ssize_t`.
#[inline]
fn ssize(index: usize) -> ffi::Py_ssize_t {
    index.min(ffi::Py_ssize_t::MAX as usize) as ffi::Py_ssize_t
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
        crate::err::error_on_minus_one(self.py(), unsafe {
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
        crate::err::error_on_minus_one(self.py(), unsafe {
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
        crate::err::error_on_minus_one(self.py(), unsafe {
            ffi::PyList_SetItem(self.as_ptr(), index as ffi::Py_ssize_t, item.into_ptr())
        })
    }

    fn iter(&self) -> BoundListIterator<'py> {
        BoundListIterator {
            list: self.clone(),
            index: 0,
            end: None,
        }
    }

    fn sort(&self) -> PyResult<()> {
        // SAFETY: attached; the list is alive.
        crate::err::error_on_minus_one(self.py(), unsafe { ffi::PyList_Sort(self.as_ptr()) })
    }

    fn reverse(&self) -> PyResult<()> {
        // SAFETY: attached; the list is alive.
        crate::err::error_on_minus_one(self.py(), unsafe { ffi::PyList_Reverse(self.as_ptr()) })
    }

    fn to_tuple(&self) -> Bound<'py, crate::types::PyTuple> {
        // SAFETY: attached; returns a new tuple reference.
        unsafe {
            ffi::PyList_AsTuple(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn as_sequence(&self) -> &Bound<'py, PySequence> {
        // SAFETY: every list passes the sequence check.
        unsafe { self.cast_unchecked() }
    }

    fn into_sequence(self) -> Bound<'py, PySequence> {
        // SAFETY: every list passes the sequence check.
        unsafe { self.cast_into_unchecked() }
    }

    #[cfg(not(any(limited_api_only, Py_GIL_DISABLED)))]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range; the slot holds a borrowed
        // reference, of which we take a new one.
        unsafe {
            let item = ffi::PyList_GET_ITEM(self.as_ptr(), index as ffi::Py_ssize_t);
            Bound::from_borrowed_ptr(self.py(), item)
        }
    }

    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyList> {
        // SAFETY: attached; PyList_GetSlice clamps the bounds and returns a new list.
        unsafe {
            ffi::PyList_GetSlice(self.as_ptr(), ssize(low), ssize(high))
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn del_item(&self, index: usize) -> PyResult<()> {
        self.as_sequence().del_item(index)
    }

    fn set_slice(&self, low: usize, high: usize, seq: &Bound<'_, PyAny>) -> PyResult<()> {
        // SAFETY: attached; both objects are alive.
        crate::err::error_on_minus_one(self.py(), unsafe {
            ffi::PyList_SetSlice(self.as_ptr(), ssize(low), ssize(high), seq.as_ptr())
        })
    }

    fn del_slice(&self, low: usize, high: usize) -> PyResult<()> {
        // SAFETY: attached; a NULL replacement deletes the slice.
        crate::err::error_on_minus_one(self.py(), unsafe {
            ffi::PyList_SetSlice(self.as_ptr(), ssize(low), ssize(high), std::ptr::null_mut())
        })
    }

    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        self.as_sequence().contains(value)
    }

    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        self.as_sequence().index(value)
    }

    fn locked_for_each<F>(&self, closure: F) -> PyResult<()>
    where
        F: Fn(Bound<'py, PyAny>) -> PyResult<()>,
    {
        for item in self {
            closure(item)?;
        }
        Ok(())
    }
}

/// Iterator over a list's elements; sees appends and removals made during iteration.
pub struct BoundListIterator<'py> {
    list: Bound<'py, PyList>,
    index: usize,
    /// One past the last index still to be produced from the back; `None` until
    /// `next_back` is first used, so that appends stay visible to forward iteration.
    end: Option<usize>,
}

impl<'py> BoundListIterator<'py> {
    fn limit(&self) -> usize {
        let len = self.list.len();
        self.end.map_or(len, |end| end.min(len))
    }

    fn remaining(&self) -> usize {
        self.limit().saturating_sub(self.index)
    }
}

impl<'py> Iterator for BoundListIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.limit() {
            let item = self.list.get_item(self.index).ok();
            self.index += 1;
            item
        } else {
            // Once exhausted, stay exhausted even if the list grows (`FusedIterator`).
            self.end = Some(self.index);
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let remaining = self.remaining();
        (remaining, Some(remaining))
    }

    /// Skips `n` elements by index, without fetching them.
    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.index = self.index.saturating_add(n).min(self.limit());
        self.next()
    }

    #[inline]
    fn count(self) -> usize {
        self.remaining()
    }

    /// The element before the end, fetched directly.
    fn last(mut self) -> Option<Self::Item> {
        self.next_back()
    }
}

impl DoubleEndedIterator for BoundListIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        let end = self.limit();
        if self.index < end {
            self.end = Some(end - 1);
            self.list.get_item(end - 1).ok()
        } else {
            self.end = Some(self.index);
            None
        }
    }

    /// Skips `n` elements from the back by index, without fetching them.
    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {
        let end = self.limit().saturating_sub(n).max(self.index);
        self.end = Some(end);
        self.next_back()
    }
}

impl ExactSizeIterator for BoundListIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.remaining()
    }
}

impl std::iter::FusedIterator for BoundListIterator<'_> {}

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
            end: None,
        }
    }
}
