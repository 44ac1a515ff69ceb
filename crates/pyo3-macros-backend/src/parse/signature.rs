//! The syntax of `signature = (...)`: Python's parameter-list grammar, with Rust
//! expressions as default values.
//!
//! `(a, b = 1, /, c = None, *args, d, e = 5, **kwargs)` is one entry per comma. Whether the
//! entries make a valid list (one `/`, `**kwargs` last, names matching the function) is
//! checked in `check.rs`.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Token};

/// A parsed `(...)` after `signature =`.
#[derive(Clone)]
pub(crate) struct SignatureAst {
    /// The parentheses, for errors about the list as a whole.
    pub(crate) span: Span,
    /// The entries, in order.
    pub(crate) items: Vec<SignatureItem>,
}

/// One entry of a signature.
#[derive(Clone)]
pub(crate) enum SignatureItem {
    /// `name` or `name = default`.
    Param {
        /// The parameter's Rust name.
        name: Ident,
        /// The default, a Rust expression.
        default: Option<Expr>,
    },
    /// `/`: the entries before it are positional-only.
    Slash(Token![/]),
    /// A bare `*`: the entries after it are keyword-only.
    Star(Token![*]),
    /// `*name`: extra positional arguments.
    VarArgs(Token![*], Ident),
    /// `**name`: extra keyword arguments.
    KwArgs(Token![*], Ident),
}

impl Parse for SignatureAst {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let content;
        let parens = syn::parenthesized!(content in input);
        let items = Punctuated::<SignatureItem, Token![,]>::parse_terminated(&content)?;
        Ok(SignatureAst {
            span: parens.span.join(),
            items: items.into_iter().collect(),
        })
    }
}

impl Parse for SignatureItem {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        // syn has no `**` token: two `*` in a row are `**kwargs`.
        if input.peek(Token![*]) && input.peek2(Token![*]) {
            let star = input.parse()?;
            input.parse::<Token![*]>()?;
            return Ok(SignatureItem::KwArgs(star, input.parse()?));
        }
        let lookahead = input.lookahead1();
        if lookahead.peek(Token![/]) {
            Ok(SignatureItem::Slash(input.parse()?))
        } else if lookahead.peek(Token![*]) {
            let star = input.parse()?;
            if input.peek(Ident) {
                Ok(SignatureItem::VarArgs(star, input.parse()?))
            } else {
                Ok(SignatureItem::Star(star))
            }
        } else if lookahead.peek(Ident) {
            let name = input.parse()?;
            let default = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            Ok(SignatureItem::Param { name, default })
        } else {
            Err(lookahead.error())
        }
    }
}

impl SignatureItem {
    /// Where the entry starts.
    pub(crate) fn span(&self) -> Span {
        match self {
            SignatureItem::Param { name, .. } => name.span(),
            SignatureItem::Slash(token) => token.span,
            SignatureItem::Star(token) => token.span,
            SignatureItem::VarArgs(star, _) => star.span,
            SignatureItem::KwArgs(star, _) => star.span,
        }
    }
}
