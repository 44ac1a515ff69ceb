// Expected: Error: "The format string syntax cannot be used with enums ...", pointing at the
// format string.

use pyo3::prelude::*;

#[pyclass(str = "mode")]
enum Mode {
    A,
}

fn main() {}
