//! `PyTuple`: Python's `tuple`, and the conversions between Rust tuples and Python tuples.

use crate::conversion::{BoundObject, FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{native_type, PyAny, PySequence, PySequenceMethods};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `tuple`.
    PyTuple, PyTuple_Type, ffi::PyTuple_Check, Some("builtins")
);

impl PyTuple {
    /// A new tuple with the given elements.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyTuple;
    /// Python::attach(|py| {
    ///     let t = PyTuple::new(py, [1, 2, 3]).unwrap();
    ///     assert_eq!(t.repr().unwrap().to_str().unwrap(), "(1, 2, 3)");
    /// });
    /// ```
    pub fn new<'py, T, U>(
        py: Python<'py>,
        elements: impl IntoIterator<Item = T, IntoIter = U>,
    ) -> PyResult<Bound<'py, PyTuple>>
    where
        T: IntoPyObject<'py>,
        U: ExactSizeIterator<Item = T>,
    {
        let iter = elements.into_iter();
        let len = iter.len();
        // SAFETY: attached; returns a new tuple with `len` NULL slots, each filled below
        // exactly once before the tuple is used.
        let tuple = unsafe { ffi::PyTuple_New(len as ffi::Py_ssize_t).assume_owned(py) };
        let mut filled = 0;
        for (i, element) in iter.enumerate() {
            assert!(
                i < len,
                "iterator yielded more elements than its reported length"
            );
            let obj = element
                .into_pyobject(py)
                .map_err(Into::into)?
                .into_any()
                .into_bound();
            // SAFETY: the slot is in range and empty; PyTuple_SetItem steals the reference.
            unsafe { ffi::PyTuple_SetItem(tuple.as_ptr(), i as ffi::Py_ssize_t, obj.into_ptr()) };
            filled += 1;
        }
        assert_eq!(
            filled, len,
            "iterator yielded fewer elements than its reported length"
        );
        // SAFETY: it is a tuple.
        Ok(unsafe { tuple.cast_into_unchecked() })
    }

    /// The empty tuple.
    pub fn empty(py: Python<'_>) -> Bound<'_, PyTuple> {
        // SAFETY: attached; returns a new reference to the (shared) empty tuple.
        unsafe { ffi::PyTuple_New(0).assume_owned(py).cast_into_unchecked() }
    }

    /// A tuple holding new references to the given live objects.
    pub(crate) fn from_borrowed_ptrs<'py>(
        py: Python<'py>,
        items: &[*mut ffi::PyObject],
    ) -> Bound<'py, PyTuple> {
        // SAFETY: attached; the tuple is created with exactly `items.len()` slots, each
        // set once with a new reference to a live object.
        unsafe {
            let tuple = ffi::PyTuple_New(items.len() as ffi::Py_ssize_t).assume_owned(py);
            for (i, &item) in items.iter().enumerate() {
                ffi::Py_INCREF(item);
                ffi::PyTuple_SetItem(tuple.as_ptr(), i as ffi::Py_ssize_t, item);
            }
            tuple.cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyTuple>`.
pub trait PyTupleMethods<'py> {
    /// The number of elements.
    fn len(&self) -> usize;
    /// Whether the tuple is empty.
    fn is_empty(&self) -> bool;
    /// `self[index]`, an `IndexError` when out of range.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[index]` without a new reference.
    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>>;
    /// Iterates over the elements.
    fn iter(&self) -> BoundTupleIterator<'py>;
    /// `list(self)`.
    fn to_list(&self) -> Bound<'py, crate::types::PyList>;
    /// Views the tuple as a sequence.
    fn as_sequence(&self) -> &Bound<'py, PySequence>;
    /// Converts into a sequence.
    fn into_sequence(self) -> Bound<'py, PySequence>;
    /// `self[low:high]` (indices clamped as Python does).
    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple>;
    /// `self[index]` without a bounds check.
    ///
    /// # Safety
    ///
    /// `index` must be in range.
    #[cfg(not(limited_api_only))]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny>;
    /// `self[index]` without a bounds check or a new reference.
    ///
    /// # Safety
    ///
    /// `index` must be in range.
    #[cfg(not(limited_api_only))]
    unsafe fn get_borrowed_item_unchecked<'a>(&'a self, index: usize) -> Borrowed<'a, 'py, PyAny>;
    /// The elements as a slice of smart pointers.
    #[cfg(not(limited_api_only))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>];
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)` (`ValueError` when missing).
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// Iterates over borrowed elements (no reference-count traffic).
    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py>;
}

impl<'py> PyTupleMethods<'py> for Bound<'py, PyTuple> {
    fn len(&self) -> usize {
        // SAFETY: attached; the tuple is alive.
        unsafe { ffi::PyTuple_Size(self.as_ptr()) as usize }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        self.get_borrowed_item(index).map(Borrowed::to_owned)
    }

    fn get_borrowed_item<'a>(&'a self, index: usize) -> PyResult<Borrowed<'a, 'py, PyAny>> {
        // SAFETY: attached; the item is owned by the tuple, which `self` keeps alive for 'a;
        // NULL comes with IndexError set.
        unsafe {
            ffi::PyTuple_GetItem(self.as_ptr(), index as ffi::Py_ssize_t)
                .assume_borrowed_or_err(self.py())
        }
    }

    fn iter(&self) -> BoundTupleIterator<'py> {
        BoundTupleIterator {
            len: self.len(),
            tuple: self.clone(),
            index: 0,
        }
    }

    fn to_list(&self) -> Bound<'py, crate::types::PyList> {
        // SAFETY: attached; PySequence_List returns a new list reference.
        unsafe {
            ffi::PySequence_List(self.as_ptr())
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    fn as_sequence(&self) -> &Bound<'py, PySequence> {
        // SAFETY: every tuple passes the sequence check.
        unsafe { self.cast_unchecked() }
    }

    fn into_sequence(self) -> Bound<'py, PySequence> {
        // SAFETY: every tuple passes the sequence check.
        unsafe { self.cast_into_unchecked() }
    }

    fn get_slice(&self, low: usize, high: usize) -> Bound<'py, PyTuple> {
        let clamp = |i: usize| i.min(ffi::Py_ssize_t::MAX as usize) as ffi::Py_ssize_t;
        // SAFETY: attached; PyTuple_GetSlice clamps the bounds and returns a new tuple.
        unsafe {
            ffi::PyTuple_GetSlice(self.as_ptr(), clamp(low), clamp(high))
                .assume_owned(self.py())
                .cast_into_unchecked()
        }
    }

    #[cfg(not(limited_api_only))]
    unsafe fn get_item_unchecked(&self, index: usize) -> Bound<'py, PyAny> {
        // SAFETY: forwarded from the caller.
        unsafe { self.get_borrowed_item_unchecked(index) }.to_owned()
    }

    #[cfg(not(limited_api_only))]
    unsafe fn get_borrowed_item_unchecked<'a>(&'a self, index: usize) -> Borrowed<'a, 'py, PyAny> {
        // SAFETY: the caller guarantees the index is in range; the tuple owns the item
        // and `self` keeps the tuple alive for 'a.
        unsafe {
            Borrowed::from_ptr(
                self.py(),
                ffi::PyTuple_GET_ITEM(self.as_ptr(), index as ffi::Py_ssize_t),
            )
        }
    }

    #[cfg(not(limited_api_only))]
    fn as_slice(&self) -> &[Bound<'py, PyAny>] {
        let len = self.len();
        if len == 0 {
            return &[];
        }
        // SAFETY: a tuple's items are a contiguous array of non-NULL object pointers that
        // lives (unchanged) as long as the tuple; `Bound<PyAny>` has the layout of one
        // pointer (a zero-sized token plus a `repr(transparent)` pointer), and the slice
        // borrows `self`, so none of them is dropped through it.
        unsafe {
            let first = std::ptr::addr_of!((*self.as_ptr().cast::<ffi::PyTupleObject>()).ob_item)
                .cast::<Bound<'py, PyAny>>();
            std::slice::from_raw_parts(first, len)
        }
    }

    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        self.as_sequence().contains(value)
    }

    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        self.as_sequence().index(value)
    }

    fn iter_borrowed<'a>(&'a self) -> BorrowedTupleIterator<'a, 'py> {
        BorrowedTupleIterator {
            tuple: self,
            index: 0,
            length: self.len(),
        }
    }
}

/// Iterator over borrowed elements of a tuple.
pub struct BorrowedTupleIterator<'a, 'py> {
    tuple: &'a Bound<'py, PyTuple>,
    index: usize,
    length: usize,
}

impl<'a, 'py> Iterator for BorrowedTupleIterator<'a, 'py> {
    type Item = Borrowed<'a, 'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.length {
            let item = self.tuple.get_borrowed_item(self.index).ok();
            self.index += 1;
            item
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.length - self.index;
        (n, Some(n))
    }

    /// Skips `n` elements by index, without reading them.
    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.index = self.index.saturating_add(n).min(self.length);
        self.next()
    }

    #[inline]
    fn count(self) -> usize {
        self.length - self.index
    }

    /// The last element, read directly.
    fn last(mut self) -> Option<Self::Item> {
        self.next_back()
    }
}

impl DoubleEndedIterator for BorrowedTupleIterator<'_, '_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.index < self.length {
            self.length -= 1;
            self.tuple.get_borrowed_item(self.length).ok()
        } else {
            None
        }
    }

    /// Skips `n` elements from the back by index, without reading them.
    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {
        self.length = self.length.saturating_sub(n).max(self.index);
        self.next_back()
    }
}

impl ExactSizeIterator for BorrowedTupleIterator<'_, '_> {
    #[inline]
    fn len(&self) -> usize {
        self.length - self.index
    }
}

impl std::iter::FusedIterator for BorrowedTupleIterator<'_, '_> {}

/// Iterator over a tuple's elements.
pub struct BoundTupleIterator<'py> {
    tuple: Bound<'py, PyTuple>,
    index: usize,
    len: usize,
}

impl<'py> Iterator for BoundTupleIterator<'py> {
    type Item = Bound<'py, PyAny>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.index < self.len {
            let item = self.tuple.get_item(self.index).ok();
            self.index += 1;
            item
        } else {
            None
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len - self.index, Some(self.len - self.index))
    }

    /// Skips `n` elements by index, without fetching them.
    fn nth(&mut self, n: usize) -> Option<Self::Item> {
        self.index = self.index.saturating_add(n).min(self.len);
        self.next()
    }

    #[inline]
    fn count(self) -> usize {
        self.len - self.index
    }

    /// The last element, fetched directly.
    fn last(mut self) -> Option<Self::Item> {
        self.next_back()
    }
}

impl DoubleEndedIterator for BoundTupleIterator<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.index < self.len {
            self.len -= 1;
            self.tuple.get_item(self.len).ok()
        } else {
            None
        }
    }

    /// Skips `n` elements from the back by index, without fetching them.
    fn nth_back(&mut self, n: usize) -> Option<Self::Item> {
        self.len = self.len.saturating_sub(n).max(self.index);
        self.next_back()
    }
}

impl ExactSizeIterator for BoundTupleIterator<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.len - self.index
    }
}

impl std::iter::FusedIterator for BoundTupleIterator<'_> {}

impl<'py> IntoIterator for Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        BoundTupleIterator {
            len: self.len(),
            tuple: self,
            index: 0,
        }
    }
}

impl<'py> IntoIterator for &Bound<'py, PyTuple> {
    type Item = Bound<'py, PyAny>;
    type IntoIter = BoundTupleIterator<'py>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn wrong_tuple_length(t: &Bound<'_, PyTuple>, expected: usize) -> PyErr {
    PyValueError::new_err(format!(
        "expected tuple of length {}, but got tuple of length {}",
        expected,
        t.len()
    ))
}

macro_rules! tuple_conversions {
    ($len:expr; $($n:tt $T:ident),+) => {
        impl<'py, $($T),+> IntoPyObject<'py> for ($($T,)+)
        where
            $($T: IntoPyObject<'py>,)+
        {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                let items = ($(self.$n.into_pyobject(py).map_err(Into::into)?.into_any().into_bound(),)+);
                Ok(PyTuple::from_borrowed_ptrs(py, &[$(items.$n.as_ptr()),+]))
            }
        }

        impl<'a, 'py, $($T),+> IntoPyObject<'py> for &'a ($($T,)+)
        where
            $(&'a $T: IntoPyObject<'py>,)+
        {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                let items = ($((&self.$n).into_pyobject(py).map_err(Into::into)?.into_any().into_bound(),)+);
                Ok(PyTuple::from_borrowed_ptrs(py, &[$(items.$n.as_ptr()),+]))
            }
        }

        impl<'a, 'py, $($T),+> FromPyObject<'a, 'py> for ($($T,)+)
        where
            $($T: crate::conversion::FromPyObjectOwned<'py>,)+
        {
            type Error = PyErr;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
                let t = obj.cast::<PyTuple>()?;
                if t.len() != $len {
                    return Err(wrong_tuple_length(&t, $len));
                }
                Ok(($(t.get_borrowed_item($n)?.extract::<$T>().map_err(Into::into)?,)+))
            }
        }
    };
}

tuple_conversions!(1; 0 T0);
tuple_conversions!(2; 0 T0, 1 T1);
tuple_conversions!(3; 0 T0, 1 T1, 2 T2);
tuple_conversions!(4; 0 T0, 1 T1, 2 T2, 3 T3);
tuple_conversions!(5; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4);
tuple_conversions!(6; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5);
tuple_conversions!(7; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6);
tuple_conversions!(8; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7);
tuple_conversions!(9; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8);
tuple_conversions!(10; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9);
tuple_conversions!(11; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9, 10 T10);
tuple_conversions!(12; 0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9, 10 T10, 11 T11);

impl<'py> IntoPyObject<'py> for () {
    type Target = PyTuple;
    type Output = Bound<'py, PyTuple>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PyTuple::empty(py))
    }
}
