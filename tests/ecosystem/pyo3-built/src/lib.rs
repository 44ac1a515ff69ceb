//! pyo3-built from Python: the `built` crate's build information as a dict.

use pyo3::prelude::*;
use pyo3_built::pyo3_built;

#[allow(dead_code)]
mod build {
    include!(concat!(env!("OUT_DIR"), "/built.rs"));
}

#[pymodule]
fn eco_built(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__build__", pyo3_built!(py, build))?;
    m.add("__build_host__", pyo3_built!(py, build, "host", "features"))?;
    Ok(())
}
