//! `rust_decimal::Decimal` <-> `decimal.Decimal`: round trips of the extremes and of every
//! scale, extraction from ints, floats and strings, and the `ValueError`s for NaN,
//! infinities and values that do not fit.

use std::str::FromStr;

use ::rust_decimal::Decimal;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

fn py_decimal(text: &str) -> String {
    format!("__import__('decimal').Decimal('{text}')")
}

#[test]
fn round_trips() {
    Python::attach(|py| {
        let cases = [
            "0",
            "-1",
            "1.5",
            "-0.0000000000000000000000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7.9228162514264337593543950335",
            "123.4500",
            "0.000",
        ];
        for text in cases {
            let value = Decimal::from_str(text).unwrap();
            let obj = value.into_pyobject(py).unwrap();
            assert_type(&obj, "decimal", "Decimal");
            // Same value and same exponent (trailing zeros kept): the same `str()`.
            let python_str = eval(py, &format!("str({})", py_decimal(text)))
                .extract::<String>()
                .unwrap();
            assert_eq!(obj.str().unwrap().to_string(), python_str);
            assert_py_eq(&obj, &py_decimal(text));
            assert_eq!(
                (&value)
                    .into_pyobject(py)
                    .unwrap()
                    .str()
                    .unwrap()
                    .to_string(),
                python_str
            );
            let back: Decimal = eval(py, &py_decimal(text)).extract().unwrap();
            assert_eq!(back, value);
            assert_eq!(back.scale(), value.scale(), "{text}");
        }
        assert_eq!(
            Decimal::MAX
                .into_pyobject(py)
                .unwrap()
                .str()
                .unwrap()
                .to_string(),
            "79228162514264337593543950335"
        );
    });
}

#[test]
fn other_numbers_and_strings_extract() {
    Python::attach(|py| {
        let d = |expr: &str| eval(py, expr).extract::<Decimal>().unwrap();
        assert_eq!(d("42"), Decimal::from(42));
        assert_eq!(d("-(2**63)"), Decimal::from(i64::MIN));
        assert_eq!(
            d("2**64"),
            Decimal::from_str("18446744073709551616").unwrap()
        );
        assert_eq!(d("True"), Decimal::from(1));
        assert_eq!(d("1.25"), Decimal::from_str("1.25").unwrap());
        assert_eq!(d("'  -3.50'.strip()"), Decimal::from_str("-3.50").unwrap());
        // Scientific notation, from `str()` of a Decimal or a float.
        assert_eq!(d(&py_decimal("1.5E+3")), Decimal::from(1500));
        assert_eq!(
            d(&py_decimal("2.5E-7")),
            Decimal::from_str("0.00000025").unwrap()
        );
        assert_eq!(d("1e-05"), Decimal::from_str("0.00001").unwrap());
        let index = instance_of(py, "class I:\n    def __index__(self): return -9\n", "I");
        assert_eq!(index.extract::<Decimal>().unwrap(), Decimal::from(-9));
    });
}

#[test]
fn unrepresentable_values_are_refused() {
    Python::attach(|py| {
        let ty = py.get_type::<PyValueError>();
        let err_for = |expr: &str| {
            let text = eval(py, &format!("str({expr})"))
                .extract::<String>()
                .unwrap();
            Decimal::from_scientific(&text).unwrap_err().to_string()
        };
        for expr in [
            py_decimal("NaN"),
            py_decimal("-Infinity"),
            py_decimal("sNaN"),
            "float('inf')".to_string(),
            "2**96".to_string(),
            py_decimal("1E+30"),
            "'abc'".to_string(),
        ] {
            let result = eval(py, &expr).extract::<Decimal>();
            let message = err_for(&expr);
            assert!(!message.is_empty());
            assert_err(py, result, &ty, &message);
        }
        assert_err(
            py,
            eval(py, &py_decimal("NaN")).extract::<Decimal>(),
            &ty,
            "Failed to parse",
        );
        // `str()` itself failing propagates.
        let bad = instance_of(
            py,
            "class S:\n    def __str__(self): raise TypeError('no str')\n",
            "S",
        );
        assert_err(
            py,
            bad.extract::<Decimal>(),
            &py.get_type::<PyTypeError>(),
            "no str",
        );
    });
}

#[test]
fn conversions_keep_reference_counts() {
    Python::attach(|py| {
        let obj = eval(py, &py_decimal("-12.345"));
        let obj_before = obj.get_refcnt();
        for _ in 0..10 {
            let value: Decimal = obj.extract().unwrap();
            // A new object, owned only by the result.
            assert_eq!(value.into_pyobject(py).unwrap().get_refcnt(), 1);
        }
        assert_eq!(obj.get_refcnt(), obj_before);
    });
}
