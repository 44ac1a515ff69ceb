// Expected: Two errors in one compile: the `async fn` one at `async`, and "Python functions cannot have generic type parameters" at `T`.

use pyo3::prelude::*;

#[pyfunction]
async fn fetch<T>(value: T) -> T {
    value
}

fn main() {}
