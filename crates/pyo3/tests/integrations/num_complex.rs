//! `Complex<f32|f64>` <-> `complex`: round trips (incl. NaN, infinities, signed zeros),
//! objects with `__complex__`/`__float__`/`__index__` (inherited too), wrong types.

use ::num_complex::Complex;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyComplex, PyComplexMethods};

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

#[test]
fn f64_round_trips() {
    Python::attach(|py| {
        let cases = [
            (Complex::new(0.0, 0.0), "0j"),
            (Complex::new(-1.0, 0.0), "complex(-1, 0)"),
            (Complex::new(3.0, 1.2), "3+1.2j"),
            (
                Complex::new(f64::MAX, f64::MIN),
                "complex(1.7976931348623157e308, -1.7976931348623157e308)",
            ),
            (
                Complex::new(f64::INFINITY, f64::NEG_INFINITY),
                "complex('inf-infj')",
            ),
            (Complex::new(5e-324, -0.0), "complex(5e-324, -0.0)"),
        ];
        for (value, expr) in cases {
            let obj = value.into_pyobject(py).unwrap();
            assert_type(obj.as_any(), "builtins", "complex");
            assert_py_eq(obj.as_any(), expr);
            assert_eq!((&value).into_pyobject(py).unwrap().real(), value.re);
            let back: Complex<f64> = eval(py, expr).extract().unwrap();
            assert_eq!(back, value, "{expr}");
            assert_eq!(back.im.is_sign_negative(), value.im.is_sign_negative());
        }
        let nan: Complex<f64> = eval(py, "complex('nan+nanj')").extract().unwrap();
        assert!(nan.re.is_nan() && nan.im.is_nan());
        let obj = Complex::new(f64::NAN, 1.0).into_pyobject(py).unwrap();
        assert!(obj.real().is_nan());
        assert_eq!(obj.imag(), 1.0);
    });
}

#[test]
fn f32_round_trips_and_rounds() {
    Python::attach(|py| {
        let value = Complex::new(1.5f32, -2.25f32);
        let obj = value.into_pyobject(py).unwrap();
        assert_py_eq(obj.as_any(), "1.5-2.25j");
        assert_eq!(obj.extract::<Complex<f32>>().unwrap(), value);
        // Parts are rounded to the nearest f32; out-of-range parts become infinities.
        let rounded: Complex<f32> = eval(py, "complex(0.1, 1e300)").extract().unwrap();
        assert_eq!(rounded, Complex::new(0.1f32, f32::INFINITY));
    });
}

#[test]
fn from_complex_bound_builds_a_complex() {
    Python::attach(|py| {
        let z = PyComplex::from_complex_bound(py, Complex::new(3.0f32, 1.5f32));
        assert_eq!((z.real(), z.imag()), (3.0, 1.5));
        let z = PyComplex::from_complex_bound(py, Complex::new(1i32, -2i32));
        assert_eq!((z.real(), z.imag()), (1.0, -2.0));
    });
}

#[test]
fn conversion_protocols_are_followed() {
    Python::attach(|py| {
        let source = "
class First: pass
class ComplexMixin:
    def __complex__(self): return 3.0+1.2j
class FloatMixin:
    def __float__(self): return 3.5
class IndexMixin:
    def __index__(self): return 3
class A(First, ComplexMixin): pass
class B(First, FloatMixin): pass
class C(First, IndexMixin): pass
class Both(ComplexMixin, FloatMixin): pass
class D(complex): pass
make_d = lambda: D(1, 2)
";
        let c = |name: &str| {
            instance_of(py, source, name)
                .extract::<Complex<f64>>()
                .unwrap()
        };
        assert_eq!(c("ComplexMixin"), Complex::new(3.0, 1.2));
        assert_eq!(c("A"), Complex::new(3.0, 1.2));
        assert_eq!(c("FloatMixin"), Complex::new(3.5, 0.0));
        assert_eq!(c("B"), Complex::new(3.5, 0.0));
        assert_eq!(c("Both"), Complex::new(3.0, 1.2));
        assert_eq!(c("make_d"), Complex::new(1.0, 2.0));
        assert_eq!(
            eval(py, "2.5").extract::<Complex<f64>>().unwrap(),
            Complex::new(2.5, 0.0)
        );
        assert_eq!(
            eval(py, "7").extract::<Complex<f32>>().unwrap(),
            Complex::new(7.0, 0.0)
        );
        assert_eq!(
            eval(py, "True").extract::<Complex<f64>>().unwrap(),
            Complex::new(1.0, 0.0)
        );
        // `__index__` counts since Python 3.8 (as for `float()`).
        if py.version_info() >= (3, 8) {
            assert_eq!(c("IndexMixin"), Complex::new(3.0, 0.0));
            assert_eq!(c("C"), Complex::new(3.0, 0.0));
        }
    });
}

#[test]
fn errors_propagate() {
    Python::attach(|py| {
        assert_err(
            py,
            eval(py, "[1]").extract::<Complex<f64>>(),
            &py.get_type::<PyTypeError>(),
            "must be real number, not list",
        );
        assert_err(
            py,
            eval(py, "'1+2j'").extract::<Complex<f32>>(),
            &py.get_type::<PyTypeError>(),
            "must be real number, not str",
        );
        let raising = instance_of(
            py,
            "class R:\n    def __complex__(self): raise ValueError('nope')\n",
            "R",
        );
        assert_err(
            py,
            raising.extract::<Complex<f64>>(),
            &py.get_type::<PyValueError>(),
            "nope",
        );
        // A real part of exactly -1.0 is a value, not an error marker.
        assert_eq!(
            eval(py, "-1-1j").extract::<Complex<f64>>().unwrap(),
            Complex::new(-1.0, -1.0)
        );
    });
}
