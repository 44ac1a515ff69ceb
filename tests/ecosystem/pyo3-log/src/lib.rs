//! pyo3-log from Python: Rust `log` records reach Python's `logging`.

use std::sync::OnceLock;

use log::{Level, LevelFilter};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger, ResetHandle};

/// The handle of the logger installed at import, for `reset_cache`.
static RESET: OnceLock<ResetHandle> = OnceLock::new();

fn level(name: &str) -> PyResult<Level> {
    name.parse()
        .map_err(|_| PyValueError::new_err(format!("unknown level {name:?}")))
}

/// Logs `message` at `level` ("error" .. "trace") with the Rust target `target`.
#[pyfunction]
fn emit(level_name: &str, target: &str, message: &str) -> PyResult<()> {
    log::log!(target: target, level(level_name)?, "{message}");
    Ok(())
}

/// Logs from a new Rust thread (which attaches to the interpreter itself) while this one
/// is detached.
#[pyfunction]
fn emit_from_thread(py: Python<'_>, target: String, message: String) {
    py.detach(|| {
        std::thread::spawn(move || log::warn!(target: &target, "{message}"))
            .join()
            .unwrap();
    });
}

/// Whether the Rust side currently lets a record of `level` for `target` through.
#[pyfunction]
fn enabled(level_name: &str, target: &str) -> PyResult<bool> {
    Ok(log::log_enabled!(target: target, level(level_name)?))
}

/// Forgets the cached loggers and levels.
#[pyfunction]
fn reset_cache() {
    RESET.get().expect("installed at import").reset();
}

#[pymodule]
fn eco_log(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let handle = Logger::new(m.py(), Caching::LoggersAndLevels)?
        .filter(LevelFilter::Trace)
        .filter_target("eco_log::quiet".to_owned(), LevelFilter::Warn)
        .install()
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let _ = RESET.set(handle);
    m.add_function(wrap_pyfunction!(emit, m)?)?;
    m.add_function(wrap_pyfunction!(emit_from_thread, m)?)?;
    m.add_function(wrap_pyfunction!(enabled, m)?)?;
    m.add_function(wrap_pyfunction!(reset_cache, m)?)?;
    Ok(())
}
