// The benchmark module, written once against the PyO3 0.27 API. It is `include!`d by
// `ours/src/lib.rs` (built against this workspace) and `pyo3/src/lib.rs` (built against
// crates.io PyO3 0.27.1); each of those adds only the `#[pymodule]` that names it.
// `c_ext/bench_c.c` does the same work by hand with the C API (the floor).
//
// Cargo features of the including crate switch operations on:
// - `kwargs`: the function with `#[pyo3(signature = ...)]` defaults;
// - `classes`: the `#[pyclass]` operations (needs `#[pyclass]`/`#[pymethods]`).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

/// Call overhead alone: no arguments, returns `None`.
#[pyfunction]
fn noargs() {}

/// Two ints in, one int out.
#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

/// Keyword arguments with defaults; the benchmark calls `kwargs(1, c=5)`.
#[cfg(feature = "kwargs")]
#[pyfunction]
#[pyo3(signature = (a, b = 2, c = 3))]
fn kwargs(a: i64, b: i64, c: i64) -> i64 {
    a.wrapping_add(b).wrapping_add(c)
}

/// `str` in (borrowed as UTF-8), its length in bytes out.
#[pyfunction]
fn str_len(s: &str) -> usize {
    s.len()
}

/// A list of ints converted into a `Vec<i64>`, then summed.
#[pyfunction]
fn sum_list(v: Vec<i64>) -> i64 {
    v.iter().fold(0i64, |acc, x| acc.wrapping_add(*x))
}

/// A dict of 100 `int: int` entries, built and returned.
#[pyfunction]
fn make_dict(py: Python<'_>) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    for i in 0..100i64 {
        d.set_item(i, i * 2)?;
    }
    Ok(d)
}

/// Raises `ValueError`; the benchmark catches it in Python.
#[pyfunction]
fn raise_value_error() -> PyResult<()> {
    Err(PyValueError::new_err("bad value"))
}

/// `bytes` in (borrowed), a new `bytes` with the same content out.
#[pyfunction]
fn bytes_roundtrip<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyBytes> {
    PyBytes::new(py, data)
}

#[cfg(feature = "classes")]
mod classes {
    use pyo3::prelude::*;

    /// A counter: `Counter(start)`, `.value`, `.incr()`, `len()`.
    #[pyclass]
    pub struct Counter {
        value: i64,
    }

    #[pymethods]
    impl Counter {
        #[new]
        fn new(start: i64) -> Self {
            Counter { value: start }
        }

        #[getter]
        fn value(&self) -> i64 {
            self.value
        }

        fn incr(&mut self) {
            self.value = self.value.wrapping_add(1);
        }

        fn __len__(&self) -> usize {
            self.value.max(0) as usize
        }
    }

    /// `Range(n)` yields `0..n`: a Rust iterator exposed as a Python iterator.
    #[pyclass]
    pub struct Range {
        inner: std::ops::Range<i64>,
    }

    #[pymethods]
    impl Range {
        #[new]
        fn new(n: i64) -> Self {
            Range { inner: 0..n }
        }

        fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
            slf
        }

        fn __next__(&mut self) -> Option<i64> {
            self.inner.next()
        }
    }
}

/// Adds every operation this build has to the module.
fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(noargs, m)?)?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    #[cfg(feature = "kwargs")]
    m.add_function(wrap_pyfunction!(kwargs, m)?)?;
    m.add_function(wrap_pyfunction!(str_len, m)?)?;
    m.add_function(wrap_pyfunction!(sum_list, m)?)?;
    m.add_function(wrap_pyfunction!(make_dict, m)?)?;
    m.add_function(wrap_pyfunction!(raise_value_error, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_roundtrip, m)?)?;
    #[cfg(feature = "classes")]
    {
        m.add_class::<classes::Counter>()?;
        m.add_class::<classes::Range>()?;
    }
    Ok(())
}
