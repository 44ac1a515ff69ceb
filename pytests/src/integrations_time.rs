//! Conversions of the optional crates chrono, chrono-tz, chrono-local, time and jiff, round-tripped from Python
//! (`tests/test_integrations_time.py`).

use pyo3::prelude::*;

pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
