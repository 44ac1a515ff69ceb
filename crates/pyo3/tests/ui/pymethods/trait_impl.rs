// Expected: Error: "`#[pymethods]` can only be used on an inherent, non-generic `impl` block:
// `impl MyClass { ... }`", pointing at `Thing`.
// Currently also a second, spurious error asking `default` for a receiver (reported).

use pyo3::prelude::*;

#[pyclass]
struct Thing {}

#[pymethods]
impl Default for Thing {
    fn default() -> Self {
        Thing {}
    }
}

fn main() {}
