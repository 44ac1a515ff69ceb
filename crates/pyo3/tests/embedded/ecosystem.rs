//! What published PyO3 client crates (rust-numpy, pythonize, serde-pyobject, pyo3-log, ...)
//! use of PyO3 beyond its documented API; each test names the crate that needed it.
//! `python3 x.py ecosystem` runs those crates' own suites against this implementation.

use std::marker::PhantomData;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyModule};
use pyo3::{ffi, PyTypeInfo};

/// A native type declared outside pyo3, as rust-numpy declares `PyUntypedArray`.
#[repr(transparent)]
struct ForeignList(PyAny);

// SAFETY: `PyList_Type` is the interpreter's static list type, alive for the process, and
// `PyList_Check` is the header's own check for it.
unsafe impl PyTypeInfo for ForeignList {
    const NAME: &'static str = "ForeignList";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyList_Type)
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached (a `Bound` exists); the object is alive.
        unsafe { ffi::PyList_Check(object.as_ptr()) != 0 }
    }
}

pyo3::pyobject_native_type_named!(ForeignList);

/// The same with a type parameter, as rust-numpy's `PyArray<T, D>` has.
#[repr(transparent)]
struct ForeignTyped<T>(PyAny, PhantomData<T>);

// SAFETY: as for `ForeignList`.
unsafe impl<T> PyTypeInfo for ForeignTyped<T> {
    const NAME: &'static str = "ForeignTyped";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyList_Type)
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached (a `Bound` exists); the object is alive.
        unsafe { ffi::PyList_Check(object.as_ptr()) != 0 }
    }
}

pyo3::pyobject_native_type_named!(ForeignTyped<T>; T);

// rust-numpy 0.27: `pyobject_native_type_named!` gives a foreign native type the deref of
// `Bound<T>` to `Bound<PyAny>`, so every `PyAnyMethods` method is callable on it.
#[test]
fn foreign_native_type_derefs_to_any() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3]).unwrap().into_any();
        let foreign = list.cast::<ForeignList>().unwrap();
        assert_eq!(foreign.len().unwrap(), 3);
        assert_eq!(foreign.get_item(1).unwrap().extract::<i32>().unwrap(), 2);
        let as_any: &Bound<'_, PyAny> = foreign;
        assert!(as_any.is(&list));
        let typed = list.cast::<ForeignTyped<f64>>().unwrap();
        assert_eq!(typed.repr().unwrap().to_string(), "[1, 2, 3]");

        let not_a_list = 5i32.into_pyobject(py).unwrap().into_any();
        let err = PyErr::from(not_a_list.cast::<ForeignList>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        // The target is named by its type object, as in PyO3, not by `NAME`.
        assert_eq!(
            err.value(py).to_string(),
            "'int' object cannot be cast as 'list'"
        );
    });
}

/// A module-level function for the `add_wrapped` test below.
#[pyfunction]
fn sleeper_add(a: i64, b: i64) -> i64 {
    a + b
}

// pyo3-async-runtimes 0.27's tests: `module.add_wrapped(wrap_pyfunction!(f))`, where the
// one-argument `wrap_pyfunction!` is a reference to a closure, as `add_wrapped` takes it.
#[test]
fn add_wrapped_takes_one_argument_wrap_pyfunction() {
    Python::attach(|py| {
        let module = PyModule::new(py, "sleeper").unwrap();
        module.add_wrapped(wrap_pyfunction!(sleeper_add)).unwrap();
        let function = module.getattr("sleeper_add").unwrap();
        assert_eq!(function.call1((2, 3)).unwrap().extract::<i64>().unwrap(), 5);

        // The same reference, called with a `Python` token, wraps the function on its own.
        let wrapper = wrap_pyfunction!(sleeper_add);
        let standalone = wrapper(py).unwrap();
        assert_eq!(
            standalone.getattr("__name__").unwrap().to_string(),
            "sleeper_add"
        );
        let err = standalone.call1(("x", 1)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "argument 'a': 'str' object cannot be interpreted as an integer"
        );
    });
}
