// Expected: Error: "`pass_module` passes the module as the first parameter, but this function has none; ...", pointing at `pass_module`.

use pyo3::prelude::*;

#[pyfunction(pass_module)]
fn f() {}

fn main() {}
