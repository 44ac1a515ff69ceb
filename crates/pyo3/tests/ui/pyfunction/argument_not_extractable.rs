// Expected: Error: the trait bound for extracting `NotAPythonType` is not satisfied; the message points at the parameter's type `NotAPythonType`, not at `#[pyfunction]`.

use pyo3::prelude::*;

struct NotAPythonType;

#[pyfunction]
fn f(value: NotAPythonType) {
    let _ = value;
}

fn main() {}
