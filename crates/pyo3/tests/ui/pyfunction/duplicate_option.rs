// Expected: Error: "`name` is given more than once; keep one", pointing at the second `name`.

use pyo3::prelude::*;

#[pyfunction(name = "a")]
#[pyo3(name = "b")]
fn f() {}

fn main() {}
