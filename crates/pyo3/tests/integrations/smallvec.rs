//! smallvec `SmallVec` <-> `list` / any sequence (refusing `str`).

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList};
use smallvec::{smallvec, SmallVec};

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    py.eval(&std::ffi::CString::new(code).unwrap(), None, None)
        .unwrap()
}

#[test]
fn into_list_and_bytes() {
    Python::attach(|py| {
        let inline: SmallVec<[i64; 4]> = smallvec![1, -2, 3];
        let list = (&inline).into_pyobject(py).unwrap();
        assert!(list.is_exact_instance_of::<PyList>());
        assert_eq!(list.to_string(), "[1, -2, 3]");
        let spilled: SmallVec<[i64; 2]> = (0..5).collect();
        assert!(spilled.spilled());
        assert_eq!(
            spilled.into_pyobject(py).unwrap().to_string(),
            "[0, 1, 2, 3, 4]"
        );

        let raw: SmallVec<[u8; 8]> = smallvec![104, 105];
        let bytes = raw.into_pyobject(py).unwrap();
        assert!(bytes.is_exact_instance_of::<PyBytes>());
        assert_eq!(bytes.extract::<Vec<u8>>().unwrap(), b"hi");
    });
}

#[test]
fn from_any_sequence() {
    Python::attach(|py| {
        let from_list: SmallVec<[u16; 2]> = eval(py, "[1, 2, 3]").extract().unwrap();
        assert_eq!(from_list.as_slice(), [1, 2, 3]);
        let from_tuple: SmallVec<[String; 4]> = eval(py, "('a', 'b')").extract().unwrap();
        assert_eq!(from_tuple.as_slice(), ["a", "b"]);
        let from_range: SmallVec<[i32; 8]> = eval(py, "range(3)").extract().unwrap();
        assert_eq!(from_range.as_slice(), [0, 1, 2]);
        let empty: SmallVec<[i32; 1]> = eval(py, "[]").extract().unwrap();
        assert!(empty.is_empty());
    });
}

#[test]
fn refuses_str_non_sequences_and_bad_items() {
    Python::attach(|py| {
        let err = eval(py, "'abc'")
            .extract::<SmallVec<[String; 4]>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "Can't extract `str` to `SmallVec`"
        );

        let err = eval(py, "{'a': 1}")
            .extract::<SmallVec<[u64; 8]>>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'dict' object cannot be cast as 'Sequence'"
        );

        let err = eval(py, "[1, 256]")
            .extract::<SmallVec<[u8; 8]>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
    });
}
