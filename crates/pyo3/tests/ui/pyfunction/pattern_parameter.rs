// Expected: Error: "parameters of a Python function must be plain names (`name: Type`) ...", pointing at `(a, b)`.

use pyo3::prelude::*;

#[pyfunction]
fn add((a, b): (i32, i32)) -> i32 {
    a + b
}

fn main() {}
