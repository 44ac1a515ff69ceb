// Expected: Error: "`#[pymethods]` is not implemented yet in this implementation of PyO3", pointing at the impl block; no errors about `#[new]` or `#[getter]`.

use pyo3::prelude::*;

struct Point {
    x: i32,
}

#[pymethods]
impl Point {
    #[new]
    fn new(x: i32) -> Self {
        Point { x }
    }

    #[getter]
    fn x(&self) -> i32 {
        self.x
    }
}

fn main() {}
