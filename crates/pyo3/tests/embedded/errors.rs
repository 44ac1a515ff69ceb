//! `PyErr`: creation, raising, fetching, display, matching, causes.

use pyo3::exceptions::{PyException, PyKeyError, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

#[test]
fn new_restore_fetch() {
    Python::attach(|py| {
        let err = PyValueError::new_err("bad");
        err.restore(py);
        let fetched = PyErr::fetch(py);
        assert!(fetched.is_instance_of::<PyValueError>(py));
        assert!(fetched.is_instance_of::<PyException>(py));
        assert!(!fetched.is_instance_of::<PyTypeError>(py));
        assert_eq!(fetched.to_string(), "ValueError: bad");
        assert!(PyErr::take(py).is_none());
        let none_set = PyErr::fetch(py);
        assert!(none_set.is_instance_of::<pyo3::exceptions::PySystemError>(py));
    });
}

#[test]
fn args_tuple_and_message_free_errors() {
    Python::attach(|py| {
        let err = PyErr::new::<PyKeyError, _>(("k",));
        assert_eq!(
            err.value(py).repr().unwrap().to_str().unwrap(),
            "KeyError('k')"
        );
        let err = PyErr::new::<PyOSError, _>((2, "no such file"));
        assert_eq!(
            err.value(py)
                .getattr("errno")
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            2
        );
        let err = PyErr::new::<PyValueError, _>(());
        assert_eq!(err.to_string(), "ValueError");
    });
}

#[test]
fn python_exception_with_traceback() {
    Python::attach(|py| {
        let err = py
            .run(c"def f():\n    raise ValueError('deep')\nf()\n", None, None)
            .unwrap_err();
        assert_eq!(err.to_string(), "ValueError: deep");
        let tb = err.traceback(py).expect("a traceback");
        let text = tb.format().unwrap();
        assert!(
            text.starts_with("Traceback (most recent call last):"),
            "{}",
            text
        );
        assert!(text.contains("in f"), "{}", text);
        let dbg = format!("{:?}", err);
        assert!(dbg.contains("ValueError"), "{}", dbg);
    });
}

#[test]
fn matches_and_from_value() {
    Python::attach(|py| {
        let err = PyTypeError::new_err("t");
        assert!(err.matches(py, py.get_type::<PyTypeError>()).unwrap());
        assert!(!err.matches(py, py.get_type::<PyValueError>()).unwrap());
        let value = py.eval(c"KeyError('x')", None, None).unwrap();
        let err = PyErr::from_value(value.clone());
        assert!(err.value(py).is(&value));
        let not_exc = py.eval(c"5", None, None).unwrap();
        let err = PyErr::from_value(not_exc);
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}

#[test]
fn cause_and_clone() {
    Python::attach(|py| {
        let err = PyValueError::new_err("outer");
        err.set_cause(py, Some(PyKeyError::new_err("inner")));
        let cause = err.cause(py).unwrap();
        assert!(cause.is_instance_of::<PyKeyError>(py));
        let clone = err.clone_ref(py);
        assert!(clone.value(py).is(err.value(py)));
    });
}

#[test]
fn io_error_maps_to_subclass() {
    Python::attach(|py| {
        let err: PyErr = std::io::Error::new(std::io::ErrorKind::NotFound, "gone").into();
        assert!(err.is_instance_of::<pyo3::exceptions::PyFileNotFoundError>(py));
        let err: PyErr = "x".parse::<i32>().unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = String::from_utf8(vec![0xff]).unwrap_err().into();
        assert!(err.is_instance_of::<pyo3::exceptions::PyUnicodeDecodeError>(py));
    });
}

#[test]
fn raised_in_python_code_via_locals() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        py_expect_exception!(py, d; "d['missing']", PyKeyError, "'missing'");
    });
}
