//! The object protocol and the core types.

use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyBool, PyDict, PyFloat, PyList, PyNone, PyString, PyTuple};

#[test]
fn attributes_calls_items() {
    Python::attach(|py| {
        let ns = py
            .eval(c"__import__('types').SimpleNamespace(a=1)", None, None)
            .unwrap();
        assert!(ns.hasattr("a").unwrap());
        assert!(!ns.hasattr("b").unwrap());
        ns.setattr("b", 2).unwrap();
        assert_eq!(ns.getattr("b").unwrap().extract::<i32>().unwrap(), 2);
        ns.delattr("b").unwrap();
        assert!(ns.getattr_opt("b").unwrap().is_none());
        let builtins = py.import("builtins").unwrap();
        let max = builtins.getattr("max").unwrap();
        assert_eq!(max.call1((3, 9, 4)).unwrap().extract::<i32>().unwrap(), 9);
        let kwargs = [("key", builtins.getattr("abs").unwrap())]
            .into_py_dict(py)
            .unwrap();
        assert_eq!(
            max.call((-10, 3), Some(&kwargs))
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            -10
        );
        let list = PyList::new(py, ["x", "y"]).unwrap();
        assert_eq!(
            list.as_any()
                .get_item(1)
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "y"
        );
        assert!(list.as_any().contains("x").unwrap());
        list.as_any().set_item(0, "z").unwrap();
        list.as_any().del_item(1).unwrap();
        assert_eq!(list.repr().unwrap().to_str().unwrap(), "['z']");
    });
}

#[test]
fn comparisons_truth_hash_len() {
    Python::attach(|py| {
        let a = 3i32.into_pyobject(py).unwrap();
        // On `Bound<PyInt>` itself, `eq`/`ne` are `PartialEq`'s (as in PyO3): go through
        // `PyAny` for Python's `==`.
        assert!(a.as_any().eq(3).unwrap());
        assert!(a.as_any().ne(4).unwrap());
        assert!(a == 3 && a != 4);
        assert!(a.lt(4).unwrap() && a.le(3).unwrap() && a.gt(2).unwrap() && a.ge(3).unwrap());
        assert_eq!(a.compare(5).unwrap(), std::cmp::Ordering::Less);
        assert!(a.is_truthy().unwrap());
        assert_eq!(a.hash().unwrap(), 3);
        let s = PyString::new(py, "abc");
        assert_eq!(s.len().unwrap(), 3);
        assert!(a.len().is_err());
        assert!(a.is_instance_of::<pyo3::types::PyInt>());
        assert!(!a.is_instance_of::<PyFloat>());
        assert!(a.get_type().name().unwrap().to_str().unwrap() == "int");
        assert!(PyNone::get(py).is_none());
        assert!(PyBool::new(py, true).is_true());
        assert!(py.eval(c"len", None, None).unwrap().is_callable());
    });
}

#[test]
fn dict_list_tuple() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        d.set_item("a", 1).unwrap();
        d.set_item("b", 2).unwrap();
        assert_eq!(d.len(), 2);
        assert!(d.contains("a").unwrap());
        assert!(d.get_item("zz").unwrap().is_none());
        let mut total = 0;
        for (k, v) in &d {
            assert!(k.is_instance_of::<PyString>());
            total += v.extract::<i64>().unwrap();
        }
        assert_eq!(total, 3);
        d.del_item("a").unwrap();
        assert_eq!(d.keys().len(), 1);
        let t = PyTuple::new(py, [1, 2]).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t.get_item(1).unwrap().extract::<i32>().unwrap(), 2);
        assert!(t.get_item(5).is_err());
        let l = PyList::empty(py);
        l.append(1).unwrap();
        l.insert(0, 0).unwrap();
        let collected: Vec<i64> = l.iter().map(|x| x.extract().unwrap()).collect();
        assert_eq!(collected, [0, 1]);
    });
}

#[test]
fn string_methods() {
    Python::attach(|py| {
        let s = PyString::new(py, "héllo");
        assert_eq!(s.to_str().unwrap(), "héllo");
        assert_eq!(s.to_cow().unwrap(), "héllo");
        let surrogate = py.eval(c"'a\\ud800b'", None, None).unwrap();
        let surrogate = surrogate.cast::<PyString>().unwrap();
        assert!(surrogate.to_str().is_err());
        assert_eq!(surrogate.to_string_lossy(), "a\u{fffd}\u{fffd}\u{fffd}b");
        let interned = PyString::intern(py, "some_name");
        assert!(interned.is(PyString::intern(py, "some_name")));
        assert_eq!(format!("{}", s), "héllo");
        assert_eq!(format!("{:?}", s), "'héllo'");
    });
}
