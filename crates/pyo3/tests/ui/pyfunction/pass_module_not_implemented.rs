// Expected: Error: "`pass_module` is not implemented yet in this implementation of PyO3", pointing at `pass_module`. (Remove once implemented.)

use pyo3::prelude::*;

#[pyfunction(pass_module)]
fn f(module: &Bound<'_, PyModule>) {
    let _ = module;
}

fn main() {}
