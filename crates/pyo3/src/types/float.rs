//! `PyFloat`: Python's `float`, and its comparisons with Rust floats.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::native_type;
use crate::Python;

native_type!(
    /// Python's `float`.
    PyFloat, PyFloat_Type, ffi::PyFloat_Check, Some("builtins")
);

impl PyFloat {
    /// A new float.
    pub fn new(py: Python<'_>, val: f64) -> Bound<'_, PyFloat> {
        // SAFETY: attached; returns a new reference (NULL only on memory exhaustion).
        unsafe {
            ffi::PyFloat_FromDouble(val)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyFloat>`.
pub trait PyFloatMethods<'py> {
    /// The value as `f64`.
    fn value(&self) -> f64;
}

impl<'py> PyFloatMethods<'py> for Bound<'py, PyFloat> {
    fn value(&self) -> f64 {
        // SAFETY: attached; a float object always converts without error.
        unsafe { ffi::PyFloat_AsDouble(self.as_ptr()) }
    }
}

// The comparisons with Rust floats read the value (`PyFloatMethods::value`) and compare it
// as an `f64`, or, against an `f32`, after rounding it to `f32`, so Python's `0.1` equals
// `0.1_f32`. This is not Python's `==` (which would compare `0.1` with the f32 widened
// back to f64, and find them unequal).
macro_rules! float_eq {
    ($($t:ty),*) => {$(
        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<$t> for Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                self.value() as $t == *other
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<&$t> for Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &&$t) -> bool {
                self.value() as $t == **other
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<$t> for &Bound<'_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                self.value() as $t == *other
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<$t> for Borrowed<'_, '_, PyFloat> {
            #[inline]
            fn eq(&self, other: &$t) -> bool {
                self.value() as $t == *other
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<&$t> for Borrowed<'_, '_, PyFloat> {
            #[inline]
            fn eq(&self, other: &&$t) -> bool {
                self.value() as $t == **other
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<Bound<'_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyFloat>) -> bool {
                *self == other.value() as $t
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<&Bound<'_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &&Bound<'_, PyFloat>) -> bool {
                *self == other.value() as $t
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<Bound<'_, PyFloat>> for &$t {
            #[inline]
            fn eq(&self, other: &Bound<'_, PyFloat>) -> bool {
                **self == other.value() as $t
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<Borrowed<'_, '_, PyFloat>> for $t {
            #[inline]
            fn eq(&self, other: &Borrowed<'_, '_, PyFloat>) -> bool {
                *self == other.value() as $t
            }
        }

        /// Compares the value, read as `f64` and converted to the Rust type (rounded, for
        /// `f32`); NaN equals nothing.
        impl PartialEq<Borrowed<'_, '_, PyFloat>> for &$t {
            #[inline]
            fn eq(&self, other: &Borrowed<'_, '_, PyFloat>) -> bool {
                **self == other.value() as $t
            }
        }
    )*};
}

float_eq!(f64, f32);
