// Expected: Error: "`#[pymodule_init]` can only be used on a `fn`", pointing at the attribute.

use pyo3::prelude::*;

#[pymodule]
mod m {
    #[pymodule_init]
    static INIT: u8 = 0;
}

fn main() {}
