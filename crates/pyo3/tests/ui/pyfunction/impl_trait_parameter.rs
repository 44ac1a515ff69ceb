// Expected: Error: "Python functions cannot take `impl Trait` arguments; name a concrete type", pointing at `impl AsRef<str>`.

use pyo3::prelude::*;

#[pyfunction]
fn greet(name: impl AsRef<str>) -> usize {
    name.as_ref().len()
}

fn main() {}
