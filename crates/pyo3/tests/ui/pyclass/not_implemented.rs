// Expected: Error: "`#[pyclass]` is not implemented yet in this implementation of PyO3", pointing at the struct; no further error about `#[pyo3(get)]`. (Replace with real pyclass tests.)

use pyo3::prelude::*;

#[pyclass]
struct Point {
    #[pyo3(get)]
    x: i32,
}

fn main() {}
