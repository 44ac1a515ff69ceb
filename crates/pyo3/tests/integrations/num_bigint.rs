//! `BigInt`/`BigUint` <-> `int`: round trips across the 64-bit fast path and far beyond,
//! `__index__` objects, negative values into `BigUint`, wrong types, reference counts.

use ::num_bigint::{BigInt, BigUint};
use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyInt;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

/// Python expressions of signed values and the same values in Rust.
fn signed_cases() -> Vec<(String, BigInt)> {
    let mut cases: Vec<(String, BigInt)> = vec![
        ("0".into(), BigInt::from(0i32)),
        ("-1".into(), BigInt::from(-1i32)),
        ("1".into(), BigInt::from(1i32)),
        ("-(2**63)".into(), BigInt::from(i64::MIN)),
        ("2**63 - 1".into(), BigInt::from(i64::MAX)),
        ("-(2**63) - 1".into(), BigInt::from(i64::MIN) - 1u8),
        ("2**63".into(), BigInt::from(i64::MAX) + 1u8),
        ("2**64 - 1".into(), BigInt::from(u64::MAX)),
        ("2**64".into(), BigInt::from(u64::MAX) + 1u8),
        ("-(2**64)".into(), -(BigInt::from(u64::MAX) + 1u8)),
        ("-(2**127)".into(), BigInt::from(i128::MIN)),
        ("2**127 - 1".into(), BigInt::from(i128::MAX)),
        ("2**128 - 1".into(), BigInt::from(u128::MAX)),
        ("2**1000".into(), BigInt::from(1i32) << 1000u32),
        ("-(2**1000)".into(), -(BigInt::from(1i32) << 1000u32)),
    ];
    // Every byte boundary of the two's-complement encoding, on both sides of it.
    for bits in 1..=200u32 {
        let p = BigInt::from(1i32) << bits;
        cases.push((format!("2**{bits}"), p.clone()));
        cases.push((format!("2**{bits} - 1"), &p - 1u8));
        cases.push((format!("-(2**{bits})"), -p.clone()));
        cases.push((format!("-(2**{bits}) + 1"), -p + 1u8));
    }
    cases
}

#[test]
fn bigint_round_trips() {
    Python::attach(|py| {
        for (expr, value) in signed_cases() {
            let obj = (&value).into_pyobject(py).unwrap();
            assert_type(obj.as_any(), "builtins", "int");
            assert_py_eq(obj.as_any(), &expr);
            assert_eq!(
                eval(py, &expr).extract::<BigInt>().unwrap(),
                value,
                "{expr}"
            );
            // By value too.
            let owned = value.clone().into_pyobject(py).unwrap();
            assert_eq!(owned.extract::<BigInt>().unwrap(), value, "{expr}");
        }
    });
}

#[test]
fn biguint_round_trips() {
    Python::attach(|py| {
        for (expr, value) in signed_cases() {
            let Some(value) = value.to_biguint() else {
                continue;
            };
            let obj = (&value).into_pyobject(py).unwrap();
            assert_type(obj.as_any(), "builtins", "int");
            assert_py_eq(obj.as_any(), &expr);
            assert_eq!(
                eval(py, &expr).extract::<BigUint>().unwrap(),
                value,
                "{expr}"
            );
            let owned = value.clone().into_pyobject(py).unwrap();
            assert_eq!(owned.extract::<BigUint>().unwrap(), value, "{expr}");
        }
    });
}

fn assert_negative_refused(py: Python<'_>, result: PyResult<BigUint>) {
    if cfg!(all(Py_3_13, not(Py_LIMITED_API))) {
        assert_err(
            py,
            result,
            &py.get_type::<PyValueError>(),
            "Cannot convert negative int",
        );
    } else {
        assert_err(
            py,
            result,
            &py.get_type::<PyOverflowError>(),
            "can't convert negative int to unsigned",
        );
    }
}

#[test]
fn negative_into_biguint_is_refused() {
    Python::attach(|py| {
        for expr in ["-1", "-(2**63)", "-(2**63) - 1", "-(2**1000)"] {
            assert_negative_refused(py, eval(py, expr).extract::<BigUint>());
        }
    });
}

#[test]
fn index_objects_and_subclasses_extract() {
    Python::attach(|py| {
        let big = instance_of(
            py,
            "class Big:\n    def __index__(self): return -(2**100)\n",
            "Big",
        );
        assert_eq!(
            big.extract::<BigInt>().unwrap(),
            -(BigInt::from(1i32) << 100u32)
        );
        assert_negative_refused(py, big.extract::<BigUint>());
        let small = instance_of(
            py,
            "class Small:\n    def __index__(self): return 7\n",
            "Small",
        );
        assert_eq!(small.extract::<BigUint>().unwrap(), BigUint::from(7u8));
        assert_eq!(
            eval(py, "True").extract::<BigInt>().unwrap(),
            BigInt::from(1i32)
        );
        let sub = instance_of(
            py,
            "class I(int): pass\nclass J(I): pass\nK = lambda: J(2**70)\n",
            "K",
        );
        assert_eq!(
            sub.extract::<BigUint>().unwrap(),
            BigUint::from(1u8) << 70u32
        );
    });
}

#[test]
fn wrong_types_raise_type_error() {
    Python::attach(|py| {
        let ty = py.get_type::<PyTypeError>();
        assert_err(
            py,
            eval(py, "1.0").extract::<BigInt>(),
            &ty,
            "'float' object cannot be interpreted as an integer",
        );
        assert_err(
            py,
            eval(py, "'12'").extract::<BigUint>(),
            &ty,
            "'str' object cannot be interpreted as an integer",
        );
        let failing = instance_of(
            py,
            "class Bad:\n    def __index__(self): raise KeyError('no')\n",
            "Bad",
        );
        assert_err(
            py,
            failing.extract::<BigInt>(),
            &py.get_type::<pyo3::exceptions::PyKeyError>(),
            "'no'",
        );
    });
}

#[test]
fn extraction_keeps_reference_counts() {
    Python::attach(|py| {
        for expr in ["2**1000", "5"] {
            let obj = eval(py, expr);
            let before = obj.get_refcnt();
            for _ in 0..10 {
                let _: BigInt = obj.extract().unwrap();
                let _: BigUint = obj.extract().unwrap();
            }
            assert_eq!(obj.get_refcnt(), before, "{expr}");
        }
        let index = instance_of(
            py,
            "class Big:\n    def __index__(self): return 2**200\n",
            "Big",
        );
        let before = index.get_refcnt();
        for _ in 0..10 {
            let _: BigInt = index.extract().unwrap();
            let _: BigUint = index.extract().unwrap();
        }
        assert_eq!(index.get_refcnt(), before);
    });
}

#[test]
fn usable_as_int_arithmetic() {
    Python::attach(|py| {
        let a: Bound<'_, PyInt> = (BigInt::from(1i32) << 200u32).into_pyobject(py).unwrap();
        let sum = a.add(1).unwrap();
        assert_eq!(
            sum.extract::<BigInt>().unwrap(),
            (BigInt::from(1i32) << 200u32) + 1
        );
    });
}
