// Expected: Error: "`Point` is a `frozen` class: its values cannot be borrowed mutably",
// pointing at `PyRefMut<'_, Self>`, with the note: remove `frozen`, or use interior
// mutability with `&self`.
// Currently: the type mismatch "`<Point as PyClass>::Frozen == False`" at `PyRefMut`, plus
// follow-on errors (no field `x`, not a function argument) (reported).

use pyo3::prelude::*;

#[pyclass(frozen)]
struct Point {
    x: i32,
}

#[pymethods]
impl Point {
    fn shift(mut slf: PyRefMut<'_, Self>) {
        slf.x += 1;
    }
}

fn main() {}
