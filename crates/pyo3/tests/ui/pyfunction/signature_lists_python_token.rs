// Expected: Error: "`py` is the `Python<'py>` token, which is supplied automatically; remove it from `signature = (...)`", pointing at `py`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (py, a))]
fn f(py: Python<'_>, a: i32) {
    let _ = (py, a);
}

fn main() {}
