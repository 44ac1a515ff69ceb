//! Items added to close the gaps `api-parity` measured against PyO3 0.27.2: conversions
//! between the smart pointers, embedding helpers, error arguments, iterator methods,
//! complex arithmetic, protocol type objects and the older `GILOnceCell`.

use pyo3::exceptions::PyUnicodeDecodeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};
use pyo3::PyErrArguments;

// ------------------------------------------------------------ smart-pointer conversions

#[test]
fn typed_references_widen_into_py_any() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        let before = list.get_refcnt();
        let from_bound: Py<PyAny> = Py::from(list.clone());
        assert_eq!(list.get_refcnt(), before + 1);
        let typed: Py<PyList> = list.clone().unbind();
        let from_py: Py<PyAny> = typed.into();
        assert!(from_py.is(&from_bound));
        let borrowed = list.as_borrowed();
        let from_borrowed: Py<PyList> = Py::from(borrowed);
        assert!(from_borrowed.is(&from_bound));
        assert_eq!(list.get_refcnt(), before + 3);
        drop((from_bound, from_py, from_borrowed));
        assert_eq!(list.get_refcnt(), before);
    });
}

#[test]
fn py_displays_its_str() {
    let s: Py<PyString> = Python::attach(|py| PyString::new(py, "shown").unbind());
    // Display attaches by itself.
    assert_eq!(s.to_string(), "shown");
    let d: Py<PyDict> = Python::attach(|py| PyDict::new(py).unbind());
    assert_eq!(format!("{d}"), "{}");
}

#[pyclass]
#[derive(Debug)]
struct Counter {
    n: u32,
}

#[test]
fn pyrefmut_extracts_and_converts_into_py() {
    Python::attach(|py| {
        let obj = Bound::new(py, Counter { n: 1 }).unwrap();
        {
            let mut r: PyRefMut<'_, Counter> = obj.as_any().extract().unwrap();
            r.n += 1;
            let held: Py<Counter> = Py::from(r);
            assert!(held.is(&obj));
        }
        assert_eq!(obj.borrow().n, 2);
        let _shared = obj.borrow();
        let err = obj
            .as_any()
            .extract::<PyRefMut<'_, Counter>>()
            .map_err(PyErr::from)
            .unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: Already borrowed");
    });
}

#[test]
fn reference_to_reference_converts() {
    Python::attach(|py| {
        let words = ["a", "b"];
        let refs: Vec<&&str> = words.iter().collect();
        let n = 7_i32;
        let r = &n;
        let obj = (&r).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<i32>().unwrap(), 7);
        let first = refs[0].into_pyobject(py).unwrap();
        assert_eq!(first.to_str().unwrap(), "a");
    });
}

// ------------------------------------------------------------ embedding

#[test]
fn attach_unchecked_runs_on_a_running_interpreter() {
    Python::initialize();
    // SAFETY: the interpreter was just initialized.
    let v = unsafe {
        Python::attach_unchecked(|py| {
            py.eval(c"6 * 7", None, None)
                .unwrap()
                .extract::<i32>()
                .unwrap()
        })
    };
    assert_eq!(v, 42);
    // SAFETY: as above.
    #[allow(deprecated)]
    let w = unsafe { Python::with_gil_unchecked(|py| py.version_info().major) };
    assert_eq!(w, 3);
}

#[test]
fn embedded_interpreter_refuses_a_running_one() {
    Python::initialize();
    // SAFETY: it panics before touching the interpreter, which is running.
    let result =
        std::panic::catch_unwind(|| unsafe { pyo3::with_embedded_python_interpreter(|_py| ()) });
    let payload = result.unwrap_err();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .map(String::from)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap();
    assert_eq!(
        message,
        "called `with_embedded_python_interpreter` but a Python interpreter is already running."
    );
}

#[pymodule]
fn late_module(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}

#[test]
fn append_to_inittab_refuses_a_running_interpreter() {
    Python::initialize();
    let result = std::panic::catch_unwind(|| pyo3::append_to_inittab!(late_module));
    let payload = result.unwrap_err();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .map(String::from)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap();
    assert_eq!(
        message,
        "called `append_to_inittab` but a Python interpreter is already running."
    );
}

// ------------------------------------------------------------ error arguments

#[test]
fn decoding_errors_are_unicode_decode_error_arguments() {
    Python::attach(|py| {
        let bad = vec![b'o', b'k', 0xff, b'!'];
        let utf8 = std::str::from_utf8(&bad).unwrap_err();
        let err = PyUnicodeDecodeError::new_err(utf8);
        let value = err.value(py);
        assert_eq!(
            value
                .getattr("encoding")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "utf-8"
        );
        assert_eq!(
            value.getattr("start").unwrap().extract::<usize>().unwrap(),
            2
        );
        assert_eq!(value.getattr("end").unwrap().extract::<usize>().unwrap(), 3);
        let from_string = String::from_utf8(bad.clone()).unwrap_err();
        let args = from_string.arguments(py);
        let args = args.bind(py).cast::<PyTuple>().unwrap();
        assert_eq!(args.len(), 5);
        assert_eq!(args.get_item(1).unwrap().extract::<Vec<u8>>().unwrap(), bad);
        let err = PyErr::from(String::from_utf16(&[0xd800]).unwrap_err());
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let reason = err.value(py).getattr("reason").unwrap();
        assert_eq!(
            reason.extract::<String>().unwrap(),
            "invalid utf-16: lone surrogate found"
        );
    });
}

// ------------------------------------------------------------ pybacked ordering

#[test]
fn backed_values_order_against_borrowed_ones() {
    Python::attach(|py| {
        let s: PyBackedStr = PyString::new(py, "mango").extract().unwrap();
        assert!(s > *"apple" && s < *"zebra");
        assert!(*"apple" < s);
        let b: PyBackedBytes = PyBytes::new(py, b"mm").extract().unwrap();
        assert!(b > *b"ma".as_slice() && *b"zz".as_slice() > b);
        assert_eq!(
            b.partial_cmp(b"mm".as_slice()),
            Some(std::cmp::Ordering::Equal)
        );
    });
}
