// Expected: Error: "`Point` is a `frozen` class: its values cannot be borrowed mutably",
// pointing at `&mut self`, with the note: remove `frozen`, or use interior mutability with
// `&self`.

use pyo3::prelude::*;

#[pyclass(frozen)]
struct Point {
    x: i32,
}

#[pymethods]
impl Point {
    fn shift(&mut self) {
        self.x += 1;
    }
}

fn main() {}
