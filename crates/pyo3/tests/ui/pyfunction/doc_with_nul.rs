// Expected: Error: "this documentation contains a NUL character, which a Python docstring cannot hold", pointing at the doc attribute.

use pyo3::prelude::*;

#[pyfunction]
#[doc = "before\0after"]
fn f() {}

fn main() {}
