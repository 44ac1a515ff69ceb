// Expected: Error: "`#[pyclass]` can only be used on a struct (or an enum)", pointing at the
// function.

use pyo3::prelude::*;

#[pyclass]
fn not_a_class() {}

fn main() {}
