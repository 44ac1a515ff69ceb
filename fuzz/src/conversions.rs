//! Runs one built value through every std conversion and compares with the oracle.
//!
//! Each successful extraction is also converted back to Python and extracted again, which must
//! give the same Rust value.

use crate::build::Item;
use crate::oracle::{self, Errs, Expect};
use crate::value::Value;
use pyo3::conversion::FromPyObjectOwned;
use pyo3::exceptions::{
    PyOverflowError, PyRuntimeError, PyTypeError, PyUnicodeEncodeError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::BoundObject;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ffi::OsString;
use std::fmt::Debug;
use std::num::{NonZeroI64, NonZeroU8};
use std::path::PathBuf;

/// The exception type of `err` as one of the oracle's kinds; any other type is a finding.
pub fn kind_of(py: Python<'_>, err: &PyErr, what: &str) -> Errs {
    if err.is_instance_of::<PyUnicodeEncodeError>(py) {
        Errs::UNICODE
    } else if err.is_instance_of::<PyOverflowError>(py) {
        Errs::OVERFLOW
    } else if err.is_instance_of::<PyValueError>(py) {
        Errs::VALUE
    } else if err.is_instance_of::<PyTypeError>(py) {
        Errs::TYPE
    } else if err.is_instance_of::<PyRuntimeError>(py) {
        Errs::RUNTIME
    } else {
        panic!("{what}: unexpected exception {err}")
    }
}

fn verify<T: Debug>(
    py: Python<'_>,
    what: &str,
    v: &Value,
    actual: PyResult<T>,
    expected: Expect<T>,
    same: impl Fn(&T, &T) -> bool,
) {
    match (actual, expected) {
        (Ok(a), Ok(e)) => assert!(same(&a, &e), "{what} of {v:?}: got {a:?}, expected {e:?}"),
        (Err(err), Err(allowed)) => {
            let kind = kind_of(py, &err, what);
            assert!(
                allowed.contains(kind),
                "{what} of {v:?}: raised {err}, expected one of {allowed:?}"
            );
        }
        (Ok(a), Err(allowed)) => panic!("{what} of {v:?}: got {a:?}, expected one of {allowed:?}"),
        (Err(err), Ok(e)) => panic!("{what} of {v:?}: raised {err}, expected {e:?}"),
    }
}

fn same_f64(a: &f64, b: &f64) -> bool {
    a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
}

/// An owned conversion, its oracle, and (when `roundtrip`) the way back and forth again.
fn owned<'py, T>(
    obj: &Bound<'py, PyAny>,
    v: &Value,
    what: &str,
    expected: Expect<T>,
    same: impl Fn(&T, &T) -> bool,
    roundtrip: bool,
) where
    T: FromPyObjectOwned<'py> + IntoPyObject<'py> + Clone + Debug,
{
    let py = obj.py();
    let actual = obj.extract::<T>().map_err(Into::into);
    if let (Ok(a), true) = (&actual, roundtrip) {
        let back = a
            .clone()
            .into_pyobject(py)
            .map_err(Into::into)
            .unwrap_or_else(|e| panic!("{what}: {a:?} back to Python raised {e}"))
            .into_any()
            .into_bound();
        let again = back
            .extract::<T>()
            .map_err(Into::into)
            .unwrap_or_else(|e| panic!("{what}: {a:?} back from Python raised {e}"));
        assert!(
            same(a, &again),
            "{what}: round trip of {a:?} gave {again:?}"
        );
    }
    verify(py, what, v, actual, expected, same);
}

fn eq<T: PartialEq>(a: &T, b: &T) -> bool {
    a == b
}

macro_rules! ints {
    ($obj:expr, $v:expr, $($t:ty),*) => {
        $( owned::<$t>($obj, $v, stringify!($t), oracle::int::<$t>($v), eq, true); )*
    };
}

/// Every std conversion of `obj`, which was built from `v`.
pub fn check_value(obj: &Bound<'_, PyAny>, v: &Value) {
    let py = obj.py();
    ints!(obj, v, i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);
    owned::<i128>(obj, v, "i128", oracle::int(v), eq, true);
    owned::<u128>(obj, v, "u128", oracle::u128_(v), eq, true);
    owned::<NonZeroI64>(
        obj,
        v,
        "NonZeroI64",
        oracle::nonzero::<i64>(v).map(|x| NonZeroI64::new(x).expect("nonzero")),
        eq,
        true,
    );
    owned::<NonZeroU8>(
        obj,
        v,
        "NonZeroU8",
        oracle::nonzero::<u8>(v).map(|x| NonZeroU8::new(x).expect("nonzero")),
        eq,
        true,
    );
    owned::<f64>(obj, v, "f64", oracle::float(v), same_f64, true);
    owned::<f32>(
        obj,
        v,
        "f32",
        oracle::float(v).map(|f| f as f32),
        |a, b| a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
        true,
    );
    owned::<bool>(obj, v, "bool", oracle::boolean(v), eq, true);
    owned::<char>(obj, v, "char", oracle::character(v), eq, true);
    owned::<String>(obj, v, "String", oracle::string(v), eq, true);
    verify(
        py,
        "&str",
        v,
        obj.extract::<&str>().map(str::to_owned),
        oracle::string(v),
        eq,
    );
    verify(
        py,
        "Cow<str>",
        v,
        obj.extract::<Cow<'_, str>>().map(Cow::into_owned),
        oracle::string(v),
        eq,
    );
    verify(
        py,
        "PyBackedStr",
        v,
        obj.extract::<PyBackedStr>().map(|s| (*s).to_owned()),
        oracle::string(v),
        eq,
    );
    verify(
        py,
        "&[u8]",
        v,
        obj.extract::<&[u8]>()
            .map(<[u8]>::to_vec)
            .map_err(Into::into),
        oracle::byte_slice(v),
        eq,
    );
    verify(
        py,
        "Cow<[u8]>",
        v,
        obj.extract::<Cow<'_, [u8]>>()
            .map(Cow::into_owned)
            .map_err(Into::into),
        oracle::byte_cow(v),
        eq,
    );
    verify(
        py,
        "PyBackedBytes",
        v,
        obj.extract::<PyBackedBytes>()
            .map(|b| b.to_vec())
            .map_err(Into::into),
        oracle::byte_cow(v),
        eq,
    );
    owned::<Vec<u8>>(obj, v, "Vec<u8>", oracle::vec_u8(v), eq, true);
    owned::<Vec<i64>>(obj, v, "Vec<i64>", oracle::vec(v, oracle::int), eq, true);
    owned::<Vec<f64>>(
        obj,
        v,
        "Vec<f64>",
        oracle::vec(v, oracle::float),
        |a, b| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_f64(x, y)),
        true,
    );
    owned::<Vec<String>>(
        obj,
        v,
        "Vec<String>",
        oracle::vec(v, oracle::string),
        eq,
        true,
    );
    owned::<Vec<Option<u128>>>(
        obj,
        v,
        "Vec<Option<u128>>",
        oracle::vec(v, |x| oracle::option(x, oracle::u128_)),
        eq,
        true,
    );
    owned::<Vec<Vec<i8>>>(
        obj,
        v,
        "Vec<Vec<i8>>",
        oracle::vec(v, |x| oracle::vec(x, oracle::int)),
        eq,
        true,
    );
    owned::<[i64; 2]>(obj, v, "[i64; 2]", oracle::array(v, oracle::int), eq, true);
    owned::<[u8; 3]>(obj, v, "[u8; 3]", oracle::array(v, oracle::int), eq, true);
    owned::<[char; 1]>(
        obj,
        v,
        "[char; 1]",
        oracle::array(v, oracle::character),
        eq,
        true,
    );
    owned::<(i64, String)>(
        obj,
        v,
        "(i64, String)",
        oracle::pair(v, oracle::int, oracle::string),
        eq,
        true,
    );
    owned::<(Option<bool>,)>(
        obj,
        v,
        "(Option<bool>,)",
        oracle::single(v, |x| oracle::option(x, oracle::boolean)),
        eq,
        true,
    );
    owned::<HashMap<String, i64>>(
        obj,
        v,
        "HashMap<String, i64>",
        oracle::map(v, oracle::string, oracle::int).map(|e| e.into_iter().collect()),
        eq,
        true,
    );
    owned::<BTreeMap<i64, Option<bool>>>(
        obj,
        v,
        "BTreeMap<i64, Option<bool>>",
        oracle::map(v, oracle::int, |x| oracle::option(x, oracle::boolean))
            .map(|e| e.into_iter().collect()),
        eq,
        true,
    );
    owned::<HashMap<Vec<u8>, Vec<i64>>>(
        obj,
        v,
        "HashMap<Vec<u8>, Vec<i64>>",
        oracle::map(v, oracle::vec_u8, |x| oracle::vec(x, oracle::int))
            .map(|e| e.into_iter().collect()),
        eq,
        false,
    );
    owned::<HashSet<i64>>(
        obj,
        v,
        "HashSet<i64>",
        oracle::set(v, oracle::int).map(|e| e.into_iter().collect()),
        eq,
        true,
    );
    owned::<BTreeSet<String>>(
        obj,
        v,
        "BTreeSet<String>",
        oracle::set(v, oracle::string).map(|e| e.into_iter().collect()),
        eq,
        true,
    );
    owned::<Option<i64>>(
        obj,
        v,
        "Option<i64>",
        oracle::option(v, oracle::int),
        eq,
        true,
    );
    owned::<OsString>(
        obj,
        v,
        "OsString",
        oracle::os_bytes(v).map(bytes_to_os),
        eq,
        true,
    );
    // A PathBuf comes back as a `pathlib.Path`, which normalises ("a//b/" is "a/b"): no round trip.
    owned::<PathBuf>(
        obj,
        v,
        "PathBuf",
        oracle::path_bytes(v).map(|b| PathBuf::from(bytes_to_os(b))),
        eq,
        false,
    );
    check_item(obj, v);
}

fn bytes_to_os(b: Vec<u8>) -> OsString {
    use std::os::unix::ffi::OsStringExt;
    OsString::from_vec(b)
}

/// The `#[pyclass]` extractions, and the borrow checker behind `PyRef`/`PyRefMut`.
fn check_item(obj: &Bound<'_, PyAny>, v: &Value) {
    let py = obj.py();
    let expected = oracle::item(v);
    verify(
        py,
        "PyRef<Item>",
        v,
        obj.extract::<PyRef<'_, Item>>()
            .map(|r| r.value)
            .map_err(Into::into),
        expected,
        eq,
    );
    verify(
        py,
        "Py<Item>",
        v,
        obj.extract::<Py<Item>>()
            .map(|p| p.bind(py).borrow().value)
            .map_err(Into::into),
        expected,
        eq,
    );
    if let Ok(shared) = obj.extract::<PyRef<'_, Item>>() {
        let err = obj
            .extract::<PyRefMut<'_, Item>>()
            .map(|_| ())
            .map_err(PyErr::from)
            .expect_err("PyRefMut while a PyRef is alive");
        assert!(
            err.is_instance_of::<PyRuntimeError>(py),
            "PyRefMut while borrowed raised {err}"
        );
        assert_eq!(err.value(py).to_string(), "Already borrowed");
        drop(shared);
        let mut exclusive = obj
            .extract::<PyRefMut<'_, Item>>()
            .expect("PyRefMut after release");
        exclusive.value = exclusive.value.wrapping_add(0);
    }
}
