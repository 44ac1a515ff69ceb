//! `PyRange`: Python's `range` objects, and reading back their bounds.

use crate::ffi;
use crate::instance::Bound;
use crate::types::{native_type, PyAnyMethods};
use crate::{PyResult, Python};

native_type!(
    /// Python's `range`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyRange, PyRangeMethods};
    /// Python::attach(|py| {
    ///     let r = PyRange::new_with_step(py, 0, 10, 3).unwrap();
    ///     assert_eq!(r.len().unwrap(), 4);
    ///     assert_eq!(r.step().unwrap(), 3);
    /// });
    /// ```
    PyRange, PyRange_Type, ffi::PyRange_Check, Some("builtins")
);

impl<'py> PyRange {
    /// `range(start, stop)`.
    pub fn new(py: Python<'py>, start: isize, stop: isize) -> PyResult<Bound<'py, Self>> {
        Self::new_with_step(py, start, stop, 1)
    }

    /// `range(start, stop, step)`.
    ///
    /// # Errors
    ///
    /// `ValueError` if `step` is zero.
    pub fn new_with_step(
        py: Python<'py>,
        start: isize,
        stop: isize,
        step: isize,
    ) -> PyResult<Bound<'py, Self>> {
        // SAFETY: attached; the type object is static; calling it returns a new range
        // reference or NULL with an exception set.
        let range_type = unsafe {
            Bound::from_borrowed_ptr(py, std::ptr::addr_of_mut!(ffi::PyRange_Type).cast())
        };
        let range = range_type.call1((start, stop, step))?;
        // SAFETY: calling `range` makes a range object.
        Ok(unsafe { range.cast_into_unchecked() })
    }
}

/// Methods of `Bound<PyRange>`.
pub trait PyRangeMethods<'py> {
    /// `self.start`.
    fn start(&self) -> PyResult<isize>;
    /// `self.stop`.
    fn stop(&self) -> PyResult<isize>;
    /// `self.step`.
    fn step(&self) -> PyResult<isize>;
}

fn attribute(range: &Bound<'_, PyRange>, name: &str) -> PyResult<isize> {
    range.as_any().getattr(name)?.extract()
}

impl<'py> PyRangeMethods<'py> for Bound<'py, PyRange> {
    fn start(&self) -> PyResult<isize> {
        attribute(self, "start")
    }

    fn stop(&self) -> PyResult<isize> {
        attribute(self, "stop")
    }

    fn step(&self) -> PyResult<isize> {
        attribute(self, "step")
    }
}
