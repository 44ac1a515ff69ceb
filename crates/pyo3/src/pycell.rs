//! The run-time borrow guards of `#[pyclass]` values and their errors, at the path PyO3
//! users import them from (`pyo3::pycell`). They are defined in [`crate::pyclass`].

pub use crate::pyclass::{PyBorrowError, PyBorrowMutError, PyRef, PyRefMut};
