//! Built by setuptools-rust, both by `pip install .` and `setup.py build_ext --inplace`
//! (`python3 x.py workflows`).
use pyo3::prelude::*;

/// The sum of the squares of `values`; `OverflowError` when it does not fit in an `i64`.
#[pyfunction]
fn sum_of_squares(values: Vec<i64>) -> PyResult<i64> {
    values
        .iter()
        .try_fold(0i64, |acc, v| {
            v.checked_mul(*v).and_then(|sq| acc.checked_add(sq))
        })
        .ok_or_else(|| pyo3::exceptions::PyOverflowError::new_err("sum of squares overflows i64"))
}

/// Python module `setuptools_rust_demo`.
#[pymodule]
fn setuptools_rust_demo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sum_of_squares, m)?)
}
