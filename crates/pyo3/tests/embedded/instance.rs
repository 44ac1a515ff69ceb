//! `Bound`, `Borrowed` and `Py`: reference counting and casts.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PyString};

#[test]
fn clone_and_drop_balance() {
    Python::attach(|py| {
        let obj = py.eval(c"object()", None, None).unwrap();
        let base = obj.get_refcnt();
        let c = obj.clone();
        assert_eq!(obj.get_refcnt(), base + 1);
        drop(c);
        assert_eq!(obj.get_refcnt(), base);
        let unbound: Py<PyAny> = obj.clone().unbind();
        assert_eq!(obj.get_refcnt(), base + 1);
        let rebound = unbound.into_bound(py);
        assert_eq!(obj.get_refcnt(), base + 1);
        drop(rebound);
        assert_eq!(obj.get_refcnt(), base);
        let p = obj.clone().unbind();
        let r = p.clone_ref(py);
        assert_eq!(obj.get_refcnt(), base + 2);
        drop((p, r));
        assert_eq!(obj.get_refcnt(), base);
    });
}

#[test]
fn borrowed_touches_no_refcount() {
    Python::attach(|py| {
        let obj = py.eval(c"object()", None, None).unwrap();
        assert_refcnt!(obj, {
            let b = obj.as_borrowed();
            let b2 = b;
            assert!(b2.is(&obj));
            let owned = b.to_owned();
            assert_eq!(obj.get_refcnt(), owned.get_refcnt());
        });
    });
}

#[test]
fn cast_success_and_error() {
    Python::attach(|py| {
        let obj = 5i32.into_pyobject(py).unwrap().into_any();
        assert!(obj.cast::<PyInt>().is_ok());
        let err = obj.cast::<PyString>().unwrap_err();
        assert_eq!(err.to_string(), "'int' object cannot be cast as 'str'");
        let pyerr: PyErr = err.into();
        assert!(pyerr.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let err = obj.clone().cast_into::<PyList>().unwrap_err();
        assert_eq!(err.to_string(), "'int' object cannot be cast as 'list'");
        assert!(err.into_inner().is(&obj));
        let d = PyDict::new(py).into_any();
        let cast: &Bound<'_, PyDict> = d.cast().unwrap();
        assert_eq!(cast.len(), 0);
    });
}

#[test]
fn py_methods() {
    Python::attach(|py| {
        let list: Py<PyList> = PyList::new(py, [1, 2, 3]).unwrap().unbind();
        let any = list.clone_ref(py).into_any();
        let n: usize = any
            .call_method0(py, "__len__")
            .unwrap()
            .extract(py)
            .unwrap();
        assert_eq!(n, 3);
        any.call_method1(py, "append", (4,)).unwrap();
        assert_eq!(list.bind(py).len(), 4);
        let v: Vec<i64> = vec![any
            .getattr(py, "count")
            .unwrap()
            .call1(py, (4,))
            .unwrap()
            .extract(py)
            .unwrap()];
        assert_eq!(v, [1]);
        assert!(any.cast_bound::<PyList>(py).is_ok());
    });
}
