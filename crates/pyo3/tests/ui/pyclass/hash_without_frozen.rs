// Expected: Error: "the `hash` option requires `frozen` ...; write
// `#[pyclass(frozen, eq, hash)]`", pointing at `hash`.

use pyo3::prelude::*;

#[pyclass(eq, hash)]
#[derive(PartialEq, Hash)]
struct Key {
    id: u32,
}

fn main() {}
