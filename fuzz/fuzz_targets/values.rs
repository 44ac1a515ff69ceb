//! The libFuzzer entry point: every input goes through `pyo3_fuzz::check`, which panics on any mismatch.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| pyo3_fuzz::check(data));
