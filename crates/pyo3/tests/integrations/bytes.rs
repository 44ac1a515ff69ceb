//! bytes `Bytes` <-> `bytes` / `bytearray`.

use bytes::Bytes;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyByteArray, PyBytes};

#[test]
fn into_bytes() {
    Python::attach(|py| {
        let data = Bytes::from_static(b"foo\x00bar");
        let obj = (&data).into_pyobject(py).unwrap();
        assert!(obj.is_exact_instance_of::<PyBytes>());
        assert_eq!(obj.as_bytes(), b"foo\x00bar");
        let obj = data.slice(4..).into_pyobject(py).unwrap();
        assert_eq!(obj.as_bytes(), b"bar");
    });
}

#[test]
fn from_bytes_keeps_the_object_alive_without_copying() {
    Python::attach(|py| {
        let obj = PyBytes::new(py, b"foobar");
        let before = obj.get_refcnt();
        let data: Bytes = obj.extract().unwrap();
        assert_eq!(&data[..], b"foobar");
        // The view points into the Python object, which it keeps alive.
        assert_eq!(data.as_ptr(), obj.as_bytes().as_ptr());
        assert_eq!(obj.get_refcnt(), before + 1);
        drop(data);
        assert_eq!(obj.get_refcnt(), before);
    });
}

#[test]
fn from_bytearray_is_a_snapshot() {
    Python::attach(|py| {
        let array = PyByteArray::new(py, b"foobar");
        let data: Bytes = array.extract().unwrap();
        assert_eq!(&data[..], b"foobar");
        py.run(
            c"a[0] = ord('x')",
            None,
            Some(&[("a", &array)].into_py_dict(py).unwrap()),
        )
        .unwrap();
        assert_eq!(&data[..], b"foobar");
        assert_eq!(array.to_vec(), b"xoobar");
    });
}

#[test]
fn refuses_other_types() {
    Python::attach(|py| {
        let text = "text".into_pyobject(py).unwrap();
        let err = PyErr::from(text.extract::<Bytes>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'str' object cannot be cast as 'bytes | bytearray'"
        );
    });
}
