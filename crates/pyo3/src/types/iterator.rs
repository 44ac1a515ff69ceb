//! `PyIterator`: Python iterators, iterated from Rust.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::PyAny;
use crate::{PyErr, PyResult, Python};

/// A Python iterator object.
///
/// ```
/// use pyo3::prelude::*;
/// Python::attach(|py| {
///     let range = py.eval(c"range(3)", None, None).unwrap();
///     let items: Vec<i64> = range.try_iter().unwrap().map(|x| x.unwrap().extract().unwrap()).collect();
///     assert_eq!(items, [0, 1, 2]);
/// });
/// ```
#[repr(transparent)]
pub struct PyIterator(PyAny);

impl crate::instance::DerefToPyAny for PyIterator {}

impl crate::type_object::PyTypeCheck for PyIterator {
    const NAME: &'static str = "Iterator";

    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        #[cfg(any(Py_3_8, not(Py_LIMITED_API)))]
        {
            // SAFETY: attached; the object is alive.
            unsafe { ffi::PyIter_Check(object.as_ptr()) != 0 }
        }
        // The 3.7 limited API has no iterator check: look for `__next__` on the type, as
        // the C macro looks for its slot.
        #[cfg(all(not(Py_3_8), Py_LIMITED_API))]
        {
            use crate::types::PyAnyMethods;
            object
                .get_type()
                .hasattr(crate::intern!(object.py(), "__next__"))
                .unwrap_or(false)
        }
    }
}

impl PyIterator {
    /// `iter(obj)`.
    pub fn from_object<'py>(obj: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
        // SAFETY: attached; returns a new iterator reference or NULL.
        unsafe {
            ffi::PyObject_GetIter(obj.as_ptr())
                .assume_owned_or_err(obj.py())
                .map(|i| i.cast_into_unchecked())
        }
    }
}

impl<'py> Iterator for Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;

    fn next(&mut self) -> Option<Self::Item> {
        let py: Python<'py> = self.py();
        // SAFETY: attached; PyIter_Next returns a new reference, or NULL at the end (no
        // error set) or on failure (error set).
        match unsafe { ffi::PyIter_Next(self.as_ptr()).assume_owned_or_opt(py) } {
            Some(item) => Some(Ok(item)),
            None => PyErr::take(py).map(Err),
        }
    }
}
