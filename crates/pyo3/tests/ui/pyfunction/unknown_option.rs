// Expected: Error: "unknown option `frobnicate`; expected one of ...", pointing at `frobnicate`.

use pyo3::prelude::*;

#[pyfunction(frobnicate = true)]
fn f() {}

fn main() {}
