//! `BigDecimal` <-> `decimal.Decimal`: exact round trips of huge and tiny values with their
//! exponents, extraction from other numbers, NaN/infinity refusal, unrepresentable scales.

use std::str::FromStr;

use ::bigdecimal::BigDecimal;
use ::num_bigint::BigInt;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

fn py_decimal(text: &str) -> String {
    format!("__import__('decimal').Decimal('{text}')")
}

#[test]
fn round_trips_keep_value_and_exponent() {
    Python::attach(|py| {
        let cases = [
            ("0", "0"),
            ("-1", "-1"),
            ("1.50", "1.50"),
            ("-0.001", "-0.001"),
            ("1e-1000", "1E-1000"),
            (
                "-12345678901234567890.123456789e500",
                "-1.2345678901234567890123456789E+519",
            ),
            ("1E+3", "1E+3"),
            (
                "340282366920938463463374607431768211456",
                "340282366920938463463374607431768211456",
            ),
            ("0.000", "0.000"),
        ];
        for (text, python_str) in cases {
            let value = BigDecimal::from_str(text).unwrap();
            let obj = value.clone().into_pyobject(py).unwrap();
            assert_type(&obj, "decimal", "Decimal");
            assert_eq!(obj.str().unwrap().to_string(), python_str, "{text}");
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
            let back: BigDecimal = obj.extract().unwrap();
            assert_eq!(back, value);
            assert_eq!(
                back.fractional_digit_count(),
                value.fractional_digit_count()
            );
        }
    });
}

#[test]
fn huge_values_are_exact() {
    Python::attach(|py| {
        // 2**1000 has 302 digits, far beyond the default 28-digit decimal context.
        let big = BigDecimal::new(BigInt::from(1u8) << 1000u32, 0);
        let obj = big.clone().into_pyobject(py).unwrap();
        assert_py_eq(&obj, "__import__('decimal').Decimal(2**1000)");
        assert_eq!(obj.extract::<BigDecimal>().unwrap(), big);
        let tiny = BigDecimal::new(-(BigInt::from(1u8) << 1000u32), 5000);
        let obj = tiny.clone().into_pyobject(py).unwrap();
        assert_py_eq(
            &obj,
            "__import__('decimal').Decimal('-' + str(2**1000) + 'E-5000')",
        );
        assert_eq!(obj.extract::<BigDecimal>().unwrap(), tiny);
        let far = eval(py, &py_decimal("7E+999999999"));
        let value: BigDecimal = far.extract().unwrap();
        assert_eq!(value, BigDecimal::new(BigInt::from(7u8), -999_999_999));
        assert_py_eq(
            &value.into_pyobject(py).unwrap(),
            &py_decimal("7E+999999999"),
        );
    });
}

#[test]
fn other_objects_extract_through_str() {
    Python::attach(|py| {
        let d = |expr: &str| eval(py, expr).extract::<BigDecimal>().unwrap();
        assert_eq!(d("2**100"), BigDecimal::from(BigInt::from(1u8) << 100u32));
        assert_eq!(d("-7"), BigDecimal::from(-7));
        assert_eq!(d("0.1"), BigDecimal::from_str("0.1").unwrap());
        assert_eq!(d("'6.02e23'"), BigDecimal::from_str("6.02e23").unwrap());
    });
}

#[test]
fn nan_and_infinities_are_refused() {
    Python::attach(|py| {
        let ty = py.get_type::<PyValueError>();
        for expr in [
            py_decimal("NaN"),
            py_decimal("-Infinity"),
            "float('nan')".to_string(),
            "float('inf')".to_string(),
            "'abc'".to_string(),
        ] {
            let text = eval(py, &format!("str({expr})"))
                .extract::<String>()
                .unwrap();
            let message = BigDecimal::from_str(&text).unwrap_err().to_string();
            assert_err(py, eval(py, &expr).extract::<BigDecimal>(), &ty, &message);
        }
        let bad = instance_of(
            py,
            "class S:\n    def __str__(self): raise TypeError('no str')\n",
            "S",
        );
        assert_err(
            py,
            bad.extract::<BigDecimal>(),
            &py.get_type::<PyTypeError>(),
            "no str",
        );
    });
}

#[test]
fn unrepresentable_exponent_raises_invalid_operation() {
    Python::attach(|py| {
        let value = BigDecimal::new(BigInt::from(1u8), i64::MIN);
        let err = value.into_pyobject(py).unwrap_err();
        let invalid = py
            .import("decimal")
            .unwrap()
            .getattr("InvalidOperation")
            .unwrap();
        assert!(err.get_type(py).is(&invalid), "{err}");
        // The largest negatable scale is fine but beyond Python's exponent range.
        let value = BigDecimal::new(BigInt::from(1u8), i64::MAX);
        let err = value.into_pyobject(py).unwrap_err();
        assert!(err.is_instance(py, &invalid), "{err}");
    });
}

#[test]
fn conversions_keep_reference_counts() {
    Python::attach(|py| {
        let obj = eval(py, &py_decimal("-1.5E-300"));
        let obj_before = obj.get_refcnt();
        for _ in 0..10 {
            let value: BigDecimal = obj.extract().unwrap();
            // A new object, owned only by the result.
            assert_eq!(value.into_pyobject(py).unwrap().get_refcnt(), 1);
        }
        assert_eq!(obj.get_refcnt(), obj_before);
    });
}
