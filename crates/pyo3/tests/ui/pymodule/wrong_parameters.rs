// Expected: Error: "a `#[pymodule]` function takes `(m: &Bound<'_, PyModule>)` or `(py: Python<'_>, m: &Bound<'_, PyModule>)`", pointing at the parameter list.

use pyo3::prelude::*;

#[pymodule]
fn m(a: i32, b: &Bound<'_, PyModule>) -> PyResult<()> {
    let _ = (a, b);
    Ok(())
}

fn main() {}
