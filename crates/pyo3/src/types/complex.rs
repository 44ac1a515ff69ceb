//! `PyComplex`: Python's `complex`.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::native_type;
use crate::Python;

native_type!(
    /// Python's `complex`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyComplex, PyComplexMethods};
    /// Python::attach(|py| {
    ///     let z = PyComplex::from_doubles(py, 3.0, 4.0);
    ///     assert_eq!((z.real(), z.imag()), (3.0, 4.0));
    /// });
    /// ```
    PyComplex, PyComplex_Type, ffi::PyComplex_Check, Some("builtins")
);

impl PyComplex {
    /// `complex(real, imag)`.
    pub fn from_doubles(py: Python<'_>, real: f64, imag: f64) -> Bound<'_, PyComplex> {
        // SAFETY: attached; returns a new reference (NULL only on memory exhaustion).
        unsafe {
            ffi::PyComplex_FromDoubles(real, imag)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyComplex>`.
pub trait PyComplexMethods<'py> {
    /// The real part.
    fn real(&self) -> f64;
    /// The imaginary part.
    fn imag(&self) -> f64;
    /// `abs(self)`, the magnitude.
    #[cfg(not(Py_LIMITED_API))]
    fn abs(&self) -> f64;
    /// `self ** other`.
    #[cfg(not(Py_LIMITED_API))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex>;
}

impl<'py> PyComplexMethods<'py> for Bound<'py, PyComplex> {
    fn real(&self) -> f64 {
        // SAFETY: attached; a complex object converts without error.
        unsafe { ffi::PyComplex_RealAsDouble(self.as_ptr()) }
    }

    fn imag(&self) -> f64 {
        // SAFETY: attached; a complex object converts without error.
        unsafe { ffi::PyComplex_ImagAsDouble(self.as_ptr()) }
    }

    #[cfg(not(Py_LIMITED_API))]
    fn abs(&self) -> f64 {
        self.real().hypot(self.imag())
    }

    #[cfg(not(Py_LIMITED_API))]
    fn pow(&self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
        let py = self.py();
        // SAFETY: attached; both operands are alive; a complex power gives a complex (or
        // NULL with an error set, e.g. ZeroDivisionError for 0 ** -1).
        let result = unsafe {
            ffi::PyNumber_Power(self.as_ptr(), other.as_ptr(), ffi::Py_None())
                .assume_owned_or_err(py)
        };
        match result {
            // SAFETY: complex ** complex is a complex.
            Ok(value) => unsafe { value.cast_into_unchecked() },
            // PyO3 answers a failed power with a NaN complex rather than an error.
            Err(_) => PyComplex::from_doubles(py, f64::NAN, f64::NAN),
        }
    }
}
