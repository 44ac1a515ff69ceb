//! `PyBool`: Python's `True` and `False`.

use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::native_type;
use crate::Python;

native_type!(
    /// Python's `bool`.
    PyBool, PyBool_Type, ffi::PyBool_Check, Some("builtins")
);

impl PyBool {
    /// `True` or `False`, borrowed from the interpreter's singletons.
    #[inline]
    pub fn new(py: Python<'_>, val: bool) -> Borrowed<'_, '_, PyBool> {
        // SAFETY: Py_True/Py_False are immortal (or static) singletons.
        unsafe {
            let ptr = if val { ffi::Py_True() } else { ffi::Py_False() };
            Borrowed::from_ptr(py, ptr).cast_unchecked()
        }
    }
}

/// Methods of `Bound<PyBool>`.
pub trait PyBoolMethods<'py> {
    /// The Rust value.
    fn is_true(&self) -> bool;
}

impl<'py> PyBoolMethods<'py> for Bound<'py, PyBool> {
    #[inline]
    fn is_true(&self) -> bool {
        // SAFETY: `Py_True` returns the address of the static True object.
        self.as_ptr() == unsafe { ffi::Py_True() }
    }
}

impl PartialEq<bool> for Bound<'_, PyBool> {
    #[inline]
    fn eq(&self, other: &bool) -> bool {
        self.is_true() == *other
    }
}

impl PartialEq<bool> for &Bound<'_, PyBool> {
    #[inline]
    fn eq(&self, other: &bool) -> bool {
        self.is_true() == *other
    }
}

impl PartialEq<&bool> for Bound<'_, PyBool> {
    #[inline]
    fn eq(&self, other: &&bool) -> bool {
        self.is_true() == **other
    }
}

impl PartialEq<Bound<'_, PyBool>> for bool {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBool>) -> bool {
        *self == other.is_true()
    }
}

impl PartialEq<&Bound<'_, PyBool>> for bool {
    #[inline]
    fn eq(&self, other: &&Bound<'_, PyBool>) -> bool {
        *self == other.is_true()
    }
}

impl PartialEq<Bound<'_, PyBool>> for &bool {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBool>) -> bool {
        **self == other.is_true()
    }
}

impl PartialEq<bool> for Borrowed<'_, '_, PyBool> {
    #[inline]
    fn eq(&self, other: &bool) -> bool {
        self.is_true() == *other
    }
}

impl PartialEq<&bool> for Borrowed<'_, '_, PyBool> {
    #[inline]
    fn eq(&self, other: &&bool) -> bool {
        self.is_true() == **other
    }
}

impl PartialEq<Borrowed<'_, '_, PyBool>> for bool {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBool>) -> bool {
        *self == other.is_true()
    }
}

impl PartialEq<Borrowed<'_, '_, PyBool>> for &bool {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBool>) -> bool {
        **self == other.is_true()
    }
}
