// Expected: Error: "parameter `b` is missing from `signature = (...)`", pointing at the parenthesised list.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a))]
fn f(a: i32, b: i32) {}

fn main() {}
