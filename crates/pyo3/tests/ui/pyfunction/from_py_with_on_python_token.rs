// Expected: Error: "`from_py_with` only applies to parameters that receive a Python argument, ...", pointing at `get_len`.

use pyo3::prelude::*;

fn get_len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[pyfunction]
fn f(#[pyo3(from_py_with = get_len)] py: Python<'_>) {
    let _ = py;
}

fn main() {}
