//! `PySet`, `PyFrozenSet` and the frozenset builder.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyFrozenSet, PyFrozenSetBuilder, PySet};

#[test]
fn set_methods() {
    Python::attach(|py| {
        let s = PySet::new(py, [1, 2, 3]).unwrap();
        assert_refcnt!(s, {
            assert_eq!(s.len(), 3);
            assert!(s.contains(2).unwrap());
            assert!(!s.contains(9).unwrap());
            s.add(4).unwrap();
            assert!(s.discard(4).unwrap());
            assert!(!s.discard(4).unwrap());
            let mut items: Vec<i32> = s.iter().map(|x| x.extract().unwrap()).collect();
            items.sort();
            assert_eq!(items, [1, 2, 3]);
            assert_eq!(s.iter().len(), 3);
            assert!(s.pop().is_some());
            s.clear();
            assert!(s.is_empty());
            assert!(s.pop().is_none());
        });
        let err = s.add(Vec::<i32>::new()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(err.value(py).to_string(), "unhashable type: 'list'");
        assert!(PySet::empty(py).unwrap().is_empty());
    });
}

#[test]
#[should_panic(expected = "Set changed size during iteration")]
fn set_mutation_during_iteration_panics() {
    Python::attach(|py| {
        let s = PySet::new(py, [1, 2, 3]).unwrap();
        for (i, _) in s.iter().enumerate() {
            s.add(10 + i).unwrap();
        }
    });
}

#[test]
fn frozenset_and_builder() {
    Python::attach(|py| {
        let f = PyFrozenSet::new(py, ["a", "b", "a"]).unwrap();
        assert_refcnt!(f, {
            assert_eq!(f.len(), 2);
            assert!(f.contains("a").unwrap());
            assert!(!f.contains("z").unwrap());
            assert_eq!(f.iter().count(), 2);
            assert_eq!((&f).into_iter().len(), 2);
        });
        let mut builder = PyFrozenSetBuilder::new(py).unwrap();
        builder.add(1).unwrap();
        builder.add(1).unwrap();
        builder.add(2).unwrap();
        let built = builder.finalize();
        assert_eq!(built.len(), 2);
        py_assert!(py, built; "built == frozenset({1, 2})");
        assert!(PyFrozenSet::empty(py).unwrap().is_empty());
    });
}
