//! `#[pyfunction]` from Rust: wrapping, calling, argument errors, panics.

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict};

/// Formats the sum of two numbers as string.
#[pyfunction]
fn sum_as_string(a: usize, b: usize) -> PyResult<String> {
    Ok((a + b).to_string())
}

#[pyfunction]
fn fails(flag: bool) -> PyResult<i32> {
    if flag {
        Err(PyValueError::new_err("flagged"))
    } else {
        Ok(1)
    }
}

#[pyfunction]
fn boom() {
    panic!("boom from rust");
}

#[pyfunction]
#[pyo3(name = "renamed")]
fn original_name(x: i64) -> i64 {
    x + 1
}

fn wrapped<'py>(py: Python<'py>, f: Bound<'py, PyCFunction>) -> Bound<'py, PyDict> {
    let d = PyDict::new(py);
    d.set_item("f", f).unwrap();
    d
}

#[test]
fn call_and_errors() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(sum_as_string, py).unwrap();
        assert_eq!(f.call1((5, 20)).unwrap().extract::<String>().unwrap(), "25");
        let ns = wrapped(py, f.clone());
        let run = |code: &std::ffi::CStr| py.run(code, Some(&ns), None).unwrap_err();
        let err = run(c"f(1)");
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "sum_as_string() missing 1 required positional argument: 'b'"
        );
        let err = run(c"f('a', 1)");
        assert_eq!(
            err.value(py).to_string(),
            "argument 'a': 'str' object cannot be interpreted as an integer"
        );
        let err = run(c"f(-1, 2)");
        assert!(err.is_instance_of::<PyOverflowError>(py));
        let err = run(c"f(1, 2, 3)");
        assert_eq!(
            err.value(py).to_string(),
            "sum_as_string() takes 2 positional arguments but 3 were given"
        );
        let err = run(c"f(1, b=2, c=3)");
        assert_eq!(
            err.value(py).to_string(),
            "sum_as_string() got an unexpected keyword argument 'c'"
        );
        let err = run(c"f(1, a=2)");
        assert_eq!(
            err.value(py).to_string(),
            "sum_as_string() got multiple values for argument 'a'"
        );
        let ok: String = py
            .eval(c"f(b=1, a=2)", Some(&ns), None)
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(ok, "3");
    });
}

#[test]
fn metadata() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(sum_as_string, py).unwrap();
        assert_eq!(
            f.getattr("__name__").unwrap().extract::<String>().unwrap(),
            "sum_as_string"
        );
        assert_eq!(
            f.getattr("__doc__").unwrap().extract::<String>().unwrap(),
            "Formats the sum of two numbers as string."
        );
        assert_eq!(
            f.getattr("__text_signature__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "(a, b)"
        );
        let g = wrap_pyfunction!(original_name, py).unwrap();
        assert_eq!(
            g.getattr("__name__").unwrap().extract::<String>().unwrap(),
            "renamed"
        );
        assert_eq!(g.call1((1,)).unwrap().extract::<i64>().unwrap(), 2);
    });
}

#[test]
fn returned_errors_and_panics() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(fails, py).unwrap();
        let err = f.call1((true,)).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(f.call1((false,)).unwrap().extract::<i32>().unwrap(), 1);
        let b = wrap_pyfunction!(boom, py).unwrap();
        let ns = wrapped(py, b);
        let caught: String = {
            py.run(
                c"try:\n    f()\nexcept BaseException as e:\n    result = type(e).__module__ + '.' + type(e).__name__ + ': ' + str(e)\n",
                Some(&ns),
                None,
            )
            .unwrap();
            ns.get_item("result").unwrap().unwrap().extract().unwrap()
        };
        assert_eq!(caught, "pyo3_runtime.PanicException: boom from rust");
    });
}

#[test]
fn panic_exception_resumes_in_rust() {
    let result = std::panic::catch_unwind(|| {
        Python::attach(|py| {
            let b = wrap_pyfunction!(boom, py).unwrap();
            let _ = b.call0();
        })
    });
    let payload = result.unwrap_err();
    assert_eq!(
        payload.downcast_ref::<String>().map(String::as_str),
        Some("boom from rust")
    );
}

#[test]
fn function_in_a_function_body() {
    #[pyfunction]
    fn local(x: i32) -> i32 {
        x * 3
    }
    Python::attach(|py| {
        let f = wrap_pyfunction!(local, py).unwrap();
        assert_eq!(f.call1((2,)).unwrap().extract::<i32>().unwrap(), 6);
    });
}

#[test]
fn no_leak_per_call() {
    Python::attach(|py| {
        let f = wrap_pyfunction!(sum_as_string, py).unwrap();
        let arg = py.eval(c"10**30", None, None).unwrap();
        assert_refcnt!(arg, {
            for _ in 0..10 {
                let _ = f.call1((&arg, 1));
            }
        });
    });
}
