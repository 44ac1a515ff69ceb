// Expected: Error: "`async fn` is supported for instance, class and static methods only,
// ...", pointing at the getter's `async` keyword.

use pyo3::prelude::*;

#[pyclass]
struct Client;

#[pymethods]
impl Client {
    #[getter]
    async fn name(&self) -> String {
        String::new()
    }
}

fn main() {}
