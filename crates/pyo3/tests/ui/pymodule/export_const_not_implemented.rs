// Expected: Error: "`#[pymodule_export]` on a `const` is not implemented yet ...", pointing at the attribute. (Remove once implemented.)

use pyo3::prelude::*;

#[pymodule]
mod m {
    #[pymodule_export]
    const ANSWER: i32 = 42;
}

fn main() {}
