//! indexmap `IndexMap` <-> `dict`, with the order kept both ways.

use indexmap::IndexMap;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    py.eval(&std::ffi::CString::new(code).unwrap(), None, None)
        .unwrap()
}

#[test]
fn into_dict_keeps_order() {
    Python::attach(|py| {
        let mut map = IndexMap::new();
        for key in ["zeta", "alpha", "mid", "beta"] {
            map.insert(key, key.len());
        }
        let dict: Bound<'_, PyDict> = (&map).into_pyobject(py).unwrap();
        assert_eq!(
            dict.keys().extract::<Vec<String>>().unwrap(),
            ["zeta", "alpha", "mid", "beta"]
        );
        assert_eq!(
            dict.get_item("alpha")
                .unwrap()
                .unwrap()
                .extract::<usize>()
                .unwrap(),
            5
        );
        let owned = map.into_pyobject(py).unwrap();
        assert_eq!(
            owned.to_string(),
            "{'zeta': 4, 'alpha': 5, 'mid': 3, 'beta': 4}"
        );
    });
}

#[test]
fn from_dict_keeps_order() {
    Python::attach(|py| {
        let dict = eval(py, "{k: i for i, k in enumerate('qwertyuiop')}");
        let map: IndexMap<String, usize> = dict.extract().unwrap();
        let keys: String = map.keys().map(String::as_str).collect();
        assert_eq!(keys, "qwertyuiop");
        assert!(map.values().copied().eq(0..10));
        let again = map.into_pyobject(py).unwrap();
        assert!(again.eq(&dict).unwrap());
        assert_eq!(
            again.keys().to_string(),
            "['q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p']"
        );
    });
}

#[test]
fn refuses_non_dict() {
    Python::attach(|py| {
        let err = eval(py, "[('a', 1)]")
            .extract::<IndexMap<String, i32>>()
            .unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'list' object cannot be cast as 'dict'"
        );
    });
}
