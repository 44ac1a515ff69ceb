//! Output for the macros that exist (so `pyo3::prelude` can re-export them) but are not
//! implemented yet: one `compile_error!` on the item, with the item kept in place and its
//! helper attributes removed, so the user sees one message rather than a cascade.

use crate::diagnostics;
use crate::parse;
use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Attribute, FnArg, ImplItem, Item};

/// An attribute macro that is not implemented yet.
pub(crate) fn attribute(macro_name: &str, item: TokenStream) -> TokenStream {
    let message = diagnostics::attribute_not_implemented(macro_name);
    let error = syn::Error::new_spanned(&item, message).to_compile_error();
    let kept = match syn::parse2::<Item>(item.clone()) {
        Ok(mut parsed) => {
            strip_helpers(&mut parsed);
            parsed.into_token_stream()
        }
        Err(_) => item,
    };
    quote::quote!(#error #kept)
}

/// Removes the attributes only `#[pyclass]` and `#[pymethods]` would have consumed.
fn strip_helpers(item: &mut Item) {
    let keep_non_pyo3 = |attr: &Attribute| !parse::is_exactly(attr, parse::PYO3);
    match item {
        Item::Struct(item) => {
            item.attrs.retain(keep_non_pyo3);
            for field in &mut item.fields {
                field.attrs.retain(keep_non_pyo3);
            }
        }
        Item::Enum(item) => {
            item.attrs.retain(keep_non_pyo3);
            for variant in &mut item.variants {
                variant.attrs.retain(keep_non_pyo3);
                for field in &mut variant.fields {
                    field.attrs.retain(keep_non_pyo3);
                }
            }
        }
        Item::Impl(item) => {
            for impl_item in &mut item.items {
                let ImplItem::Fn(method) = impl_item else {
                    if let ImplItem::Const(constant) = impl_item {
                        constant.attrs.retain(|attr| !is_pymethods_helper(attr));
                    }
                    continue;
                };
                method.attrs.retain(|attr| !is_pymethods_helper(attr));
                for input in &mut method.sig.inputs {
                    if let FnArg::Typed(typed) = input {
                        typed.attrs.retain(keep_non_pyo3);
                    }
                }
            }
        }
        _ => {}
    }
}

fn is_pymethods_helper(attr: &Attribute) -> bool {
    parse::PYMETHODS_HELPERS
        .iter()
        .any(|name| parse::is_exactly(attr, name))
}
