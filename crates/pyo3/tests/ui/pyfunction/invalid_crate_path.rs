// Expected: Error: "`crate` expects a path to the pyo3 crate, such as ...", pointing at the string.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(crate = "not a path")]
fn f() {}

fn main() {}
