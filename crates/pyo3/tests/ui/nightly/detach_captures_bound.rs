// Expected (nightly toolchain, `nightly` feature): Error: the closure given to
// `Python::detach` captures a `Bound`, which holds a raw Python object and so is not
// `Ungil`.

use pyo3::prelude::*;
use pyo3::types::PyString;

fn main() {
    Python::attach(|py| {
        let text = PyString::new(py, "attached only");
        py.detach(|| {
            println!("{text:?}");
        });
    });
}
