//! [`ordered-float`](https://docs.rs/ordered-float)'s `OrderedFloat<f32|f64>` and
//! `NotNan<f32|f64>` to and from Python `float` (cargo feature `ordered-float`).
//!
//! Both convert exactly as the wrapped float does (so extraction accepts anything with
//! `__float__` or `__index__`); extracting a NaN as `NotNan` raises `ValueError`.
//!
//! ```toml
//! [dependencies]
//! ordered-float = "5"
//! pyo3 = { version = "0.27.2", features = ["ordered-float"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "ordered-float")] {
//! use ordered_float::{NotNan, OrderedFloat};
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| {
//!     let nan = py.eval(c"float('nan')", None, None).unwrap();
//!     assert!(nan.extract::<OrderedFloat<f64>>().unwrap().is_nan());
//!     let err = nan.extract::<NotNan<f64>>().unwrap_err();
//!     assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
//! });
//! # }
//! ```

use std::convert::Infallible;

use ordered_float::{NotNan, OrderedFloat};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyFloat};
use crate::Python;

macro_rules! float_wrapper_conversions {
    ($wrapper:ident, $float:ty, $wrap:expr) => {
        impl<'a, 'py> FromPyObject<'a, 'py> for $wrapper<$float> {
            type Error = <$float as FromPyObject<'a, 'py>>::Error;

            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
                let value: $float = obj.extract()?;
                $wrap(value)
            }
        }

        impl<'py> IntoPyObject<'py> for $wrapper<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.into_inner().into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &$wrapper<$float> {
            type Target = PyFloat;
            type Output = Bound<'py, PyFloat>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    };
}

float_wrapper_conversions!(OrderedFloat, f32, |v| Ok(OrderedFloat(v)));
float_wrapper_conversions!(OrderedFloat, f64, |v| Ok(OrderedFloat(v)));
float_wrapper_conversions!(NotNan, f32, |v| NotNan::new(v)
    .map_err(|e| PyValueError::new_err(e.to_string())));
float_wrapper_conversions!(NotNan, f64, |v| NotNan::new(v)
    .map_err(|e| PyValueError::new_err(e.to_string())));
