// Expected: Error: "signature entries must follow the order of the function's parameters: expected `a` here, found `b`", pointing at `b`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (b, a))]
fn f(a: i32, b: i32) {}

fn main() {}
