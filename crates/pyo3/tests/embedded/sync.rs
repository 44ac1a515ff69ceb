//! `pyo3::sync`, `py_run!` and `pyo3::marshal`.

use std::sync::{Mutex, Once, OnceLock};

use pyo3::prelude::*;
use pyo3::py_run;
use pyo3::sync::{MutexExt, OnceExt, OnceLockExt, PyOnceLock};
use pyo3::types::{PyDict, PyList, PyType};

#[test]
fn once_lock_initialises_once_across_threads() {
    static CELL: PyOnceLock<Py<PyList>> = PyOnceLock::new();
    static CALLS: Mutex<u32> = Mutex::new(0);
    let threads: Vec<_> = (0..4)
        .map(|_| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    let list = CELL.get_or_init(py, || {
                        *CALLS.lock().unwrap() += 1;
                        // Give other threads a chance to race while we are initialising.
                        py.detach(|| std::thread::sleep(std::time::Duration::from_millis(20)));
                        PyList::empty(py).unbind()
                    });
                    list.bind(py).len()
                })
            })
        })
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 0);
    }
    assert_eq!(*CALLS.lock().unwrap(), 1);
}

#[test]
fn once_lock_import_and_try_init() {
    Python::attach(|py| {
        static COUNTER: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let ty = COUNTER.import(py, "collections", "Counter").unwrap();
        assert_eq!(ty.name().unwrap().to_str().unwrap(), "Counter");
        static MISSING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        assert!(MISSING.import(py, "collections", "NoSuchThing").is_err());
        assert!(MISSING.get(py).is_none());
        let cell: PyOnceLock<i32> = PyOnceLock::new();
        assert!(cell.get_or_try_init(py, || Err::<i32, ()>(())).is_err());
        assert_eq!(*cell.get_or_try_init(py, || Ok::<i32, ()>(3)).unwrap(), 3);
        assert_eq!(cell.set(py, 4), Err(4));
    });
}

#[test]
fn std_lock_extensions() {
    Python::attach(|py| {
        static ONCE: Once = Once::new();
        let mut ran = 0;
        ONCE.call_once_py_attached(py, || ran += 1);
        ONCE.call_once_py_attached(py, || ran += 1);
        assert_eq!(ran, 1);
        let lock: OnceLock<String> = OnceLock::new();
        assert_eq!(lock.get_or_init_py_attached(py, || "v".into()), "v");
        let mutex = Mutex::new(1);
        *mutex.lock_py_attached(py).unwrap() += 1;
        assert_eq!(*mutex.lock().unwrap(), 2);
        let list = PyList::empty(py);
        let n = pyo3::sync::with_critical_section(&list, || list.len());
        assert_eq!(n, 0);
    });
}

#[test]
fn intern_returns_same_object() {
    Python::attach(|py| {
        let a = pyo3::intern!(py, "interned_name").clone();
        let b = pyo3::intern!(py, "interned_name").clone();
        assert_eq!(a.to_str().unwrap(), b.to_str().unwrap());
    });
}

#[test]
fn py_run_with_values_and_dict() {
    Python::attach(|py| {
        let items = vec![1, 2, 3];
        let name = "abc";
        py_run!(py, items name, r#"
            assert items == [1, 2, 3]
            assert name == 'abc'
        "#);
        let locals = PyDict::new(py);
        locals.set_item("value", 7).unwrap();
        py_run!(py, *locals, "assert value == 7");
    });
}

#[test]
#[should_panic]
fn py_run_panics_on_error() {
    Python::attach(|py| {
        let x = 1;
        py_run!(py, x, "assert x == 2");
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn marshal_round_trip() {
    Python::attach(|py| {
        let obj = py
            .eval(c"{'a': [1, 2.5, b'x'], 'b': (None, True)}", None, None)
            .unwrap();
        let data = pyo3::marshal::dumps(&obj, pyo3::marshal::VERSION).unwrap();
        let back = pyo3::marshal::loads(py, data.as_bytes()).unwrap();
        assert!(back.eq(&obj).unwrap());
        assert!(pyo3::marshal::loads(py, b"\x00garbage").is_err());
    });
}
