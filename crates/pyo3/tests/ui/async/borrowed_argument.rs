// Expected: Error: the future of an `async fn` taking `&str` borrows the call's argument
// holder, which does not live long enough (the future must be `'static`).

use pyo3::prelude::*;

#[pyfunction]
async fn length(text: &str) -> usize {
    text.len()
}

fn main() {}
