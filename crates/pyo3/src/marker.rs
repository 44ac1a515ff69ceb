//! Markers about threads and the interpreter: the `Python` token and `Ungil`.

pub use crate::python::{Python, PythonVersionInfo};

/// Types that may cross a [`Python::detach`] boundary: in this implementation, exactly the
/// `Send` types.
///
/// # Safety
///
/// An implementor must hold nothing that is only valid while the thread is attached
/// (a `Python` token, a `Bound`, a borrowed object pointer).
pub unsafe trait Ungil {}

// SAFETY: `Send` values hold no thread-bound Python state: the token and `Bound` are not
// `Send`.
unsafe impl<T: Send> Ungil for T {}
