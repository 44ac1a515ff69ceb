// Expected: Error: a duplicate definition of
// `__pyo3_a_second_pymethods_block_needs_the_multiple_pymethods_feature`, pointing at the
// second `#[pymethods]` block: without the `multiple-pymethods` feature, a class has one.

use pyo3::prelude::*;

#[pyclass]
struct Counter;

#[pymethods]
impl Counter {
    fn a(&self) {}
}

#[pymethods]
impl Counter {
    fn b(&self) {}
}

fn main() {}
