//! The code generation behind the procedural macros of this implementation of the PyO3 API.
//!
//! An ordinary library, so every step can be tested on token streams without a compiler
//! plugin or an interpreter. Each macro runs the same pipeline:
//!
//! 1. `parse`: `syn` parsers for options, `signature = (...)` and helper attributes;
//! 2. `model`: plain, validated descriptions of the function or module;
//! 3. `check`: rules relating several parts of the input;
//! 4. `emit`: small generated code calling the runtime under `<krate>::impl_`.
//!
//! Errors are gathered in an `Errors` accumulator and reported together between phases;
//! every message is written once, in `diagnostics`.
#![forbid(unsafe_code)]

mod check;
mod ctx;
mod diagnostics;
mod emit;
mod errors;
mod expand;
mod model;
mod parse;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;

/// Expands `#[pyfunction]` (arguments `attr`) on `item`.
pub fn pyfunction(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::pyfunction(attr, item)
}

/// Expands `#[pymodule]` (arguments `attr`) on a function or an inline `mod`.
pub fn pymodule(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::pymodule(attr, item)
}

/// Expands `#[pyclass]` (arguments `attr`) on a struct.
pub fn pyclass(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::pyclass(attr, item)
}

/// Expands `#[pymethods]` on an `impl` block of a `#[pyclass]`.
pub fn pymethods(attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::pymethods(attr, item)
}

/// Expands `#[pymodule_export]` outside a `#[pymodule] mod` (inside one, the module's
/// expansion removes it first): an error explaining where it belongs.
pub fn pymodule_export(_attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::stray_helper(parse::PYMODULE_EXPORT, item)
}

/// Expands `#[pymodule_init]` outside a `#[pymodule] mod`: an error explaining where it
/// belongs.
pub fn pymodule_init(_attr: TokenStream, item: TokenStream) -> TokenStream {
    expand::stray_helper(parse::PYMODULE_INIT, item)
}

/// Expands `#[derive(FromPyObject)]`.
pub fn derive_from_py_object(item: TokenStream) -> TokenStream {
    expand::derive(item, None)
}

/// Expands `#[derive(IntoPyObject)]`.
pub fn derive_into_py_object(item: TokenStream) -> TokenStream {
    expand::derive(item, Some(false))
}

/// Expands `#[derive(IntoPyObjectRef)]`.
pub fn derive_into_py_object_ref(item: TokenStream) -> TokenStream {
    expand::derive(item, Some(true))
}
