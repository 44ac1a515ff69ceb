//! hashbrown `HashMap` / `HashSet` <-> `dict` / `set` / `frozenset`.

use std::collections::hash_map::{DefaultHasher, RandomState};
use std::hash::BuildHasherDefault;

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PySet};

// PyO3 turns hashbrown's default features off, so there is no default hasher: name one.
type HashMap<K, V, S = RandomState> = hashbrown::HashMap<K, V, S>;
type HashSet<K, S = RandomState> = hashbrown::HashSet<K, S>;
type Fixed = BuildHasherDefault<DefaultHasher>;

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    py.eval(&std::ffi::CString::new(code).unwrap(), None, None)
        .unwrap()
}

#[test]
fn map_into_dict_owned_and_borrowed() {
    Python::attach(|py| {
        let map: HashMap<i32, String> = [(1, "one".to_owned()), (2, "two".to_owned())]
            .into_iter()
            .collect();
        let dict: Bound<'_, PyDict> = (&map).into_pyobject(py).unwrap();
        assert_eq!(dict.len(), 2);
        assert_eq!(
            dict.get_item(2)
                .unwrap()
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "two"
        );
        let owned = map.into_pyobject(py).unwrap();
        assert!(owned.eq(&dict).unwrap());
    });
}

#[test]
fn map_from_dict_with_any_hasher() {
    Python::attach(|py| {
        let dict = eval(py, "{'a': 1, 'b': 2}");
        let map: HashMap<String, u8, RandomState> = dict.extract().unwrap();
        assert_eq!(map.len(), 2);
        assert_eq!(map["a"], 1);
        assert_eq!(map["b"], 2);
        let default_hasher: HashMap<String, u8, Fixed> = dict.extract().unwrap();
        assert_eq!(default_hasher.len(), 2);
    });
}

#[test]
fn map_refuses_non_dict_and_bad_items() {
    Python::attach(|py| {
        let err = eval(py, "[(1, 2)]")
            .extract::<HashMap<i32, i32>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'list' object cannot be cast as 'dict'"
        );
        let err = eval(py, "{'a': 300}")
            .extract::<HashMap<String, u8>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
        let err = eval(py, "{1: 2}")
            .extract::<HashMap<String, i32>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'int' object cannot be cast as 'str'"
        );
    });
}

#[test]
fn set_round_trip_and_frozenset() {
    Python::attach(|py| {
        let set: HashSet<u32> = [1, 2, 3].into_iter().collect();
        let py_set: Bound<'_, PySet> = (&set).into_pyobject(py).unwrap();
        assert_eq!(py_set.len(), 3);
        assert!(py_set.contains(2).unwrap());
        let back: HashSet<u32> = set.into_pyobject(py).unwrap().extract().unwrap();
        assert_eq!(back, [1, 2, 3].into_iter().collect());

        let frozen: HashSet<String, Fixed> = eval(py, "frozenset({'x', 'y'})").extract().unwrap();
        assert_eq!(frozen.len(), 2);
        assert!(frozen.contains("x"));

        let err = eval(py, "[1, 2]").extract::<HashSet<u32>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'list' object cannot be cast as 'set'"
        );
    });
}
