// Expected: Error: the trait bound for converting `NotAPythonType` to a Python object is not satisfied; the message points at the return type.

use pyo3::prelude::*;

struct NotAPythonType;

#[pyfunction]
fn f() -> NotAPythonType {
    NotAPythonType
}

fn main() {}
