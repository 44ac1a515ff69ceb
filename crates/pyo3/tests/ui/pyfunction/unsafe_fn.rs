// Expected: Error: "a Python caller cannot uphold the contract of an `unsafe fn` ...", pointing at `unsafe`.

use pyo3::prelude::*;

#[pyfunction]
unsafe fn danger() {}

fn main() {}
