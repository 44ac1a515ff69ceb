//! `PyDict` (views, mutation detection), `PyList`, `PyTuple`, `PyMapping`, `PySequence`.

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    IntoPyDict, PyDict, PyDictItems, PyDictKeys, PyDictValues, PyEllipsis, PyList, PyMapping,
    PyNotImplemented, PySequence, PyString, PyTuple,
};

#[test]
fn dict_views_and_update() {
    Python::attach(|py| {
        let d = [("a", 1), ("b", 2)].into_py_dict(py).unwrap();
        let keys = d.call_method0("keys").unwrap();
        assert!(keys.is_instance_of::<PyDictKeys>());
        assert!(d
            .call_method0("values")
            .unwrap()
            .is_instance_of::<PyDictValues>());
        assert!(d
            .call_method0("items")
            .unwrap()
            .is_instance_of::<PyDictItems>());
        assert!(!keys.is_instance_of::<PyDictItems>());

        let other = [("b", 20), ("c", 30)].into_py_dict(py).unwrap();
        let d2 = d.copy().unwrap();
        d2.update_if_missing(other.as_mapping()).unwrap();
        py_assert!(py, d2; "d2 == {'a': 1, 'b': 2, 'c': 30}");
        d.update(other.as_mapping()).unwrap();
        py_assert!(py, d; "d == {'a': 1, 'b': 20, 'c': 30}");

        let pairs = py.eval(c"[(1, 2), (3, 4)]", None, None).unwrap();
        let built = PyDict::from_sequence(&pairs).unwrap();
        py_assert!(py, built; "built == {1: 2, 3: 4}");
        let bad = py.eval(c"[1]", None, None).unwrap();
        assert!(PyDict::from_sequence(&bad)
            .unwrap_err()
            .is_instance_of::<PyTypeError>(py));

        let mut seen = 0;
        let counter = std::cell::Cell::new(0);
        d.locked_for_each(|_, _| {
            counter.set(counter.get() + 1);
            Ok(())
        })
        .unwrap();
        seen += counter.get();
        assert_eq!(seen, 3);
        assert_eq!(d.iter().len(), 3);
        assert_eq!(d.clone().into_iter().count(), 3);
    });
}

#[test]
#[should_panic(expected = "dictionary changed size during iteration")]
fn dict_size_change_panics() {
    Python::attach(|py| {
        let d = [(1, 1), (2, 2)].into_py_dict(py).unwrap();
        for (k, _) in &d {
            let k: i32 = k.extract().unwrap();
            d.set_item(k + 100, 0).unwrap();
        }
    });
}

#[test]
#[should_panic(expected = "dictionary keys changed during iteration")]
fn dict_keys_change_panics() {
    Python::attach(|py| {
        let d = [(1, 1), (2, 2)].into_py_dict(py).unwrap();
        for (k, _) in &d {
            let k: i32 = k.extract().unwrap();
            d.del_item(k).unwrap();
            d.set_item(k + 100, 0).unwrap();
        }
    });
}

#[test]
fn list_methods() {
    Python::attach(|py| {
        let l = PyList::new(py, [1, 2, 3, 4]).unwrap();
        assert_refcnt!(l, {
            py_assert!(py, l; "l == [1, 2, 3, 4]");
            let s = l.get_slice(1, 3);
            py_assert!(py, s; "s == [2, 3]");
            assert!(l.contains(3).unwrap());
            assert_eq!(l.index(3).unwrap(), 2);
            l.del_item(0).unwrap();
            l.set_slice(0, 1, PyList::new(py, [7, 8]).unwrap().as_any())
                .unwrap();
            py_assert!(py, l; "l == [7, 8, 3, 4]");
            l.del_slice(1, 100).unwrap();
            py_assert!(py, l; "l == [7]");
            // Not on the free-threaded build, where another thread could shrink the list (PyO3
            // leaves it out there too).
            #[cfg(not(Py_GIL_DISABLED))]
            {
                // SAFETY: index 0 is in range.
                let first = unsafe { l.get_item_unchecked(0) };
                assert_eq!(first.extract::<i32>().unwrap(), 7);
            }
            assert_eq!(l.as_sequence().len().unwrap(), 1);
        });
        let err = l.index(99).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err = l.del_item(10).unwrap_err();
        assert!(err.is_instance_of::<PyIndexError>(py));
        let l = PyList::new(py, [1, 2, 3]).unwrap();
        let back: Vec<i32> = l.iter().rev().map(|x| x.extract().unwrap()).collect();
        assert_eq!(back, [3, 2, 1]);
    });
}

#[test]
fn tuple_methods() {
    Python::attach(|py| {
        let t = PyTuple::new(py, [10, 20, 30]).unwrap();
        assert_refcnt!(t, {
            let s = t.get_slice(1, 10);
            py_assert!(py, s; "s == (20, 30)");
            assert!(t.contains(20).unwrap());
            assert_eq!(t.index(30).unwrap(), 2);
            assert_eq!(t.as_slice().len(), 3);
            assert_eq!(t.as_slice()[1].extract::<i32>().unwrap(), 20);
            let borrowed: Vec<i32> = t.iter_borrowed().map(|x| x.extract().unwrap()).collect();
            assert_eq!(borrowed, [10, 20, 30]);
            let back: Vec<i32> = t.iter().rev().map(|x| x.extract().unwrap()).collect();
            assert_eq!(back, [30, 20, 10]);
            // SAFETY: in range.
            let item = unsafe { t.get_borrowed_item_unchecked(2) };
            assert_eq!(item.extract::<i32>().unwrap(), 30);
        });
        assert_eq!(t.clone().into_iter().count(), 3);
    });
}

#[test]
fn mapping_protocol() {
    Python::attach(|py| {
        let d = [("k", 1)].into_py_dict(py).unwrap();
        let m = d.as_any().cast::<PyMapping>().unwrap();
        assert_refcnt!(d, {
            assert_eq!(m.len().unwrap(), 1);
            assert!(m.contains("k").unwrap());
            m.set_item("j", 2).unwrap();
            assert_eq!(m.get_item("j").unwrap().extract::<i32>().unwrap(), 2);
            m.del_item("j").unwrap();
            assert_eq!(m.keys().unwrap().len(), 1);
            assert_eq!(m.values().unwrap().len(), 1);
            assert_eq!(m.items().unwrap().len(), 1);
        });
        let err = m.get_item("missing").unwrap_err();
        assert!(err.is_instance_of::<PyKeyError>(py));
        let ordered = py
            .import("collections")
            .unwrap()
            .getattr("OrderedDict")
            .unwrap()
            .call0()
            .unwrap();
        assert!(ordered.cast::<PyMapping>().is_ok());
        let list = PyList::empty(py);
        let err = list.as_any().cast::<PyMapping>().unwrap_err();
        assert_eq!(err.to_string(), "'list' object cannot be cast as 'Mapping'");
    });
}

#[test]
fn sequence_protocol_and_register() {
    Python::attach(|py| {
        let l = PyList::new(py, [1, 2, 3]).unwrap();
        let s = l.as_any().cast::<PySequence>().unwrap();
        assert_refcnt!(l, {
            assert_eq!(s.len().unwrap(), 3);
            assert_eq!(s.count(2).unwrap(), 1);
            assert_eq!(s.index(3).unwrap(), 2);
            let c = s.concat(s).unwrap();
            assert_eq!(c.len().unwrap(), 6);
            assert_eq!(s.repeat(2).unwrap().len().unwrap(), 6);
            assert_eq!(s.get_slice(0, 2).unwrap().len().unwrap(), 2);
            s.set_item(0, 9).unwrap();
            assert_eq!(s.get_item(0).unwrap().extract::<i32>().unwrap(), 9);
            s.del_item(0).unwrap();
            assert_eq!(s.to_tuple().unwrap().len(), 2);
            assert_eq!(s.to_list().unwrap().len(), 2);
        });
        let err = s.get_item(50).unwrap_err();
        assert!(err.is_instance_of::<PyIndexError>(py));
        assert_eq!(err.value(py).to_string(), "list index out of range");
        let set = py.eval(c"{1}", None, None).unwrap();
        assert!(set.cast::<PySequence>().is_err());
        let s = PyString::new(py, "abc");
        assert!(s.cast::<PySequence>().is_ok());

        let cls = py.eval(c"type('MySeq', (), {})", None, None).unwrap();
        let instance = cls.call0().unwrap();
        assert!(instance.cast::<PySequence>().is_err());
        py.import("collections.abc")
            .unwrap()
            .getattr("Sequence")
            .unwrap()
            .call_method1("register", (&cls,))
            .unwrap();
        assert!(instance.cast::<PySequence>().is_ok());
        // `register` through the Rust API, on a type nothing else here relies on.
        let ellipsis = py.eval(c"...", None, None).unwrap();
        assert!(ellipsis.cast::<PySequence>().is_err());
        PySequence::register::<PyEllipsis>(py).unwrap();
        assert!(ellipsis.cast::<PySequence>().is_ok());
        let not_impl = py.eval(c"NotImplemented", None, None).unwrap();
        assert!(not_impl.cast::<PyMapping>().is_err());
        PyMapping::register::<PyNotImplemented>(py).unwrap();
        assert!(not_impl.cast::<PyMapping>().is_ok());
    });
}
