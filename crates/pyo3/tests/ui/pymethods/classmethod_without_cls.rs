// Expected: Error: a `#[classmethod]` needs a first parameter for the class
// (`cls: &Bound<'_, PyType>`), pointing at `make`.

use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Thing {
    #[classmethod]
    fn make() -> i32 {
        1
    }
}

fn main() {}
