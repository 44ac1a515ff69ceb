// Expected (built without `experimental-async`): Error: "async functions are only supported with the `experimental-async` feature", pointing at the `async` keyword.

use pyo3::prelude::*;

#[pyfunction]
async fn fetch() -> u32 {
    1
}

fn main() {}
