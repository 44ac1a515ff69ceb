// Expected: Error: "`__len__` takes 0 arguments besides `self` (found 1)", pointing at
// `__len__`.

use pyo3::prelude::*;

#[pyclass]
struct Bag {}

#[pymethods]
impl Bag {
    fn __len__(&self, extra: usize) -> usize {
        extra
    }
}

fn main() {}
