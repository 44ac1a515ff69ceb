// Expected: Error: "`submodule` is not a valid option for `#[pyfunction]`", pointing at `submodule`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(submodule)]
fn f() {}

fn main() {}
