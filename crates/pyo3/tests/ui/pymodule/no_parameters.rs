// Expected: Error: the same message as wrong_parameters.rs, pointing at the empty `()`.

use pyo3::prelude::*;

#[pymodule]
fn m() -> PyResult<()> {
    Ok(())
}

fn main() {}
