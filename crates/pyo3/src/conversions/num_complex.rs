//! [`num-complex`](https://docs.rs/num-complex)'s `Complex<f32>` and `Complex<f64>` to and
//! from Python `complex` (cargo feature `num-complex`).
//!
//! Extraction follows `complex(x)` for a single argument: a `complex` (or subclass) gives its
//! parts, an object with `__complex__` is converted through it, and anything else that
//! `float()` accepts (`__float__`, `__index__`) becomes a number with a zero imaginary part.
//! `Complex<f32>` rounds each part to the nearest `f32`.
//!
//! ```toml
//! [dependencies]
//! num-complex = "0.4"
//! pyo3 = { version = "0.27.2", features = ["num-complex"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "num-complex")] {
//! use num_complex::Complex;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let z: Complex<f64> = py.eval(c"(1 + 2j) * 1j", None, None)?.extract()?;
//!     assert_eq!(z, Complex::new(-2.0, 1.0));
//!     let back = z.into_pyobject(py)?;
//!     assert_eq!(back.repr()?.to_string(), "(-2+1j)");
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use std::convert::Infallible;
use std::os::raw::c_double;

use num_complex::Complex;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyComplex};
use crate::{ffi, PyErr, PyResult, Python};

impl PyComplex {
    /// A `complex` with the parts of a `num_complex::Complex` (cargo feature `num-complex`).
    pub fn from_complex_bound<F: Into<c_double>>(
        py: Python<'_>,
        complex: Complex<F>,
    ) -> Bound<'_, PyComplex> {
        PyComplex::from_doubles(py, complex.re.into(), complex.im.into())
    }
}

macro_rules! complex_conversions {
    ($($float:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for Complex<$float> {
            type Target = PyComplex;
            type Output = Bound<'py, PyComplex>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                Ok(PyComplex::from_doubles(py, f64::from(self.re), f64::from(self.im)))
            }
        }

        impl<'py> IntoPyObject<'py> for &Complex<$float> {
            type Target = PyComplex;
            type Output = Bound<'py, PyComplex>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }

        impl FromPyObject<'_, '_> for Complex<$float> {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Complex<$float>, Self::Error> {
                let (re, im) = complex_parts(obj)?;
                Ok(Complex::new(re as $float, im as $float))
            }
        }
    )*};
}

complex_conversions!(f32, f64);

/// The real and imaginary parts of `complex(obj)`.
#[cfg(not(limited_api_only))]
fn complex_parts(obj: Borrowed<'_, '_, PyAny>) -> PyResult<(f64, f64)> {
    // SAFETY: attached; the object is alive. The function converts through `__complex__`,
    // `__float__` or `__index__` itself, returning -1.0 as the real part on error.
    let value = unsafe { ffi::PyComplex_AsCComplex(obj.as_ptr()) };
    if value.real == -1.0 {
        if let Some(err) = PyErr::take(obj.py()) {
            return Err(err);
        }
    }
    Ok((value.real, value.imag))
}

/// The real and imaginary parts of `complex(obj)`, through the stable ABI (which has no
/// `PyComplex_AsCComplex`): `__complex__` is looked up on the type, as CPython does.
#[cfg(limited_api_only)]
fn complex_parts(obj: Borrowed<'_, '_, PyAny>) -> PyResult<(f64, f64)> {
    use crate::types::PyAnyMethods;
    let py = obj.py();
    let target = if obj.is_instance_of::<PyComplex>() {
        obj.to_owned()
    } else if let Some(method) = obj
        .get_type()
        .getattr_opt(crate::intern!(py, "__complex__"))?
    {
        method.call1((obj,))?
    } else {
        obj.to_owned()
    };
    // SAFETY: attached; `target` is alive. For a non-complex the function falls back to
    // `float(target)`, returning -1.0 with an exception set on failure.
    let re = unsafe { ffi::PyComplex_RealAsDouble(target.as_ptr()) };
    if re == -1.0 {
        if let Some(err) = PyErr::take(py) {
            return Err(err);
        }
    }
    // SAFETY: as above; the real part converted, so this cannot fail.
    let im = unsafe { ffi::PyComplex_ImagAsDouble(target.as_ptr()) };
    Ok((re, im))
}
