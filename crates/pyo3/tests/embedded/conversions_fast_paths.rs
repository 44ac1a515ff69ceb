//! The conversions' fast paths give exactly what the general paths give: small ints read
//! straight from their digits (every width, both signs, the one- and two-digit boundary at
//! 2**30, `bool`, `int` subclasses, `__index__` objects, and the `OverflowError`s of values
//! out of range), and `[u8; N]` copied at once from `bytes`/`bytearray` (with the same
//! errors and the item-by-item path for everything else).

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

/// The outcome of one extraction, comparable across types: the value (as i128) or the
/// exception's type name and message.
fn outcome<T: Into<i128>>(result: PyResult<T>, py: Python<'_>) -> Result<i128, String> {
    result.map(Into::into).map_err(|err| {
        let name = err.get_type(py).name().unwrap().to_string();
        format!("{name}: {}", err.value(py))
    })
}

/// What the slow path (a C `long`/`unsigned long long` read, then a range check) gives,
/// written out: the message PyO3 gives for each case.
fn expected(value: i128, min: i128, max: i128, unsigned_64: bool) -> Result<i128, String> {
    if (min..=max).contains(&value) {
        return Ok(value);
    }
    if unsigned_64 {
        if value < 0 {
            return Err("OverflowError: can't convert negative int to unsigned".into());
        }
        return Err("OverflowError: int too big to convert".into());
    }
    if value > i128::from(i64::MAX) || value < i128::from(i64::MIN) {
        return Err("OverflowError: Python int too large to convert to C long".into());
    }
    Err("OverflowError: out of range integral type conversion attempted".into())
}

/// Values around every boundary the fast path or the types have.
fn probe_values() -> Vec<i128> {
    let mut values = vec![0, 1, -1, 2, -2, 7, -7];
    for bits in [7u32, 8, 15, 16, 29, 30, 31, 32, 60, 63, 64, 65] {
        let edge = 1i128 << bits;
        for delta in [-1i128, 0, 1] {
            values.push(edge + delta);
            values.push(-(edge + delta));
        }
    }
    values
}

macro_rules! check_type {
    ($py:expr, $obj:expr, $value:expr, $t:ty, $unsigned_64:expr) => {{
        let got = outcome($obj.extract::<$t>(), $py);
        let want = expected(
            $value,
            i128::from(<$t>::MIN),
            i128::from(<$t>::MAX),
            $unsigned_64,
        );
        assert_eq!(got, want, "{} from {}", stringify!($t), $value);
    }};
}

fn check_every_width(py: Python<'_>, obj: &Bound<'_, PyAny>, value: i128) {
    check_type!(py, obj, value, i8, false);
    check_type!(py, obj, value, i16, false);
    check_type!(py, obj, value, i32, false);
    check_type!(py, obj, value, i64, false);
    check_type!(py, obj, value, u8, false);
    check_type!(py, obj, value, u16, false);
    check_type!(py, obj, value, u32, false);
    check_type!(py, obj, value, u64, true);
    // usize is u64 on the 64-bit targets the tests run on.
    let got = outcome(obj.extract::<usize>().map(|v| v as u64), py);
    assert_eq!(got, expected(value, 0, u64::MAX as i128, true));
    // isize is i64 on the 64-bit targets the tests run on.
    let got = outcome(obj.extract::<isize>().map(|v| v as i64), py);
    assert_eq!(
        got,
        expected(value, isize::MIN as i128, isize::MAX as i128, false)
    );
}

#[test]
fn small_and_large_ints_extract_as_the_c_calls_do() {
    Python::attach(|py| {
        for value in probe_values() {
            let obj = eval(py, &value.to_string());
            check_every_width(py, &obj, value);
            // 128-bit types take any value here.
            assert_eq!(obj.extract::<i128>().unwrap(), value);
            if value >= 0 {
                assert_eq!(obj.extract::<u128>().unwrap(), value as u128);
            } else {
                let err = obj.extract::<u128>().unwrap_err();
                assert!(err.is_instance_of::<PyOverflowError>(py));
                assert_eq!(
                    err.value(py).to_string(),
                    "can't convert negative int to unsigned"
                );
            }
        }
    });
}

#[test]
fn int_subclasses_bools_and_index_objects_extract_by_value() {
    Python::attach(|py| {
        let subclass = eval(py, "type('MyInt', (int,), {})");
        let index_class = eval(
            py,
            "type('Idx', (), {'__init__': lambda s, v: setattr(s, 'v', v), \
             '__index__': lambda s: s.v})",
        );
        for value in probe_values() {
            let sub = subclass.call1((value,)).unwrap();
            check_every_width(py, &sub, value);
            let index = index_class.call1((value,)).unwrap();
            check_every_width(py, &index, value);
        }
        assert_eq!(eval(py, "True").extract::<i64>().unwrap(), 1);
        assert_eq!(eval(py, "False").extract::<u8>().unwrap(), 0);
        // An int subclass is read by value, not through its `__index__`.
        let odd = eval(py, "type('Odd', (int,), {'__index__': lambda s: 99})(5)");
        assert_eq!(odd.extract::<i32>().unwrap(), 5);
        for text in ["1.5", "'7'", "None"] {
            let err = eval(py, text).extract::<i64>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py), "{text}: {err}");
        }
        let err = eval(py, "1.5").extract::<u8>().unwrap_err();
        assert_eq!(
            err.value(py).to_string(),
            "'float' object cannot be interpreted as an integer"
        );
    });
}

#[test]
fn byte_arrays_copy_bytes_and_bytearray_with_the_same_errors() {
    Python::attach(|py| {
        let array: [u8; 4] = eval(py, "b'\\x00\\x01\\xfe\\xff'").extract().unwrap();
        assert_eq!(array, [0, 1, 254, 255]);
        let array: [u8; 3] = eval(py, "bytearray(b'abc')").extract().unwrap();
        assert_eq!(array, *b"abc");
        let empty: [u8; 0] = eval(py, "b''").extract().unwrap();
        assert_eq!(empty, [0u8; 0]);
        let empty: [u8; 0] = eval(py, "bytearray()").extract().unwrap();
        assert_eq!(empty, [0u8; 0]);

        for (text, got) in [("b'abcde'", 5), ("bytearray(b'ab')", 2), ("[1, 2]", 2)] {
            let err = eval(py, text).extract::<[u8; 4]>().unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py), "{text}: {err}");
            assert_eq!(
                err.value(py).to_string(),
                format!("expected a sequence of length 4 (got {got})")
            );
        }
        // Other sequences, and subclasses (whose `__getitem__` may differ), item by item.
        let array: [u8; 2] = eval(py, "[7, 8]").extract().unwrap();
        assert_eq!(array, [7, 8]);
        let sub = eval(
            py,
            "type('B', (bytes,), {'__getitem__': lambda s, i: 42, '__len__': lambda s: 2})(b'xyz')",
        );
        assert_eq!(sub.extract::<[u8; 2]>().unwrap(), [42, 42]);
        let err = eval(py, "[1, 300]").extract::<[u8; 2]>().unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
        let err = eval(py, "'ab'").extract::<[u8; 2]>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = eval(py, "5").extract::<[u8; 2]>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'int' object cannot be cast as 'Sequence'"
        );
        // Arrays of other item types still accept bytes, item by item.
        let wide: [u16; 2] = eval(py, "b'\\x01\\x02'").extract().unwrap();
        assert_eq!(wide, [1, 2]);
    });
}
