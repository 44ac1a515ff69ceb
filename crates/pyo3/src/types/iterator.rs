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

// SAFETY: an iterator is used only through `PyIter_Next`, which any object's layout
// supports; the type object (`collections.abc.Iterator`) is kept alive by a static cell.
unsafe impl crate::type_object::PyTypeInfo for PyIterator {
    const NAME: &'static str = "PyIterator";
    const MODULE: Option<&'static str> = Some("collections.abc");

    /// `collections.abc.Iterator`, imported once.
    ///
    /// # Panics
    ///
    /// When `collections.abc` cannot be imported.
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        static ITERATOR_ABC: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
            crate::sync::PyOnceLock::new();
        crate::types::mapping::abc_type(py, &ITERATOR_ABC, "Iterator")
            .expect("collections.abc.Iterator could not be imported")
            .as_ptr()
            .cast()
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        #[cfg(any(Py_3_8, not(limited_api_only)))]
        {
            // SAFETY: attached; the object is alive.
            unsafe { ffi::PyIter_Check(object.as_ptr()) != 0 }
        }
        // The 3.7 limited API has no iterator check: look for `__next__` on the type, as
        // the C macro looks for its slot.
        #[cfg(all(not(Py_3_8), limited_api_only))]
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

    /// The lower bound is `operator.length_hint(self)` (0 when it fails).
    #[cfg(not(limited_api_only))]
    fn size_hint(&self) -> (usize, Option<usize>) {
        // SAFETY: attached; the iterator is alive; returns the hint, the default, or -1
        // with an error set.
        let hint = unsafe { ffi::PyObject_LengthHint(self.as_ptr(), 0) };
        if hint < 0 {
            // SAFETY: attached; discards the error raised by `__length_hint__`.
            unsafe { ffi::PyErr_Clear() };
        }
        (usize::try_from(hint).unwrap_or(0), None)
    }
}

/// What [`Bound<PyIterator>::send`] produced: the next yielded value, or the value the
/// generator returned when it finished.
#[cfg(all(not(PyPy), Py_3_10))]
#[derive(Debug)]
pub enum PySendResult<'py> {
    /// The iterator yielded this value.
    Next(Bound<'py, PyAny>),
    /// The iterator finished, returning this value (`None` for a plain `return`).
    Return(Bound<'py, PyAny>),
}

/// Iterates a new reference to the same iterator: advancing it advances this one too.
impl<'py> IntoIterator for &Bound<'py, PyIterator> {
    type Item = PyResult<Bound<'py, PyAny>>;
    type IntoIter = Bound<'py, PyIterator>;

    fn into_iter(self) -> Self::IntoIter {
        self.clone()
    }
}

#[cfg(all(not(PyPy), Py_3_10))]
impl<'py> Bound<'py, PyIterator> {
    /// Sends `value` into the iterator (`generator.send(value)`, or `next()` for plain
    /// iterators when `value` is `None`), without turning the generator's return into a
    /// `StopIteration` exception.
    pub fn send(&self, value: &Bound<'py, PyAny>) -> PyResult<PySendResult<'py>> {
        let py = self.py();
        let mut result = std::ptr::null_mut();
        // SAFETY: attached; both objects are alive; `result` receives a new reference
        // for NEXT and RETURN, and stays unset for ERROR.
        let status = unsafe { ffi::PyIter_Send(self.as_ptr(), value.as_ptr(), &mut result) };
        match status {
            ffi::PySendResult::PYGEN_NEXT => {
                // SAFETY: PyIter_Send stored a new reference in `result`.
                Ok(PySendResult::Next(unsafe { result.assume_owned(py) }))
            }
            ffi::PySendResult::PYGEN_RETURN => {
                // SAFETY: PyIter_Send stored a new reference in `result`.
                Ok(PySendResult::Return(unsafe { result.assume_owned(py) }))
            }
            ffi::PySendResult::PYGEN_ERROR => Err(PyErr::fetch(py)),
        }
    }
}
