//! pyo3-bytes from Python: `bytes::Bytes` in and out through the buffer protocol.

use bytes::Bytes;
use pyo3::prelude::*;
use pyo3_bytes::PyBytes;

/// Takes any C-contiguous buffer-protocol object and returns its length and checksum.
#[pyfunction]
fn length_and_sum(buffer: PyBytes) -> (usize, u64) {
    let bytes: Bytes = buffer.into_inner();
    (bytes.len(), bytes.iter().map(|&b| u64::from(b)).sum())
}

/// A static buffer returned to Python without a copy.
#[pyfunction]
fn hello() -> PyBytes {
    PyBytes::new(Bytes::from_static(b"hello"))
}

/// Returns the first `n` bytes of `buffer` as a new `Bytes` sharing its memory.
#[pyfunction]
fn head(buffer: PyBytes, n: usize) -> PyBytes {
    let bytes = buffer.into_inner();
    PyBytes::new(bytes.slice(..n.min(bytes.len())))
}

#[pymodule]
fn eco_bytes(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyBytes>()?;
    m.add_function(wrap_pyfunction!(length_and_sum, m)?)?;
    m.add_function(wrap_pyfunction!(hello, m)?)?;
    m.add_function(wrap_pyfunction!(head, m)?)?;
    Ok(())
}
