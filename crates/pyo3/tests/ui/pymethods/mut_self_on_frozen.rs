// Expected: Error: "`Point` is a `frozen` class: its values cannot be borrowed mutably",
// pointing at `&mut self`, with the note: remove `frozen`, or use interior mutability with
// `&self`.
// It points at `impl Point` (the class named in the generated check), followed by a second,
// plainer type mismatch at `#[pymethods]`.

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
