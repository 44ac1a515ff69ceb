//! The hidden runtime that macro-generated code calls. Not public API: its contract with
//! `pyo3-macros-backend` is listed in `impl_/abi.rs`, and the two crates are pinned to the
//! same exact version so they cannot drift apart.

pub mod abi;
#[cfg(feature = "experimental-async")]
pub mod coroutine;
pub mod extract_argument;
pub mod frompyobject;
pub(crate) mod leak_report;
pub mod pyclass;
pub mod pyclass_init;
pub mod pyfunction;
pub mod pymodule;
pub mod trampoline;
pub mod wrap;
