//! `OrderedFloat`/`NotNan` <-> `float`: round trips of extremes, NaN (kept by
//! `OrderedFloat`, refused by `NotNan`), conversion protocols, wrong types.

use ::ordered_float::{NotNan, OrderedFloat};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyFloat;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

#[test]
fn ordered_float_round_trips() {
    Python::attach(|py| {
        let cases = [
            (0.0, "0.0"),
            (-1.0, "-1.0"),
            (f64::MAX, "1.7976931348623157e308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (f64::INFINITY, "float('inf')"),
            (f64::NEG_INFINITY, "float('-inf')"),
        ];
        for (value, expr) in cases {
            let obj: Bound<'_, PyFloat> = OrderedFloat(value).into_pyobject(py).unwrap();
            assert_type(obj.as_any(), "builtins", "float");
            assert_py_eq(obj.as_any(), expr);
            assert_eq!(
                (&OrderedFloat(value)).into_pyobject(py).unwrap().value(),
                value
            );
            let back: OrderedFloat<f64> = eval(py, expr).extract().unwrap();
            assert_eq!(back, OrderedFloat(value));
            let not_nan: NotNan<f64> = eval(py, expr).extract().unwrap();
            assert_eq!(not_nan.into_inner(), value);
            let obj = NotNan::new(value).unwrap().into_pyobject(py).unwrap();
            assert_py_eq(obj.as_any(), expr);
        }
        let neg_zero: OrderedFloat<f64> = eval(py, "-0.0").extract().unwrap();
        assert!(neg_zero.is_sign_negative());
        let nan: OrderedFloat<f64> = eval(py, "float('nan')").extract().unwrap();
        assert!(nan.is_nan());
        let obj = OrderedFloat(f64::NAN).into_pyobject(py).unwrap();
        assert!(obj.value().is_nan());
    });
}

#[test]
fn f32_wrappers() {
    Python::attach(|py| {
        let obj = OrderedFloat(1.5f32).into_pyobject(py).unwrap();
        assert_py_eq(obj.as_any(), "1.5");
        assert_eq!(
            obj.extract::<OrderedFloat<f32>>().unwrap(),
            OrderedFloat(1.5f32)
        );
        let rounded: NotNan<f32> = eval(py, "0.1").extract().unwrap();
        assert_eq!(rounded.into_inner(), 0.1f32);
        let huge: OrderedFloat<f32> = eval(py, "1e300").extract().unwrap();
        assert_eq!(huge, OrderedFloat(f32::INFINITY));
        let obj = NotNan::new(f32::MIN).unwrap().into_pyobject(py).unwrap();
        assert_eq!(obj.value(), f32::MIN as f64);
    });
}

#[test]
fn nan_into_not_nan_is_refused() {
    Python::attach(|py| {
        let ty = py.get_type::<PyValueError>();
        assert_err(
            py,
            eval(py, "float('nan')").extract::<NotNan<f64>>(),
            &ty,
            "NotNan constructed with NaN",
        );
        assert_err(
            py,
            eval(py, "float('-nan')").extract::<NotNan<f32>>(),
            &ty,
            "NotNan constructed with NaN",
        );
    });
}

#[test]
fn protocols_and_wrong_types() {
    Python::attach(|py| {
        let source = "
class F:
    def __float__(self): return 2.5
class N:
    def __float__(self): return float('nan')
";
        let f = instance_of(py, source, "F");
        assert_eq!(f.extract::<OrderedFloat<f64>>().unwrap(), OrderedFloat(2.5));
        assert_eq!(f.extract::<NotNan<f32>>().unwrap().into_inner(), 2.5);
        assert_err(
            py,
            instance_of(py, source, "N").extract::<NotNan<f64>>(),
            &py.get_type::<PyValueError>(),
            "NotNan constructed with NaN",
        );
        assert_eq!(
            eval(py, "3").extract::<NotNan<f64>>().unwrap().into_inner(),
            3.0
        );
        assert_err(
            py,
            eval(py, "'1.0'").extract::<OrderedFloat<f64>>(),
            &py.get_type::<PyTypeError>(),
            "must be real number, not str",
        );
        assert_err(
            py,
            eval(py, "None").extract::<NotNan<f64>>(),
            &py.get_type::<PyTypeError>(),
            "must be real number, not NoneType",
        );
    });
}
