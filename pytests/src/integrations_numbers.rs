//! Conversions of the optional crates num-bigint, num-complex, num-rational, rust_decimal, bigdecimal, ordered-float and uuid, round-tripped from Python
//! (`tests/test_integrations_numbers.py`).

use pyo3::prelude::*;

pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
