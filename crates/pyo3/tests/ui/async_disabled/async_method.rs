// Expected (built without `experimental-async`): Error: "async functions are only supported with the `experimental-async` feature", pointing at the method's `async` keyword.

use pyo3::prelude::*;

#[pyclass]
struct Client;

#[pymethods]
impl Client {
    async fn fetch(&self) -> u32 {
        1
    }
}

fn main() {}
