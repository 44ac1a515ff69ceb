// Expected: Error: "Python functions cannot have generic type parameters", pointing at `T: Clone`.

use pyo3::prelude::*;

#[pyfunction]
fn identity<T: Clone>(value: T) -> T {
    value
}

fn main() {}
