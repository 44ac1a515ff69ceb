//! PyO3's older paths for the items `#[pymethods]` protocols use (`pyo3::class::basic`,
//! `pyo3::class::gc`), kept so that code naming them still compiles.

pub use crate::pyclass::{PyTraverseError, PyVisit};

/// The rich-comparison operator.
pub mod basic {
    pub use crate::pyclass::CompareOp;
}

/// The garbage collector's visitor and its error.
pub mod gc {
    pub use crate::pyclass::{PyTraverseError, PyVisit};
}
