// Expected: Error: "a `frozen` class cannot have setters ...; remove `set`, or remove
// `frozen` from the `#[pyclass]`", pointing at the field that `set_all` would make settable.

use pyo3::prelude::*;

#[pyclass(frozen, set_all)]
struct Point {
    x: i32,
}

fn main() {}
