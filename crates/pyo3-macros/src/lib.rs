//! The procedural macros of this implementation of the PyO3 API: entry points only.
//!
//! Each forwards its tokens to `pyo3_macros_backend`, where the work happens and is tested.
//! Users reach these through `pyo3::prelude`; see the `pyo3` crate for documentation.
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Exposes a Rust function to Python. See `pyo3::pyfunction`.
#[proc_macro_attribute]
pub fn pyfunction(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pyfunction(attr.into(), item.into()).into()
}

/// Defines a Python module, from an initializer `fn` or an inline `mod`. See
/// `pyo3::pymodule`.
#[proc_macro_attribute]
pub fn pymodule(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pymodule(attr.into(), item.into()).into()
}

/// Exposes a Rust struct or enum to Python as a class. See `pyo3::pyclass`.
#[proc_macro_attribute]
pub fn pyclass(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pyclass(attr.into(), item.into()).into()
}

/// Exposes the methods of an `impl` block of a `#[pyclass]`. See `pyo3::pymethods`.
#[proc_macro_attribute]
pub fn pymethods(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pymethods(attr.into(), item.into()).into()
}

/// Marks a `use` inside a `#[pymodule] mod` whose items are added to the module.
#[proc_macro_attribute]
pub fn pymodule_export(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pymodule_export(attr.into(), item.into()).into()
}

/// Marks the function inside a `#[pymodule] mod` that runs last when the module is created.
#[proc_macro_attribute]
pub fn pymodule_init(attr: TokenStream, item: TokenStream) -> TokenStream {
    pyo3_macros_backend::pymodule_init(attr.into(), item.into()).into()
}

/// Derives `FromPyObject`: a struct from attributes or items, a tuple struct from a tuple,
/// a newtype transparently, an enum by trying each variant.
#[proc_macro_derive(FromPyObject, attributes(pyo3))]
pub fn derive_from_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::derive_from_py_object(item.into()).into()
}

/// Derives `IntoPyObject`: a struct into a dict, a tuple struct into a tuple, a newtype
/// transparently, an enum by its variant.
#[proc_macro_derive(IntoPyObject, attributes(pyo3))]
pub fn derive_into_py_object(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::derive_into_py_object(item.into()).into()
}

/// Derives `IntoPyObject` for references to the type, converting field by reference.
#[proc_macro_derive(IntoPyObjectRef, attributes(pyo3))]
pub fn derive_into_py_object_ref(item: TokenStream) -> TokenStream {
    pyo3_macros_backend::derive_into_py_object_ref(item.into()).into()
}
