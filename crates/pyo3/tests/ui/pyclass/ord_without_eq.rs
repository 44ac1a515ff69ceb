// Expected: Error: "the `ord` option requires `eq`: write `#[pyclass(eq, ord)]`", pointing
// at `ord`.

use pyo3::prelude::*;

#[pyclass(ord)]
#[derive(PartialEq, PartialOrd)]
struct Rank {
    value: i32,
}

fn main() {}
