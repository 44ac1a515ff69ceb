//! `PyBytes` and `PyByteArray`.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyMemoryView};

#[test]
fn bytes_new_index_and_compare() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"hello");
        assert_refcnt!(b, {
            assert_eq!(b.as_bytes(), b"hello");
            assert_eq!(&b[1..3], b"el");
            assert_eq!(b[0], b'h');
            assert!(b == b"hello"[..]);
            assert!(b"hello"[..] == b);
            assert_eq!(b.len().unwrap(), 5);
        });
        py_assert!(py, b; "b == b'hello'");
    });
}

// The references are the point: each form of the comparison has its own impl.
#[allow(clippy::op_ref)]
#[test]
fn bytes_compare_content_in_every_form() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"a\x00\xff");
        let borrowed = b.as_borrowed();
        let same: &[u8] = b"a\x00\xff";
        let other: &[u8] = b"a\x00";
        assert_refcnt!(b, {
            for (bytes, expected) in [(same, true), (other, false), (&b""[..], false)] {
                let results = [
                    b == *bytes,
                    b == bytes,
                    &b == bytes,
                    borrowed == *bytes,
                    borrowed == bytes,
                    *bytes == b,
                    *bytes == &b,
                    *bytes == borrowed,
                    bytes == b,
                    bytes == borrowed,
                ];
                assert!(
                    results.iter().all(|&r| r == expected),
                    "{bytes:?}: {results:?}"
                );
            }
        });
        let empty = PyBytes::new(py, b"");
        assert!(empty == &b""[..] && b""[..] == empty.as_borrowed());
    });
}

#[test]
fn bytes_new_with_success_and_error() {
    Python::attach(|py| {
        let b = PyBytes::new_with(py, 3, |buf| {
            assert_eq!(buf, &[0, 0, 0]);
            buf.copy_from_slice(b"xyz");
            Ok(())
        })
        .unwrap();
        assert_eq!(b.as_bytes(), b"xyz");
        let err = PyBytes::new_with(py, 3, |_| Err(PyValueError::new_err("nope"))).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "nope");
        let empty = PyBytes::new_with(py, 0, |_| Ok(())).unwrap();
        assert_eq!(empty.as_bytes(), b"");
    });
}

#[test]
fn bytearray_methods() {
    Python::attach(|py| {
        let a = PyByteArray::new(py, b"abc");
        assert_refcnt!(a, {
            assert_eq!(a.len(), 3);
            assert!(!a.is_empty());
            assert_eq!(a.to_vec(), b"abc");
            // SAFETY: no Python code runs while the slice is alive.
            unsafe { a.as_bytes_mut()[0] = b'z' };
            assert_eq!(a.to_vec(), b"zbc");
            a.resize(5).unwrap();
            assert_eq!(a.len(), 5);
            a.resize(0).unwrap();
            assert!(a.is_empty());
            // SAFETY: no Python code runs.
            assert_eq!(unsafe { a.as_bytes() }, b"");
        });
        let from = PyByteArray::from(&PyBytes::new(py, b"q")).unwrap();
        assert_eq!(from.to_vec(), b"q");
        let err = PyByteArray::from(&1.5f64.into_pyobject(py).unwrap()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let filled = PyByteArray::new_with(py, 2, |buf| {
            buf[1] = 7;
            Ok(())
        })
        .unwrap();
        assert_eq!(filled.to_vec(), [0, 7]);
        let view = PyMemoryView::from(filled.as_any()).unwrap();
        assert_eq!(view.len().unwrap(), 2);
        let err = PyMemoryView::from(&1i32.into_pyobject(py).unwrap()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}
