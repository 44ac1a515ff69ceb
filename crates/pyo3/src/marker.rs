//! Markers about threads and the interpreter: the `Python` token and `Ungil`.

pub use crate::python::{Python, PythonVersionInfo};

/// Types that may cross a [`Python::detach`] boundary: in this implementation, exactly the
/// `Send` types.
pub trait Ungil {}

impl<T: Send> Ungil for T {}
