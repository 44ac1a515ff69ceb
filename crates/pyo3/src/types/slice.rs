//! `PySlice`: Python's `slice` objects, and resolving them against a length.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::native_type;
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `slice`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PySlice, PySliceMethods};
    /// Python::attach(|py| {
    ///     let s = PySlice::new(py, 1, -1, 2);
    ///     let i = s.indices(10).unwrap();
    ///     assert_eq!((i.start, i.stop, i.step, i.slicelength), (1, 9, 2, 4));
    /// });
    /// ```
    PySlice, PySlice_Type, ffi::PySlice_Check, Some("builtins")
);

/// A slice resolved against a sequence length (`slice.indices(len)` plus the number of
/// selected items).
#[derive(Debug, Eq, PartialEq)]
pub struct PySliceIndices {
    /// First index.
    pub start: isize,
    /// Index to stop before.
    pub stop: isize,
    /// Step between indices.
    pub step: isize,
    /// How many items the slice selects.
    pub slicelength: usize,
}

impl PySliceIndices {
    /// Indices with a slice length of zero.
    pub fn new(start: isize, stop: isize, step: isize) -> PySliceIndices {
        PySliceIndices {
            start,
            stop,
            step,
            slicelength: 0,
        }
    }
}

impl PySlice {
    /// `slice(start, stop, step)`.
    pub fn new(py: Python<'_>, start: isize, stop: isize, step: isize) -> Bound<'_, PySlice> {
        // SAFETY: attached; PySlice_New takes new references from the three ints (so we
        // keep ours and let them drop) and returns a new reference.
        unsafe {
            let start = ffi::PyLong_FromSsize_t(start).assume_owned(py);
            let stop = ffi::PyLong_FromSsize_t(stop).assume_owned(py);
            let step = ffi::PyLong_FromSsize_t(step).assume_owned(py);
            ffi::PySlice_New(start.as_ptr(), stop.as_ptr(), step.as_ptr())
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// `slice(None)`, i.e. `[::]`.
    pub fn full(py: Python<'_>) -> Bound<'_, PySlice> {
        // SAFETY: attached; NULL bounds stand for None; returns a new reference.
        unsafe {
            ffi::PySlice_New(
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
            .assume_owned(py)
            .cast_into_unchecked()
        }
    }
}

/// `slice(start, stop, step)` with the resolved indices.
impl<'py> crate::conversion::IntoPyObject<'py> for PySliceIndices {
    type Target = PySlice;
    type Output = Bound<'py, PySlice>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PySlice::new(py, self.start, self.stop, self.step))
    }
}

/// `slice(start, stop, step)` with the resolved indices.
impl<'py> crate::conversion::IntoPyObject<'py> for &PySliceIndices {
    type Target = PySlice;
    type Output = Bound<'py, PySlice>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(PySlice::new(py, self.start, self.stop, self.step))
    }
}

/// `slice(range.start, range.stop, range.step)`: the slice that selects what the range
/// counts. Fails (`OverflowError`) when a bound does not fit in an `isize`.
impl<'py> TryFrom<Bound<'py, crate::types::PyRange>> for Bound<'py, PySlice> {
    type Error = PyErr;

    fn try_from(range: Bound<'py, crate::types::PyRange>) -> Result<Self, Self::Error> {
        use crate::types::PyRangeMethods;
        let (start, stop, step) = (range.start()?, range.stop()?, range.step()?);
        Ok(PySlice::new(range.py(), start, stop, step))
    }
}

/// Methods of `Bound<PySlice>`.
pub trait PySliceMethods<'py> {
    /// Resolves the slice against a sequence of `length` items (`ValueError` for a zero
    /// step).
    fn indices(&self, length: isize) -> PyResult<PySliceIndices>;
}

impl<'py> PySliceMethods<'py> for Bound<'py, PySlice> {
    fn indices(&self, length: isize) -> PyResult<PySliceIndices> {
        let (mut start, mut stop, mut step) = (0, 0, 0);
        // SAFETY: attached; the slice is alive; the out-pointers are valid locals.
        let rc = unsafe { ffi::PySlice_Unpack(self.as_ptr(), &mut start, &mut stop, &mut step) };
        if rc == -1 {
            return Err(PyErr::fetch(self.py()));
        }
        // SAFETY: plain arithmetic on the unpacked values.
        let slicelength =
            unsafe { ffi::PySlice_AdjustIndices(length, &mut start, &mut stop, step) };
        Ok(PySliceIndices {
            start,
            stop,
            step,
            slicelength: slicelength as usize,
        })
    }
}
