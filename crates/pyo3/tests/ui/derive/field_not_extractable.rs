// Expected: Error: "`NotPython` cannot be extracted from a Python object", pointing at the field's type.

use pyo3::prelude::*;

struct NotPython;

#[derive(FromPyObject)]
struct Holder {
    inner: NotPython,
}

fn main() {}
