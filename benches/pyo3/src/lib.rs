//! `bench_pyo3`: `benches/module/bench.rs` built against crates.io PyO3 0.27.1.
#![allow(missing_docs)]

include!("../../module/bench.rs");

#[pymodule]
fn bench_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    register(m)
}
