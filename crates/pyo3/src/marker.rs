//! Markers about threads and the interpreter: the `Python` token and `Ungil`.

pub use crate::python::{Python, PythonVersionInfo};

/// Types that may cross a [`Python::detach`] boundary.
///
/// On a stable toolchain these are exactly the `Send` types. With the `nightly` feature
/// (nightly toolchain) it is an auto trait instead, implemented by every type that holds
/// neither the `Python` token nor a raw Python object (see `marker/nightly.rs`).
///
/// # Safety
///
/// A type holding Python objects may implement it only if it gives no access to them while
/// the thread is detached from the interpreter.
#[cfg(not(all(feature = "nightly", pyo3_nightly_toolchain)))]
pub unsafe trait Ungil {}

// SAFETY: on stable, `Send` is the approximation PyO3 documents: values bound to the
// attached thread (`Bound`, `Python`) are not `Send`.
#[cfg(not(all(feature = "nightly", pyo3_nightly_toolchain)))]
unsafe impl<T: Send> Ungil for T {}

#[cfg(all(feature = "nightly", pyo3_nightly_toolchain))]
mod nightly;
#[cfg(all(feature = "nightly", pyo3_nightly_toolchain))]
pub use nightly::Ungil;

#[cfg(all(feature = "nightly", not(pyo3_nightly_toolchain)))]
compile_error!(
    "the `nightly` feature of pyo3 needs a nightly Rust toolchain (it defines `Ungil` as an \
     auto trait, with `#![feature(auto_traits, negative_impls)]`); build with \
     `cargo +nightly ...`, or remove the `nightly` feature from your pyo3 dependency"
);
