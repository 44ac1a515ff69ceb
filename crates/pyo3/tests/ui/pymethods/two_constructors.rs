// Expected: Error: "a class can have only one `#[new]` method; remove this one or merge the
// two", pointing at the second constructor's name `other`.

use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[new]
    fn new() -> Self {
        Thing {}
    }

    #[new]
    fn other() -> Self {
        Thing {}
    }
}

fn main() {}
