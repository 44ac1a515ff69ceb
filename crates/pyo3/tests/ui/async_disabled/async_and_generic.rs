// Expected (built without `experimental-async`): Two errors in one compile: "async functions are only supported with the `experimental-async` feature" at `async`, and "Python functions cannot have generic type parameters" at `T`.

use pyo3::prelude::*;

#[pyfunction]
async fn fetch<T>(value: T) -> T {
    value
}

fn main() {}
