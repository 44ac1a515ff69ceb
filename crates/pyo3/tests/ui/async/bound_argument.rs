// Expected: Error: a `Bound<'py, PyAny>` argument makes the future non-`'static` (and not
// `Send`); take `Py<PyAny>` instead.

use pyo3::prelude::*;

#[pyfunction]
async fn keep(obj: Bound<'_, PyAny>) -> usize {
    obj.len().unwrap_or(0)
}

fn main() {}
