// Expected: Error: "`#[pymodule_export]` is only meaningful on an item directly inside a `#[pymodule] mod`", pointing at the `use`.

use pyo3::prelude::*;

#[pyo3::pymodule_export]
use std::string::String as S;

fn main() {}
