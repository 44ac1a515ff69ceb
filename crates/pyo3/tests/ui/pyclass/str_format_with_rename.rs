// Expected: Error: "The format string syntax is incompatible with any renaming via `name` or
// `rename_all` ...", pointing at the format string.

use pyo3::prelude::*;

#[pyclass(str = "{x}", rename_all = "camelCase")]
struct Point {
    x: i32,
}

fn main() {}
