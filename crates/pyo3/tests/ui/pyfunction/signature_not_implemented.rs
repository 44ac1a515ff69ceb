// Expected: Error: "`signature = (...)` with defaults, `/`, `*`, `*args` or `**kwargs` is not implemented yet ...", pointing at the list. (Remove this test once signatures are implemented.)

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, b = 2))]
fn f(a: i32, b: i32) {}

fn main() {}
