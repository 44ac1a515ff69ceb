// Expected: Error: "a module can have only one `#[pymodule_init]` function" at `second`, with a second message "the first `#[pymodule_init]` function is here" at `first`.

use pyo3::prelude::*;

#[pymodule]
mod twice {
    use pyo3::prelude::*;

    #[pymodule_init]
    fn first(_m: &Bound<'_, PyModule>) -> PyResult<()> {
        Ok(())
    }

    #[pymodule_init]
    fn second(_m: &Bound<'_, PyModule>) -> PyResult<()> {
        Ok(())
    }
}

fn main() {}
