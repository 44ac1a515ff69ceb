// Expected: Error: "`text_signature` is not a valid option for `#[pymodule]`", pointing at `text_signature`.

use pyo3::prelude::*;

#[pymodule]
#[pyo3(text_signature = "()")]
fn m(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}

fn main() {}
