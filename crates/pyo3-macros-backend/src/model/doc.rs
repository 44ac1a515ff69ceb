//! Docstrings gathered from `///`, `//!` and `#[doc = ...]` attributes.
//!
//! Rust keeps the space after `///` in each line; Python docstrings do not have it, so one
//! leading space is removed from every line. `#[doc = include_str!(...)]` and other macro
//! values cannot be read at expansion time; they are kept as expressions and joined at
//! compile time by the emitter.

use crate::parse;
use proc_macro2::Span;
use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// One piece of a docstring, in source order.
pub(crate) enum DocPart {
    /// Text known now.
    Text(String),
    /// A `#[doc = some_macro!(...)]` value, known only at compile time.
    Macro(Expr),
}

/// A docstring: its pieces, joined with newlines.
pub(crate) struct Doc {
    /// The pieces, in source order.
    pub(crate) parts: Vec<DocPart>,
    /// The first doc attribute, for errors about the text.
    pub(crate) span: Span,
}

impl Doc {
    /// Collects the doc attributes among `attrs` (both outer and inner ones).
    pub(crate) fn from_attrs(attrs: &[Attribute], fallback_span: Span) -> Doc {
        let mut parts = Vec::new();
        let mut span = None;
        for attr in attrs {
            if !parse::is_exactly(attr, parse::DOC) {
                continue;
            }
            // `#[doc(hidden)]`, `#[doc(alias = ...)]` and the like are not text.
            let Meta::NameValue(pair) = &attr.meta else {
                continue;
            };
            span.get_or_insert_with(|| syn::spanned::Spanned::span(attr));
            match &pair.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => parts.push(DocPart::Text(strip_one_space_per_line(&text.value()))),
                other => parts.push(DocPart::Macro(other.clone())),
            }
        }
        Doc {
            parts,
            span: span.unwrap_or(fallback_span),
        }
    }

    /// The whole text, if every piece is known now.
    pub(crate) fn text(&self) -> Option<String> {
        let mut lines = Vec::with_capacity(self.parts.len());
        for part in &self.parts {
            match part {
                DocPart::Text(text) => lines.push(text.as_str()),
                DocPart::Macro(_) => return None,
            }
        }
        Some(lines.join("\n"))
    }
}

fn strip_one_space_per_line(text: &str) -> String {
    text.split('\n')
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::Doc;
    use proc_macro2::Span;
    use syn::parse_quote;

    #[test]
    fn strips_one_space_and_joins_lines() {
        let item: syn::ItemFn = parse_quote! {
            /// First line.
            ///   indented
            #[doc = "no space"]
            #[doc(hidden)]
            fn f() {}
        };
        let doc = Doc::from_attrs(&item.attrs, Span::call_site());
        assert_eq!(doc.text().unwrap(), "First line.\n  indented\nno space");
    }
}
