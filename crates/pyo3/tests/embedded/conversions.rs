//! Round trips and failures of the std conversions.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;

fn roundtrip<'py, T>(py: Python<'py>, value: T) -> T
where
    T: IntoPyObject<'py> + Clone + for<'a> FromPyObject<'a, 'py>,
{
    let obj = value.into_bound_py_any(py).unwrap();
    obj.extract::<T>().map_err(Into::into).unwrap()
}

#[test]
fn integers_roundtrip() {
    Python::attach(|py| {
        assert_eq!(roundtrip(py, i8::MIN), i8::MIN);
        assert_eq!(roundtrip(py, u8::MAX), u8::MAX);
        assert_eq!(roundtrip(py, i16::MIN), i16::MIN);
        assert_eq!(roundtrip(py, u16::MAX), u16::MAX);
        assert_eq!(roundtrip(py, i32::MIN), i32::MIN);
        assert_eq!(roundtrip(py, u32::MAX), u32::MAX);
        assert_eq!(roundtrip(py, i64::MIN), i64::MIN);
        assert_eq!(roundtrip(py, u64::MAX), u64::MAX);
        assert_eq!(roundtrip(py, isize::MIN), isize::MIN);
        assert_eq!(roundtrip(py, usize::MAX), usize::MAX);
        assert_eq!(roundtrip(py, i128::MIN), i128::MIN);
        assert_eq!(roundtrip(py, i128::MAX), i128::MAX);
        assert_eq!(roundtrip(py, u128::MAX), u128::MAX);
        assert_eq!(roundtrip(py, -5i128), -5);
        assert_eq!(
            roundtrip(py, std::num::NonZeroU32::new(7).unwrap()).get(),
            7
        );
        let big = py.eval(c"2**128 - 1", None, None).unwrap();
        assert_eq!(big.extract::<u128>().unwrap(), u128::MAX);
        assert_eq!(
            big.repr().unwrap().to_str().unwrap(),
            "340282366920938463463374607431768211455"
        );
    });
}

#[test]
fn integer_errors() {
    Python::attach(|py| {
        let too_big = py.eval(c"256", None, None).unwrap();
        let err = too_big.extract::<u8>().unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
        let negative = py.eval(c"-1", None, None).unwrap();
        let err = negative.extract::<u64>().unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "can't convert negative int to unsigned"
        );
        let huge = py.eval(c"2**200", None, None).unwrap();
        assert!(huge
            .extract::<i128>()
            .unwrap_err()
            .is_instance_of::<PyOverflowError>(py));
        let s = py.eval(c"'x'", None, None).unwrap();
        let err = s.extract::<i32>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'str' object cannot be interpreted as an integer"
        );
        let f = py.eval(c"1.5", None, None).unwrap();
        assert!(f
            .extract::<i64>()
            .unwrap_err()
            .is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn floats_bools_strings() {
    Python::attach(|py| {
        assert_eq!(roundtrip(py, 1.5f64), 1.5);
        assert_eq!(roundtrip(py, -2.25f32), -2.25);
        let int_as_float: f64 = py.eval(c"3", None, None).unwrap().extract().unwrap();
        assert_eq!(int_as_float, 3.0);
        assert!(roundtrip(py, true));
        assert!(!roundtrip(py, false));
        let one = py.eval(c"1", None, None).unwrap();
        let err: PyErr = one.extract::<bool>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object cannot be cast as 'bool'"
        );
        assert_eq!(roundtrip(py, String::from("héllo ✓")), "héllo ✓");
        let obj = "borrowed".into_pyobject(py).unwrap();
        let s: &str = obj.extract().unwrap();
        assert_eq!(s, "borrowed");
        let c: std::borrow::Cow<'_, str> = obj.extract().unwrap();
        assert_eq!(c, "borrowed");
        assert_eq!(roundtrip(py, 'ß'), 'ß');
        let err = py
            .eval(c"b'x'", None, None)
            .unwrap()
            .extract::<String>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'bytes' object cannot be cast as 'str'"
        );
    });
}

#[test]
fn options_and_tuples() {
    Python::attach(|py| {
        assert_eq!(roundtrip(py, Some(3i32)), Some(3));
        assert_eq!(roundtrip(py, None::<i32>), None);
        assert_eq!(
            roundtrip(py, (1i32, String::from("a"), 2.5f64)),
            (1, String::from("a"), 2.5)
        );
        let t = py.eval(c"(1, 2, 3)", None, None).unwrap();
        let err = t.extract::<(i32, i32)>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "ValueError: expected tuple of length 2, but got tuple of length 3"
        );
    });
}

#[test]
fn vectors() {
    Python::attach(|py| {
        assert_eq!(roundtrip(py, vec![1i64, -2, 3]), vec![1, -2, 3]);
        let bytes = vec![1u8, 2, 255].into_pyobject(py).unwrap();
        assert_eq!(
            bytes.repr().unwrap().to_str().unwrap(),
            "b'\\x01\\x02\\xff'"
        );
        let list = vec!["a", "b"].into_pyobject(py).unwrap();
        assert_eq!(list.repr().unwrap().to_str().unwrap(), "['a', 'b']");
        let from_tuple: Vec<String> = py
            .eval(c"('x', 'y')", None, None)
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(from_tuple, ["x", "y"]);
        let err = py
            .eval(c"'abc'", None, None)
            .unwrap()
            .extract::<Vec<String>>()
            .unwrap_err();
        assert_eq!(err.to_string(), "TypeError: Can't extract `str` to `Vec`");
        let err = py
            .eval(c"5", None, None)
            .unwrap()
            .extract::<Vec<i32>>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object cannot be cast as 'Sequence'"
        );
        let err = py
            .eval(c"[1, 'x']", None, None)
            .unwrap()
            .extract::<Vec<i32>>()
            .unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
    });
}
