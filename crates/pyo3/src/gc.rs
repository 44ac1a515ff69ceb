//! What `__traverse__` implementations name: the garbage collector's visitor and its error.

pub use crate::pyclass::{PyTraverseError, PyVisit};
