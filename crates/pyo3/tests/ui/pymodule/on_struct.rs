// Expected: Error: "`#[pymodule]` can only be used on a `fn` or on an inline `mod`", pointing at the struct.

use pyo3::prelude::*;

#[pymodule]
struct NotAModule;

fn main() {}
