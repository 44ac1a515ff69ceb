// Expected: Error: "`#[pyfunction]` cannot be used on a method; put the method in an `impl` block annotated with `#[pymethods]`", pointing at `&self`.

use pyo3::prelude::*;

struct Counter;

impl Counter {
    #[pyfunction]
    fn get(&self) -> u32 {
        0
    }
}

fn main() {}
