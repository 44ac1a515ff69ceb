// Expected: Error: "module name \"modül\" must be an ASCII identifier, because CPython looks for the exported symbol `PyInit_modül`", pointing at the string.

use pyo3::prelude::*;

#[pymodule(name = "modül")]
fn m(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}

fn main() {}
