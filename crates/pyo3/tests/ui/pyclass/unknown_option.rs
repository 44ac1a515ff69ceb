// Expected: Error: "unknown option `frobnicate`; expected one of ..." (the class options),
// pointing at `frobnicate`.
// Currently the list offered is the `#[pyfunction]` options (`signature`, `pass_module`,
// ...), not the class options (reported).

use pyo3::prelude::*;

#[pyclass(frobnicate)]
struct Thing {}

fn main() {}
