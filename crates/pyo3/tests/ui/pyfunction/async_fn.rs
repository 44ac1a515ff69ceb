// Expected: Error: "`async fn` cannot be exposed to Python yet ...", pointing at the `async` keyword.

use pyo3::prelude::*;

#[pyfunction]
async fn fetch() -> u32 {
    1
}

fn main() {}
