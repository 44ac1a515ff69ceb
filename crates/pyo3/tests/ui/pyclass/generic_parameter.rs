// Expected: Error: "`#[pyclass]` cannot have generic or lifetime parameters ...; write a
// concrete struct ...", pointing at `<T>`.

use pyo3::prelude::*;

#[pyclass]
struct Wrapper<T> {
    value: T,
}

fn main() {}
