// Expected: Error: "cannot derive a Python conversion for a type or variant without fields; ...", pointing at `Empty`.

use pyo3::prelude::*;

#[derive(IntoPyObject)]
struct Empty;

fn main() {}
