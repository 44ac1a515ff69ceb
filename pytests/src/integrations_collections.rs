//! Conversions of the optional crates hashbrown, indexmap, smallvec, either, bytes, anyhow, eyre, serde and lock_api/parking_lot, round-tripped from Python
//! (`tests/test_integrations_collections.py`).

use pyo3::prelude::*;

pub fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
