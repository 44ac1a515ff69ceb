//! The `Python` token: eval, run, import, version, None, attach/detach.

use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};

#[test]
fn eval_and_run() {
    Python::attach(|py| {
        let v: i64 = py.eval(c"1 + 41", None, None).unwrap().extract().unwrap();
        assert_eq!(v, 42);
        let locals = PyDict::new(py);
        py.run(c"x = 'a' * 3", None, Some(&locals)).unwrap();
        let x: String = locals.get_item("x").unwrap().unwrap().extract().unwrap();
        assert_eq!(x, "aaa");
        let globals = [("y", 5)].into_py_dict(py).unwrap();
        let y: i64 = py
            .eval(c"y * 2", Some(&globals), None)
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(y, 10);
        let z = 5i32;
        py_assert!(py, z; "z == 5 and isinstance(z, int)");
    });
}

#[test]
fn eval_syntax_error() {
    Python::attach(|py| {
        let err = py.eval(c"1 +", None, None).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PySyntaxError>(py));
    });
}

#[test]
fn import_and_version() {
    Python::attach(|py| {
        let sys = py.import("sys").unwrap();
        let version: String = sys.getattr("version").unwrap().extract().unwrap();
        assert_eq!(version, py.version());
        let info = py.version_info();
        let sys_info: (u8, u8) = sys
            .getattr("version_info")
            .unwrap()
            .get_item(0)
            .and_then(|major| {
                Ok((
                    major.extract()?,
                    sys.getattr("version_info")?.get_item(1)?.extract()?,
                ))
            })
            .unwrap();
        assert_eq!((info.major, info.minor), sys_info);
        let err = py.import("no_such_module_xyz").unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyModuleNotFoundError>(py));
    });
}

#[test]
fn none_is_none() {
    Python::attach(|py| {
        assert!(py.None().is_none(py));
        assert!(py.None().bind(py).is_none());
        assert!(!py.NotImplemented().is_none(py));
    });
}

#[test]
fn nested_attach_and_detach() {
    Python::attach(|py| {
        let n = Python::attach(|py2| {
            py2.eval(c"3", None, None)
                .unwrap()
                .extract::<i64>()
                .unwrap()
        });
        assert_eq!(n, 3);
        let from_thread = py.detach(|| {
            std::thread::spawn(|| {
                Python::attach(|py| {
                    py.eval(c"2 ** 10", None, None)
                        .unwrap()
                        .extract::<i64>()
                        .unwrap()
                })
            })
            .join()
            .unwrap()
        });
        assert_eq!(from_thread, 1024);
    });
}

#[test]
fn py_dropped_on_other_thread_is_released_later() {
    let (obj, before) = Python::attach(|py| {
        let obj = py.eval(c"object()", None, None).unwrap().unbind();
        let before = obj.get_refcnt(py);
        (obj, before)
    });
    let keep = Python::attach(|py| obj.clone_ref(py));
    std::thread::spawn(move || drop(obj)).join().unwrap();
    Python::attach(|py| {
        // The deferred decrement has been applied on attaching (on the free-threaded build,
        // possibly by another test's thread, whose decrement this thread then merges).
        crate::util::settle(py, || keep.get_refcnt(py) == before);
        assert_eq!(keep.get_refcnt(py), before);
    });
}
