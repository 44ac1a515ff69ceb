// Expected: Error: "`Point` is a `frozen` class: its values cannot be borrowed mutably",
// pointing at `&mut self`, with the note: remove `frozen`, or use interior mutability with
// `&self`.
// Currently: a type mismatch "`<Point as PyClass>::Frozen == False`" at `impl Point` and at
// `#[pymethods]`, without the message or the note (reported).

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
