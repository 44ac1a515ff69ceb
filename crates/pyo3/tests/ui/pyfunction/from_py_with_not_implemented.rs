// Expected: Error: "`#[pyo3(from_py_with = ...)]` on a parameter is not implemented yet ...", pointing at `from_py_with = get_len`. (Remove once implemented.)

use pyo3::prelude::*;

fn get_len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[pyfunction]
fn f(#[pyo3(from_py_with = get_len)] len: usize) -> usize {
    len
}

fn main() {}
