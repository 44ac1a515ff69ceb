//! Front end, step one: `syn` parsers for the macros' own syntax.
//!
//! This layer only recognises shapes (option lists, `signature = (...)`, helper attributes);
//! it judges nothing. Turning what it finds into validated plain data is `model`'s job.

pub(crate) mod kw;
pub(crate) mod options;
pub(crate) mod signature;

use syn::Attribute;

/// `#[pyo3(...)]`: options on items and parameters.
pub(crate) const PYO3: &str = "pyo3";
/// `#[pyfunction]`.
pub(crate) const PYFUNCTION: &str = "pyfunction";
/// `#[pymodule]`.
pub(crate) const PYMODULE: &str = "pymodule";
/// `#[pyclass]`.
pub(crate) const PYCLASS: &str = "pyclass";
/// `#[pymodule_export]`, on `use` items inside a `#[pymodule] mod`.
pub(crate) const PYMODULE_EXPORT: &str = "pymodule_export";
/// `#[pymodule_init]`, on one `fn` inside a `#[pymodule] mod`.
pub(crate) const PYMODULE_INIT: &str = "pymodule_init";
/// `#[doc = "..."]`, what `///` comments become.
pub(crate) const DOC: &str = "doc";
/// `#[cfg(...)]`, copied onto whatever the macros generate for a conditional item.
pub(crate) const CFG: &str = "cfg";

/// Whether `attr` is exactly `#[name ...]` (a bare one-segment path, as for `pyo3`).
pub(crate) fn is_exactly(attr: &Attribute, name: &str) -> bool {
    attr.path().is_ident(name)
}

/// Whether `attr` is `#[name ...]` or `#[some::path::name ...]`, as macro attributes may be
/// written with their crate path.
pub(crate) fn is_macro(attr: &Attribute, name: &str) -> bool {
    attr.path()
        .segments
        .last()
        .is_some_and(|segment| segment.ident == name)
}
