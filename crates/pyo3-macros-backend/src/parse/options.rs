//! The option list shared by `#[pyo3(...)]` and the macros' own arguments, e.g.
//! `#[pyfunction(name = "f", text_signature = None)]`, and the per-parameter options.
//!
//! Every option any of the implemented macros knows is parsed here, whichever macro it is
//! given to; `model::options` decides whether that macro accepts it.

use super::kw;
use super::signature::SignatureAst;
use crate::diagnostics;
use crate::errors::Errors;
use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::{Attribute, Expr, Ident, LitBool, LitStr, Token};

/// One `key` or `key = value` entry of an option list.
pub(crate) enum PyO3Option {
    /// `name = "python_name"`.
    Name(kw::name, LitStr),
    /// `crate = "path::to::pyo3"`.
    Crate(Token![crate], LitStr),
    /// `text_signature = "(a, b)"` or `text_signature = None`.
    TextSignature(kw::text_signature, TextSignatureValue),
    /// `signature = (a, b = 1, *args)`.
    Signature(kw::signature, SignatureAst),
    /// `pass_module`.
    PassModule(kw::pass_module),
    /// `submodule`.
    Submodule(kw::submodule),
    /// `module = "package.module"`.
    Module(kw::module, LitStr),
    /// `gil_used = false`.
    GilUsed(kw::gil_used, LitBool),
    /// `extends = BaseClass` (`#[pyclass]`).
    Extends(kw::extends, syn::Path),
    /// `freelist = N` (`#[pyclass]`).
    Freelist(kw::freelist, Expr),
    /// `rename_all = "camelCase"` (`#[pyclass]`).
    RenameAll(kw::rename_all, LitStr),
    /// `str` or `str = "format {field}"` (`#[pyclass]`).
    Str(kw::str, Option<LitStr>),
    /// `constructor = (a, b = 1)` on a complex enum variant: its `__new__` signature.
    Constructor(kw::constructor, proc_macro2::Group),
    /// A bare flag of `#[pyclass]` or of a field's `#[pyo3(...)]`: `subclass`, `frozen`,
    /// `get`, ...
    Flag(&'static str, Span),
    /// A keyword no macro knows (with its `= value`, skipped); reported with the options of
    /// the macro it was written on.
    Unknown(Ident),
}

/// The bare flags `#[pyclass]` and its fields accept.
const FLAGS: &[&str] = &[
    "subclass",
    "frozen",
    "dict",
    "weakref",
    "unsendable",
    "get_all",
    "set_all",
    "eq",
    "eq_int",
    "ord",
    "hash",
    "mapping",
    "sequence",
    "immutable_type",
    "skip_from_py_object",
    "from_py_object",
    "get",
    "set",
    "generic",
];

/// The right-hand side of `text_signature = ...`.
pub(crate) enum TextSignatureValue {
    /// A signature written by the user, such as `"(a, b, /)"`.
    Text(LitStr),
    /// `None`: no signature at all.
    Disabled,
}

impl PyO3Option {
    /// The option's keyword as the user wrote it.
    pub(crate) fn keyword(&self) -> &'static str {
        match self {
            PyO3Option::Name(..) => "name",
            PyO3Option::Crate(..) => "crate",
            PyO3Option::TextSignature(..) => "text_signature",
            PyO3Option::Signature(..) => "signature",
            PyO3Option::PassModule(..) => "pass_module",
            PyO3Option::Submodule(..) => "submodule",
            PyO3Option::Module(..) => "module",
            PyO3Option::GilUsed(..) => "gil_used",
            PyO3Option::Extends(..) => "extends",
            PyO3Option::Freelist(..) => "freelist",
            PyO3Option::RenameAll(..) => "rename_all",
            PyO3Option::Str(..) => "str",
            PyO3Option::Constructor(..) => "constructor",
            PyO3Option::Flag(name, _) => name,
            PyO3Option::Unknown(_) => "",
        }
    }

    /// Where the option's keyword is.
    pub(crate) fn span(&self) -> Span {
        match self {
            PyO3Option::Name(key, _) => key.span,
            PyO3Option::Crate(key, _) => key.span,
            PyO3Option::TextSignature(key, _) => key.span,
            PyO3Option::Signature(key, _) => key.span,
            PyO3Option::PassModule(key) => key.span,
            PyO3Option::Submodule(key) => key.span,
            PyO3Option::Module(key, _) => key.span,
            PyO3Option::GilUsed(key, _) => key.span,
            PyO3Option::Extends(key, _) => key.span,
            PyO3Option::Freelist(key, _) => key.span,
            PyO3Option::RenameAll(key, _) => key.span,
            PyO3Option::Str(key, _) => key.span,
            PyO3Option::Constructor(key, _) => key.span,
            PyO3Option::Flag(_, span) => *span,
            PyO3Option::Unknown(found) => found.span(),
        }
    }
}

impl Parse for PyO3Option {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let lookahead = input.lookahead1();
        if lookahead.peek(kw::name) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Name(key, input.parse()?))
        } else if lookahead.peek(Token![crate]) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Crate(key, input.parse()?))
        } else if lookahead.peek(kw::text_signature) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            let value = if input.peek(kw::None) {
                input.parse::<kw::None>()?;
                TextSignatureValue::Disabled
            } else if input.peek(LitStr) {
                TextSignatureValue::Text(input.parse()?)
            } else {
                return Err(input.error(diagnostics::TEXT_SIGNATURE_VALUE));
            };
            Ok(PyO3Option::TextSignature(key, value))
        } else if lookahead.peek(kw::signature) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Signature(key, input.parse()?))
        } else if lookahead.peek(kw::pass_module) {
            Ok(PyO3Option::PassModule(input.parse()?))
        } else if lookahead.peek(kw::submodule) {
            Ok(PyO3Option::Submodule(input.parse()?))
        } else if lookahead.peek(kw::module) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Module(key, input.parse()?))
        } else if lookahead.peek(kw::gil_used) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::GilUsed(key, input.parse()?))
        } else if lookahead.peek(kw::extends) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Extends(key, input.parse()?))
        } else if lookahead.peek(kw::freelist) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Freelist(key, input.parse()?))
        } else if lookahead.peek(kw::rename_all) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::RenameAll(key, input.parse()?))
        } else if lookahead.peek(kw::constructor) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(PyO3Option::Constructor(key, input.parse()?))
        } else if lookahead.peek(kw::str) {
            let key = input.parse()?;
            let format = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            Ok(PyO3Option::Str(key, format))
        } else if input.peek(Ident::peek_any) {
            let found = Ident::parse_any(input)?;
            let text = found.to_string();
            if let Some(flag) = FLAGS.iter().find(|flag| **flag == text) {
                return Ok(PyO3Option::Flag(flag, found.span()));
            }
            while !input.is_empty() && !input.peek(Token![,]) {
                input.parse::<proc_macro2::TokenTree>()?;
            }
            Ok(PyO3Option::Unknown(found))
        } else {
            Err(lookahead.error())
        }
    }
}

/// Parses a comma-separated option list, as found in `#[pyo3(...)]` or in a macro's
/// arguments. Parse errors go to `errors`; the options parsed before one are kept.
pub(crate) fn parse_option_list(tokens: TokenStream, errors: &mut Errors) -> Vec<PyO3Option> {
    let parsed = Punctuated::<PyO3Option, Token![,]>::parse_terminated.parse2(tokens);
    errors
        .ok(parsed)
        .map(|list| list.into_iter().collect())
        .unwrap_or_default()
}

/// Removes every `#[pyo3(...)]` from `attrs` and returns the options they held, in order.
pub(crate) fn take_pyo3_options(
    attrs: &mut Vec<Attribute>,
    errors: &mut Errors,
) -> Vec<PyO3Option> {
    let mut options = Vec::new();
    attrs.retain(|attr| {
        if !super::is_exactly(attr, super::PYO3) {
            return true;
        }
        let parsed = attr.parse_args_with(Punctuated::<PyO3Option, Token![,]>::parse_terminated);
        if let Some(list) = errors.ok(parsed) {
            options.extend(list);
        }
        false
    });
    options
}

/// One option of a `#[pyo3(...)]` on a function parameter.
pub(crate) enum ParamOption {
    /// `from_py_with = path::to::function`.
    FromPyWith(kw::from_py_with, Expr),
    /// `cancel_handle`: the parameter receives the coroutine's `CancelHandle`.
    CancelHandle(kw::cancel_handle),
}

impl Parse for ParamOption {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(kw::from_py_with) {
            let key = input.parse()?;
            input.parse::<Token![=]>()?;
            Ok(ParamOption::FromPyWith(key, input.parse()?))
        } else if input.peek(kw::cancel_handle) {
            Ok(ParamOption::CancelHandle(input.parse()?))
        } else if input.peek(Ident::peek_any) {
            let found = Ident::parse_any(input)?;
            Err(syn::Error::new(
                found.span(),
                diagnostics::unknown_parameter_option(&found),
            ))
        } else {
            Err(input.error(diagnostics::unknown_parameter_option("(nothing)")))
        }
    }
}

/// Removes every `#[pyo3(...)]` from a parameter's attributes and returns its options.
pub(crate) fn take_param_options(
    attrs: &mut Vec<Attribute>,
    errors: &mut Errors,
) -> Vec<ParamOption> {
    let mut options = Vec::new();
    attrs.retain(|attr| {
        if !super::is_exactly(attr, super::PYO3) {
            return true;
        }
        let parsed = attr.parse_args_with(Punctuated::<ParamOption, Token![,]>::parse_terminated);
        if let Some(list) = errors.ok(parsed) {
            options.extend(list);
        }
        false
    });
    options
}
