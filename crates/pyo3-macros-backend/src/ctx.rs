//! The context every emitter receives: how generated code names the runtime crate.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, ToTokens};

/// Expansion-wide settings for the emitters.
pub(crate) struct Ctx {
    /// The path of the runtime crate: `::pyo3`, or what `#[pyo3(crate = "...")]` says.
    /// Generated code reaches the runtime only through this path.
    pub(crate) krate: TokenStream,
}

impl Ctx {
    /// Uses `path` if the user gave one, else `::pyo3`.
    pub(crate) fn new(path: Option<&syn::Path>) -> Ctx {
        let krate = match path {
            Some(path) => path.to_token_stream(),
            None => quote!(::pyo3),
        };
        Ctx { krate }
    }
}

impl Ctx {
    /// The crate path with every token at `span`, for calls whose trait bounds may fail:
    /// rustc reports an unsatisfied bound at the called path, so it should point at the
    /// user's type rather than at the macro attribute.
    pub(crate) fn krate_at(&self, span: Span) -> TokenStream {
        respan(self.krate.clone(), span)
    }
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                return TokenTree::Group(inner);
            }
            tree.set_span(span);
            tree
        })
        .collect()
}
