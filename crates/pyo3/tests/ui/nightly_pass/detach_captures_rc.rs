// Expected (nightly toolchain, `nightly` feature): compiles. `Ungil` is an auto trait
// there, so a non-`Send` value without Python objects (`Rc`) may enter `detach`, and so
// may a `Py` (usable only with a token).

use std::rc::Rc;

use pyo3::prelude::*;

#[allow(dead_code)]
fn use_while_detached(py: Python<'_>, object: Py<PyAny>) -> usize {
    let shared = Rc::new(5);
    py.detach(move || {
        let _keep = object;
        *shared
    })
}

fn main() {}
