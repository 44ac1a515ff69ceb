//! `Ratio<i8|i16|i32|i64|isize|BigInt>` <-> `fractions.Fraction`: round trips of extremes,
//! reduction and sign normalisation of duck-typed rationals, overflow, zero denominators.

use ::num_rational::Ratio;
use pyo3::exceptions::{PyAttributeError, PyOverflowError, PyZeroDivisionError};
use pyo3::prelude::*;

use crate::util::{assert_err, assert_py_eq, assert_type, eval, instance_of};

fn fraction(expr: &str) -> String {
    format!("__import__('fractions').Fraction({expr})")
}

macro_rules! round_trip_extremes {
    ($py:expr, $($t:ty),*) => {$(
        for (numer, denom) in [
            (0 as $t, 1 as $t),
            (-1 as $t, 1 as $t),
            (<$t>::MAX, 1 as $t),
            (<$t>::MIN, 1 as $t),
            (1 as $t, <$t>::MAX),
            (-1 as $t, <$t>::MAX),
            (<$t>::MAX, <$t>::MAX - 1),
            (<$t>::MIN + 1, <$t>::MAX),
        ] {
            let value = Ratio::new(numer, denom);
            let expr = fraction(&format!("{}, {}", value.numer(), value.denom()));
            let obj = value.into_pyobject($py).unwrap();
            assert_type(&obj, "fractions", "Fraction");
            assert_py_eq(&obj, &expr);
            assert_py_eq(&(&value).into_pyobject($py).unwrap(), &expr);
            assert_eq!(crate::util::eval($py, &expr).extract::<Ratio<$t>>().unwrap(), value);
        }
    )*};
}

#[test]
fn fixed_width_round_trips() {
    Python::attach(|py| {
        round_trip_extremes!(py, i8, i16, i32, i64, isize);
    });
}

#[test]
fn reduced_on_both_sides() {
    Python::attach(|py| {
        let obj = Ratio::new(2i32, -6).into_pyobject(py).unwrap();
        assert_py_eq(&obj, &fraction("-1, 3"));
        assert_eq!(
            eval(py, &fraction("10, -4"))
                .extract::<Ratio<i8>>()
                .unwrap(),
            Ratio::new(-5, 2)
        );
        // An int is a rational with denominator 1.
        assert_eq!(
            eval(py, "-7").extract::<Ratio<i16>>().unwrap(),
            Ratio::from_integer(-7)
        );
        // A duck-typed rational is reduced, with the sign moved to the numerator, before
        // its parts have to fit the integer type.
        let source = "
class R:
    numerator = 300
    denominator = -6
";
        assert_eq!(
            instance_of(py, source, "R").extract::<Ratio<i8>>().unwrap(),
            Ratio::new(-50, 1)
        );
        let min = instance_of(
            py,
            "class M:\n    numerator = -128\n    denominator = -1\n",
            "M",
        );
        assert_err(
            py,
            min.extract::<Ratio<i8>>(),
            &py.get_type::<PyOverflowError>(),
            "out of range integral type conversion attempted",
        );
        assert_eq!(
            min.extract::<Ratio<i16>>().unwrap(),
            Ratio::from_integer(128)
        );
    });
}

#[test]
fn overflow_is_refused() {
    Python::attach(|py| {
        let ty = py.get_type::<PyOverflowError>();
        assert_err(
            py,
            eval(py, &fraction("128, 3")).extract::<Ratio<i8>>(),
            &ty,
            "out of range integral type conversion attempted",
        );
        assert_err(
            py,
            eval(py, &fraction("1, 2**15")).extract::<Ratio<i16>>(),
            &ty,
            "out of range integral type conversion attempted",
        );
        // 64-bit parts fail as the plain integer conversion does (CPython's own message,
        // which varies between versions).
        let int_error = eval(py, "2**63").extract::<i64>().unwrap_err();
        let int_message = int_error.value(py).to_string();
        assert_err(
            py,
            eval(py, &fraction("2**63, 3")).extract::<Ratio<i64>>(),
            &ty,
            &int_message,
        );
        assert_err(
            py,
            eval(py, &fraction("-(2**100), 7")).extract::<Ratio<isize>>(),
            &ty,
            &int_message,
        );
    });
}

#[test]
fn zero_denominators() {
    Python::attach(|py| {
        let zero = instance_of(
            py,
            "class Z:\n    numerator = 5\n    denominator = 0\n",
            "Z",
        );
        assert_err(
            py,
            zero.extract::<Ratio<i32>>(),
            &py.get_type::<PyZeroDivisionError>(),
            "Fraction(5, 0)",
        );
        // A ratio built without checks still cannot become a Fraction.
        assert_err(
            py,
            Ratio::new_raw(1i64, 0).into_pyobject(py),
            &py.get_type::<PyZeroDivisionError>(),
            "Fraction(1, 0)",
        );
    });
}

#[test]
fn non_rationals_are_refused() {
    Python::attach(|py| {
        assert_err(
            py,
            eval(py, "1.5").extract::<Ratio<i32>>(),
            &py.get_type::<PyAttributeError>(),
            "'float' object has no attribute 'numerator'",
        );
        assert_err(
            py,
            eval(py, "'1/2'").extract::<Ratio<i64>>(),
            &py.get_type::<PyAttributeError>(),
            "'str' object has no attribute 'numerator'",
        );
    });
}

#[cfg(feature = "num-bigint")]
#[test]
fn bigint_ratios() {
    use ::num_bigint::BigInt;
    Python::attach(|py| {
        let big = BigInt::from(1u8) << 1000u32;
        for (numer, denom, expr) in [
            (big.clone(), BigInt::from(3u8), "2**1000, 3"),
            (-big.clone(), BigInt::from(3u8), "-(2**1000), 3"),
            (BigInt::from(1u8), big.clone() + 1u8, "1, 2**1000 + 1"),
            (BigInt::from(0u8), BigInt::from(1u8), "0, 1"),
        ] {
            let value = Ratio::new(numer, denom);
            let obj = (&value).into_pyobject(py).unwrap();
            assert_py_eq(&obj, &fraction(expr));
            assert_eq!(obj.extract::<Ratio<BigInt>>().unwrap(), value);
            assert_py_eq(&value.clone().into_pyobject(py).unwrap(), &fraction(expr));
        }
        assert_eq!(
            eval(py, &fraction("2**1000, -(2**999)"))
                .extract::<Ratio<BigInt>>()
                .unwrap(),
            Ratio::from_integer(BigInt::from(-2i8))
        );
    });
}

#[test]
fn conversions_keep_reference_counts() {
    Python::attach(|py| {
        let reduced = eval(py, &fraction("-3, 7"));
        let duck = instance_of(
            py,
            "class R:\n    numerator = 6\n    denominator = -4\n",
            "R",
        );
        let before = (reduced.get_refcnt(), duck.get_refcnt());
        for _ in 0..10 {
            let value: Ratio<i32> = reduced.extract().unwrap();
            // A new object, owned only by the result.
            assert_eq!(value.into_pyobject(py).unwrap().get_refcnt(), 1);
            assert_eq!(duck.extract::<Ratio<i64>>().unwrap(), Ratio::new(-3, 2));
        }
        let after = (reduced.get_refcnt(), duck.get_refcnt());
        assert_eq!(after, before);
    });
}
