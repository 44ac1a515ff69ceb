// Expected: Errors: "misplaced `/` in signature: `/` must come before `*` and `*args`" at `/`, then the not-implemented error for the signature.

use pyo3::prelude::*;

#[pyfunction]
#[pyo3(signature = (a, *, b, /))]
fn f(a: i32, b: i32) {}

fn main() {}
