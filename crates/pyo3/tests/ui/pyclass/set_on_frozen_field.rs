// Expected: Error: "a `frozen` class cannot have setters ...; remove `set`, or remove
// `frozen` from the `#[pyclass]`", pointing at `set`.

use pyo3::prelude::*;

#[pyclass(frozen)]
struct Point {
    #[pyo3(get, set)]
    x: i32,
}

fn main() {}
