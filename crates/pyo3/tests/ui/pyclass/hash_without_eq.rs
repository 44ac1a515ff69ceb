// Expected: Error: "the `hash` option requires `eq`: objects that are equal must have equal
// hashes; write `#[pyclass(frozen, eq, hash)]`", pointing at `hash`.

use pyo3::prelude::*;

#[pyclass(frozen, hash)]
#[derive(Hash)]
struct Key {
    id: u32,
}

fn main() {}
