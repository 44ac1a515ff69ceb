//! The wider error API: `create_exception!`/`import_exception!`, notes, warnings, causes,
//! conversions to and from std errors, and laziness.

use pyo3::exceptions::{
    PyException, PyFileNotFoundError, PyOSError, PyTypeError, PyUnicodeDecodeError, PyUserWarning,
    PyValueError,
};
use pyo3::prelude::*;

pyo3::create_exception!(my_module, MyError, PyException, "A test exception.");
pyo3::create_exception!(my_module, MyChildError, MyError);
pyo3::import_exception!(json, JSONDecodeError);
pyo3::import_exception!(email.errors, MessageError);

#[test]
fn created_exception_types() {
    Python::attach(|py| {
        let ty = py.get_type::<MyError>();
        assert!(
            ty.is(py.get_type::<MyError>()),
            "type object is created once"
        );
        assert_eq!(ty.name().unwrap().to_str().unwrap(), "MyError");
        let module: String = ty.getattr("__module__").unwrap().extract().unwrap();
        assert_eq!(module, "my_module");
        let doc: String = ty.getattr("__doc__").unwrap().extract().unwrap();
        assert_eq!(doc, "A test exception.");
        let err = MyChildError::new_err("child");
        assert!(err.is_instance_of::<MyError>(py));
        assert!(err.is_instance_of::<PyException>(py));
        assert_eq!(err.to_string(), "MyChildError: child");
        let locals = pyo3::types::PyDict::new(py);
        locals.set_item("MyError", ty).unwrap();
        let raised = py
            .run(c"raise MyError('from python')", None, Some(&locals))
            .unwrap_err();
        assert!(raised.is_instance_of::<MyError>(py));
        let value = raised.value(py).clone();
        let typed: &Bound<'_, MyError> = value.cast().unwrap();
        let back: PyErr = typed.clone().into();
        assert!(back.value(py).is(&value));
    });
}

#[test]
fn imported_exception_types() {
    Python::attach(|py| {
        let err = py
            .run(c"import json; json.loads('{')", None, None)
            .unwrap_err();
        assert!(err.is_instance_of::<JSONDecodeError>(py));
        assert!(err.is_instance_of::<PyValueError>(py));
        let ty = py.get_type::<MessageError>();
        assert_eq!(ty.name().unwrap().to_str().unwrap(), "MessageError");
        let timeout = pyo3::exceptions::socket::timeout::new_err("slow");
        assert!(timeout.is_instance_of::<PyOSError>(py));
    });
}

#[test]
fn lazy_until_inspected() {
    Python::attach(|py| {
        let err = PyValueError::new_err("lazy");
        assert!(!PyErr::occurred(py));
        err.restore(py);
        assert!(PyErr::occurred(py));
        let err = PyErr::fetch(py);
        assert!(!PyErr::occurred(py));
        assert_eq!(err.to_string(), "ValueError: lazy");
    });
}

#[test]
fn causes_and_clone_ref() {
    Python::attach(|py| {
        let err = PyValueError::new_err("outer");
        assert!(err.cause(py).is_none());
        err.set_cause(py, Some(PyTypeError::new_err("inner")));
        let cause = err.cause(py).unwrap();
        assert!(cause.is_instance_of::<PyTypeError>(py));
        let clone = err.clone_ref(py);
        assert!(clone.value(py).is(err.value(py)));
        assert!(err
            .matches(
                py,
                (py.get_type::<PyTypeError>(), py.get_type::<PyValueError>())
            )
            .unwrap());
        let value = err.into_pyobject(py).unwrap();
        assert!(value.is_instance_of::<PyValueError>());
    });
}

#[cfg(Py_3_11)]
#[test]
fn notes() {
    Python::attach(|py| {
        let err = PyValueError::new_err("noted");
        err.add_note(py, "first").unwrap();
        err.add_note(py, String::from("second")).unwrap();
        let notes: Vec<String> = err
            .value(py)
            .getattr("__notes__")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(notes, ["first", "second"]);
    });
}

#[test]
fn warnings() {
    Python::attach(|py| {
        py.run(
            c"import warnings; warnings.simplefilter('error')",
            None,
            None,
        )
        .unwrap();
        let category = py.get_type::<PyUserWarning>();
        let err = PyErr::warn(py, &category, c"as error", 0).unwrap_err();
        assert!(err.is_instance_of::<PyUserWarning>(py));
        let err =
            PyErr::warn_explicit(py, &category, c"explicit", c"f.py", 7, None, None).unwrap_err();
        assert!(err.is_instance_of::<PyUserWarning>(py));
        py.run(
            c"warnings.resetwarnings(); warnings.simplefilter('ignore')",
            None,
            None,
        )
        .unwrap();
        PyErr::warn(py, &category, c"ignored", 0).unwrap();
        py.run(c"warnings.resetwarnings()", None, None).unwrap();
    });
}

#[test]
fn io_error_round_trip() {
    Python::attach(|py| {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "missing");
        let err: PyErr = io.into();
        assert!(err.is_instance_of::<PyFileNotFoundError>(py));
        assert_eq!(err.to_string(), "FileNotFoundError: missing");
        let keep = err.clone_ref(py);
        let io: std::io::Error = err.into();
        assert_eq!(io.kind(), std::io::ErrorKind::NotFound);
        let err: PyErr = io.into();
        assert!(err.value(py).is(keep.value(py)));
        let other: std::io::Error = PyValueError::new_err("v").into();
        assert_eq!(other.kind(), std::io::ErrorKind::Other);
    });
}

#[test]
fn std_error_conversions() {
    Python::attach(|py| {
        let err: PyErr = "x".parse::<i32>().unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = u8::try_from(300i32).unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = std::ffi::CString::new("a\0b").unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let err: PyErr = String::from_utf8(vec![b'a', 0xff]).unwrap_err().into();
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let start: usize = err.value(py).getattr("start").unwrap().extract().unwrap();
        assert_eq!(start, 1);
        let err: PyErr = std::ffi::CString::new(vec![b'a', 0xfe])
            .unwrap()
            .into_string()
            .unwrap_err()
            .into();
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let err: PyErr = String::from_utf16(&[0xd800]).unwrap_err().into();
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let err: PyErr = char::decode_utf16([0xdc00u16])
            .next()
            .unwrap()
            .unwrap_err()
            .into();
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let err: PyErr = <[u8; 2]>::try_from(&[1u8][..]).unwrap_err().into();
        assert!(err.is_instance_of::<PyValueError>(py));
        let direct = PyValueError::new_err("1.5x".parse::<f64>().unwrap_err());
        assert_eq!(direct.to_string(), "ValueError: invalid float literal");
    });
}

#[test]
fn cast_error_message() {
    Python::attach(|py| {
        let obj = 5i32.into_pyobject(py).unwrap();
        let err: PyErr = obj.cast::<pyo3::types::PyString>().unwrap_err().into();
        assert_eq!(
            err.to_string(),
            "TypeError: 'int' object cannot be cast as 'str'"
        );
    });
}
