// Expected: Error: "Python functions cannot have const generic parameters", pointing at `const N: usize`.

use pyo3::prelude::*;

#[pyfunction]
fn sized<const N: usize>() -> usize {
    N
}

fn main() {}
