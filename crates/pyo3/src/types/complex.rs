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
    #[cfg(not(limited_api_only))]
    fn abs(&self) -> f64;
    /// `self ** other`.
    #[cfg(not(limited_api_only))]
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

    #[cfg(not(limited_api_only))]
    fn abs(&self) -> f64 {
        self.real().hypot(self.imag())
    }

    #[cfg(not(limited_api_only))]
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

/// Arithmetic on complex numbers with Rust's operators, computed by the interpreter
/// (`PyNumber_Add` and friends), for owned, borrowed and `Borrowed` operands.
///
/// Like PyO3 these panic when Python raises, i.e. on division by zero.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyComplex, PyComplexMethods};
/// Python::attach(|py| {
///     let a = PyComplex::from_doubles(py, 1.0, 2.0);
///     let b = PyComplex::from_doubles(py, 3.0, -1.0);
///     let product = &a * &b;
///     assert_eq!((product.real(), product.imag()), (5.0, 5.0));
///     let negated = -a;
///     assert_eq!((negated.real(), negated.imag()), (-1.0, -2.0));
/// });
/// ```
#[cfg(not(limited_api_only))]
mod ops {
    use std::ops::{Add, Div, Mul, Neg, Sub};

    use crate::instance::{Borrowed, Bound};
    use crate::types::{PyAny, PyAnyMethods, PyComplex};
    use crate::PyResult;

    /// Checks that an operation gave a complex, panicking (as PyO3 does) when it raised.
    fn complex_result<'py>(result: PyResult<Bound<'py, PyAny>>, op: &str) -> Bound<'py, PyComplex> {
        match result.map(|value| value.cast_into::<PyComplex>()) {
            Ok(Ok(value)) => value,
            Ok(Err(_)) => panic!("complex {op} did not give a complex"),
            Err(err) => panic!("complex {op} failed: {err}"),
        }
    }

    fn binary<'py>(
        left: &Bound<'py, PyAny>,
        right: &Bound<'py, PyAny>,
        op: fn(&Bound<'py, PyAny>, &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>>,
        name: &str,
    ) -> Bound<'py, PyComplex> {
        complex_result(op(left, right), name)
    }

    macro_rules! binary_op {
        ($trait:ident, $method:ident) => {
            impl<'py> $trait for Borrowed<'_, 'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: Self) -> Bound<'py, PyComplex> {
                    let (left, right) = (self.to_any(), other.to_any());
                    binary(&left, &right, |l, r| l.$method(r), stringify!($method))
                }
            }

            impl<'py> $trait for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed().$method(other.as_borrowed())
                }
            }

            impl<'py> $trait<Bound<'py, PyComplex>> for &Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed().$method(other.as_borrowed())
                }
            }

            impl<'py> $trait for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed().$method(other.as_borrowed())
                }
            }

            impl<'py> $trait<&Bound<'py, PyComplex>> for Bound<'py, PyComplex> {
                type Output = Bound<'py, PyComplex>;
                fn $method(self, other: &Bound<'py, PyComplex>) -> Bound<'py, PyComplex> {
                    self.as_borrowed().$method(other.as_borrowed())
                }
            }
        };
    }

    binary_op!(Add, add);
    binary_op!(Sub, sub);
    binary_op!(Mul, mul);
    binary_op!(Div, div);

    impl<'py> Neg for Borrowed<'_, 'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            complex_result(self.to_any().neg(), "neg")
        }
    }

    impl<'py> Neg for &Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            self.as_borrowed().neg()
        }
    }

    impl<'py> Neg for Bound<'py, PyComplex> {
        type Output = Bound<'py, PyComplex>;
        fn neg(self) -> Bound<'py, PyComplex> {
            self.as_borrowed().neg()
        }
    }
}
