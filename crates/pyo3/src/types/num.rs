//! `PyInt`: Python's `int`, and its comparisons with Rust integers.

use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::instance::Bound;
use crate::types::{native_type, PyAnyMethods};
use crate::{PyErr, Python};

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

/// The value of an int when it fits in `i64`, read without raising: `None` for anything
/// larger in magnitude.
fn small_value(int: &Bound<'_, PyInt>) -> Option<i64> {
    let mut overflow: std::os::raw::c_int = 0;
    // SAFETY: attached; the object is a live int (or int subclass), whose digits CPython
    // reads directly, without calling `__index__`; a value out of range is reported
    // through `overflow` instead of an exception.
    let value = unsafe { ffi::PyLong_AsLongLongAndOverflow(int.as_ptr(), &mut overflow) };
    if overflow != 0 {
        return None;
    }
    // An int never fails here; if something did, take the error so none stays set.
    if value == -1 && PyErr::take(int.py()).is_some() {
        return None;
    }
    Some(value)
}

/// Compares an int with a Rust integer by value. The common case (both fit in `i64`)
/// reads the int in place; only when both lie outside `i64` does it go through the
/// ordinary extraction, and an int too large for the Rust type is then simply unequal
/// (its `OverflowError` is dropped, so none stays set).
macro_rules! int_eq {
    ($($t:ty),*) => {$(
        /// Compares the value mathematically (not Python's `==`, so an int subclass's
        /// `__eq__` is not consulted); an int out of the range of the Rust type is unequal.
        impl PartialEq<$t> for Bound<'_, PyInt> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                match (small_value(self), i64::try_from(*other)) {
                    (Some(value), Ok(other)) => value == other,
                    // One side fits in `i64` and the other does not.
                    (Some(_), Err(_)) | (None, Ok(_)) => false,
                    (None, Err(_)) => self.extract::<$t>().is_ok_and(|value| value == *other),
                }
            }
        }

        /// Compares the value mathematically; see `PartialEq<i64> for Bound<PyInt>`.
        impl PartialEq<Bound<'_, PyInt>> for $t {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyInt>) -> bool {
                other == self
            }
        }
    )*};
}

int_eq!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
