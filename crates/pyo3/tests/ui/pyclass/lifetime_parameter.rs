// Expected: Error: "`#[pyclass]` cannot have generic or lifetime parameters ...", pointing
// at `<'a>`.

use pyo3::prelude::*;

#[pyclass]
struct Borrowing<'a> {
    text: &'a str,
}

fn main() {}
