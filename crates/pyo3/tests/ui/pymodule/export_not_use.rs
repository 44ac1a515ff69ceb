// Expected: Error: "`#[pymodule_export]` can only be used on `use` and `const` items, such as ...", pointing at the attribute.

use pyo3::prelude::*;

#[pymodule]
mod m {
    #[pymodule_export]
    struct NotAUse;
}

fn main() {}
