// Expected: Error: "`transparent` needs exactly one field, which stands for the whole Python object", pointing at `Both`.

use pyo3::prelude::*;

#[derive(FromPyObject)]
#[pyo3(transparent)]
struct Both {
    a: i32,
    b: i32,
}

fn main() {}
