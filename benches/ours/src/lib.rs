//! `bench_ours`: `benches/module/bench.rs` built against this workspace's `pyo3`.
#![allow(missing_docs)]

include!("../../module/bench.rs");

#[pymodule]
fn bench_ours(m: &Bound<'_, PyModule>) -> PyResult<()> {
    register(m)
}
