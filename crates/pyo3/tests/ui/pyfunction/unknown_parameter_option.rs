// Expected: Error: "unknown parameter option `get`; expected `from_py_with` or `cancel_handle`", pointing at `get`.

use pyo3::prelude::*;

#[pyfunction]
fn f(#[pyo3(get)] a: i32) -> i32 {
    a
}

fn main() {}
