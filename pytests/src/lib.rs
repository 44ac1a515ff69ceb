//! A Python module exercising this PyO3 implementation from Python; each submodule is
//! tested by the matching `tests/test_<topic>.py`.
#![allow(missing_docs)]

use pyo3::prelude::*;

mod classes;
mod conversions;
#[cfg(feature = "integrations")]
mod coroutines;
mod derive;
mod free_threading;
mod functions;
mod hostile;
mod integrations_collections;
mod integrations_numbers;
mod integrations_time;
mod leak_report;
mod objects;
mod panics;
mod signatures;

/// Test module for the pytest suite. It declares itself safe without the GIL, so the
/// free-threaded build keeps the GIL off when it is imported.
#[pymodule(gil_used = false)]
fn pyo3_pytests(m: &Bound<'_, PyModule>) -> PyResult<()> {
    conversions::register(m)?;
    functions::register(m)?;
    objects::register(m)?;
    signatures::register(m)?;
    derive::register(m)?;
    classes::register(m)?;
    free_threading::register(m)?;
    #[cfg(feature = "integrations")]
    coroutines::register(m)?;
    integrations_numbers::register(m)?;
    integrations_time::register(m)?;
    integrations_collections::register(m)?;
    leak_report::register(m)?;
    hostile::register(m)?;
    panics::register(m)?;
    Ok(())
}
