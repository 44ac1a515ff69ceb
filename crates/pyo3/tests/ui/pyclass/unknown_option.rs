// Expected: Error: "unknown option `frobnicate`; expected one of ..." (the class options),
// pointing at `frobnicate`.

use pyo3::prelude::*;

#[pyclass(frobnicate)]
struct Thing {}

fn main() {}
