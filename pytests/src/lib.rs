//! A Python module exercising this PyO3 implementation from Python; each submodule is
//! tested by the matching `tests/test_<topic>.py`.
#![allow(missing_docs)]

use pyo3::prelude::*;

mod classes;
mod conversions;
mod derive;
mod functions;
mod hostile;
mod integrations_collections;
mod integrations_numbers;
mod integrations_time;
mod leak_report;
mod objects;
mod signatures;

/// Test module for the pytest suite.
#[pymodule]
fn pyo3_pytests(m: &Bound<'_, PyModule>) -> PyResult<()> {
    conversions::register(m)?;
    functions::register(m)?;
    objects::register(m)?;
    signatures::register(m)?;
    derive::register(m)?;
    classes::register(m)?;
    integrations_numbers::register(m)?;
    integrations_time::register(m)?;
    integrations_collections::register(m)?;
    leak_report::register(m)?;
    hostile::register(m)?;
    Ok(())
}
