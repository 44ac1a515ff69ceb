//! `Clone for Py<T>` with the `py-clone` feature.

use pyo3::prelude::*;
use pyo3::types::PyList;

#[test]
fn clone_while_attached_increments_the_refcount() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap().unbind();
        let before = list.get_refcnt(py);
        #[allow(clippy::redundant_clone)]
        let copy = list.clone();
        assert_eq!(list.get_refcnt(py), before + 1);
        assert!(copy.is(&list));
        copy.bind(py).append(3).unwrap();
        assert_eq!(list.bind(py).len(), 3);
        drop(copy);
        assert_eq!(list.get_refcnt(py), before);
    });
}

#[test]
fn clone_while_detached_panics() {
    Python::attach(|py| {
        let obj: Py<PyAny> = PyList::empty(py).into_any().unbind();
        let before = obj.get_refcnt(py);
        let payload = py.detach(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| obj.clone())).unwrap_err()
        });
        let message = payload.downcast_ref::<&str>().copied().unwrap_or_else(|| {
            payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .unwrap()
        });
        assert_eq!(
            message,
            "Cannot clone pointer into Python heap without the thread being attached."
        );
        assert_eq!(obj.get_refcnt(py), before);
    });
}
