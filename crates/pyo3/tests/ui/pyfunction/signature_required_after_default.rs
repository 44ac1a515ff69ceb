// Expected: Error: "positional parameter `b` has no default but follows one that has ..." at `b`, then the not-implemented error.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a = 1, b))]
fn f(a: i32, b: i32) {}

fn main() {}
