// Expected: Error: "`#[pyfunction]` can only be used on a `fn`", pointing at the struct.

use pyo3::prelude::*;

#[pyfunction]
struct NotAFunction;

fn main() {}
