// Expected: Error: an async `&mut self` method on a `frozen` class is refused as for a
// synchronous one, pointing at the method name.

use pyo3::prelude::*;

#[pyclass(frozen)]
struct Counter {
    value: u32,
}

#[pymethods]
impl Counter {
    async fn bump(&mut self) -> u32 {
        self.value += 1;
        self.value
    }
}

fn main() {}
