// Expected: Error: "\"not valid\" is not a valid Python identifier", pointing at the string.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(name = "not valid")]
fn f() {}

fn main() {}
