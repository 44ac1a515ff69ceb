//! `PyInt`: Python's `int`.

use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::instance::Bound;
use crate::types::native_type;
use crate::Python;

native_type!(
    /// Python's `int`.
    PyInt, PyLong_Type, ffi::PyLong_Check, Some("builtins")
);

/// The name PyO3 used before 0.23 for [`PyInt`].
#[deprecated(since = "0.23.0", note = "use `PyInt` instead")]
pub type PyLong = PyInt;

impl PyInt {
    /// A new int from any Rust integer.
    pub fn new<'py, T>(py: Python<'py>, value: T) -> Bound<'py, PyInt>
    where
        T: IntoPyObject<
            'py,
            Target = PyInt,
            Output = Bound<'py, PyInt>,
            Error = std::convert::Infallible,
        >,
    {
        match value.into_pyobject(py) {
            Ok(v) => v,
            Err(never) => match never {},
        }
    }
}
