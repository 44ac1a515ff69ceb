// Expected: Error: "unknown option `writable`; expected one of ..." (the field options:
// `get`, `set`, `name`), pointing at `writable`.
// Currently the list offered is the `#[pyfunction]` options, not the field options
// (reported).

use pyo3::prelude::*;

#[pyclass]
struct Point {
    #[pyo3(get, writable)]
    x: i32,
}

fn main() {}
