// Expected: Error: "`__add__` takes 1 argument besides `self` (found 0)", pointing at
// `__add__`.

use pyo3::prelude::*;

#[pyclass]
struct Num {}

#[pymethods]
impl Num {
    fn __add__(&self) -> i32 {
        0
    }
}

fn main() {}
