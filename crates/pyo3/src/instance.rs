//! The three smart pointers to Python objects: `Bound<'py, T>` (owned, attached),
//! `Borrowed<'a, 'py, T>` (borrowed, attached) and `Py<T>` (owned, detached from any
//! thread). Each strong reference belongs to exactly one of them.

mod borrowed;
mod bound;
mod py;
mod pyclass_access;

pub use borrowed::Borrowed;
pub use bound::{Bound, DerefToPyAny};
pub use py::Py;

/// A reference to any Python object that is not bound to a thread.
#[deprecated(since = "0.26.0", note = "use `Py<PyAny>` instead")]
pub type PyObject = Py<crate::types::PyAny>;
