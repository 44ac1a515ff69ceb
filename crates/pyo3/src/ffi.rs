//! The raw CPython C API, as declared by the `pyo3-ffi` crate, at the path PyO3 users
//! reach it from (`pyo3::ffi`). Everything here is `unsafe` to call; prefer the safe types.

pub use pyo3_ffi::*;
