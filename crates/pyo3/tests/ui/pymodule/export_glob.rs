// Expected: Error: "`#[pymodule_export]` cannot export a glob import; name each item to export", pointing at `*`.

use pyo3::prelude::*;

#[pyfunction]
fn f() {}

#[pymodule]
mod m {
    #[pymodule_export]
    use super::*;
}

fn main() {}
