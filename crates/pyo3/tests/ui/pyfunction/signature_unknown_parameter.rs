// Expected: Error: "signature entry `c` does not match any parameter of the function", pointing at `c`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, c))]
fn f(a: i32) {}

fn main() {}
