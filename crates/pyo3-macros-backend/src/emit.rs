//! Back end: the code the macros generate, with `quote!`.
//!
//! Generated code is small on purpose: descriptors (names, docs, parameter tables) and
//! trampolines that call one generic runtime routine each. Every runtime item it names sits
//! under `<krate>::impl_` (or is a public `pyo3` item such as `Python` or `Bound`) and must be
//! listed in `crates/pyo3/src/impl_/abi.rs`; nothing else may be referenced.

pub(crate) mod derive;
pub(crate) mod pyclass;
pub(crate) mod pyfunction;
pub(crate) mod pymethods;
pub(crate) mod pymodule;

use crate::model::doc::{Doc, DocPart};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{quote, quote_spanned};
use std::ffi::CString;

/// A `c"..."` literal for `text`, which must hold no NUL (names are identifiers; docs were
/// checked in `check.rs`).
pub(crate) fn c_str(text: &str, span: Span) -> Literal {
    let text = CString::new(text).unwrap_or_default();
    let mut literal = Literal::c_string(&text);
    literal.set_span(span);
    literal
}

/// A `&'static CStr` expression for `prefix` followed by the docstring.
///
/// Known text becomes one `c"..."` literal. Docs written as macros (`#[doc =
/// include_str!(...)]`) are joined by `concat!` and turned into a `CStr` in a `const` block,
/// so a NUL in them becomes a compile-time error there.
pub(crate) fn doc_c_str(prefix: &str, doc: &Doc) -> TokenStream {
    if let Some(text) = doc.text() {
        let literal = c_str(&format!("{prefix}{text}"), doc.span);
        return quote!(#literal);
    }
    let mut pieces = vec![quote!(#prefix)];
    for (index, part) in doc.parts.iter().enumerate() {
        if index > 0 {
            pieces.push(quote!("\n"));
        }
        match part {
            DocPart::Text(text) => pieces.push(quote!(#text)),
            DocPart::Macro(expr) => pieces.push(quote!(#expr)),
        }
    }
    let message = crate::diagnostics::DOC_CONTAINS_NUL;
    quote_spanned! {doc.span=>
        {
            const TEXT: &str = ::core::concat!(#(#pieces,)* "\0");
            match ::core::ffi::CStr::from_bytes_with_nul(TEXT.as_bytes()) {
                ::core::result::Result::Ok(text) => text,
                ::core::result::Result::Err(_) => ::core::panic!(#message),
            }
        }
    }
}
