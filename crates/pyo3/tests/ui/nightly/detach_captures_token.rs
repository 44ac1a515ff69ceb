// Expected (nightly toolchain, `nightly` feature): Error: the closure given to
// `Python::detach` captures the `Python` token, which is not `Ungil`.

use pyo3::prelude::*;

fn main() {
    Python::attach(|py| {
        py.detach(|| {
            let _ = py.None();
        });
    });
}
