// Expected: Error: "`a` appears more than once in `signature = (...)`", pointing at the second `a`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, a))]
fn f(a: i32) {}

fn main() {}
