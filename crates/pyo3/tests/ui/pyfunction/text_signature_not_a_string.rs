// Expected: Error: "`text_signature` expects a string such as `\"(a, b, /)\"`, or `None` to omit the signature", pointing at `42`.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(text_signature = 42)]
fn f() {}

fn main() {}
