// Expected: Error: "`__getitem__` takes 1 argument besides `self` (found 2)", pointing at
// `__getitem__`.

use pyo3::prelude::*;

#[pyclass]
struct Grid {}

#[pymethods]
impl Grid {
    fn __getitem__(&self, row: usize, column: usize) -> usize {
        row * column
    }
}

fn main() {}
