// Expected: Error: mismatched types: `**kwargs` receives `Option<...>` (None when no extra keyword was passed), pointing at the type of `kwargs`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyfunction]
#[pyo3(signature = (**kwargs))]
fn f(kwargs: &Bound<'_, PyDict>) {
    let _ = kwargs;
}

fn main() {}
