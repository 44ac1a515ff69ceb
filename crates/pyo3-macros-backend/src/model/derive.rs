//! The model of a type given to `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` or
//! `#[derive(IntoPyObjectRef)]`: its shape (struct or enum, named or tuple fields) and the
//! `#[pyo3(...)]` options on the type, its variants and its fields.

use crate::diagnostics;
use crate::errors::Errors;
use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Attribute, Data, DeriveInput, Expr, Fields, Ident, Lit, LitStr, Token, Type};

/// Which derive is being expanded; each accepts its own options.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum DeriveKind {
    /// `FromPyObject`.
    FromPyObject,
    /// `IntoPyObject` (by value) or `IntoPyObjectRef` (by reference).
    IntoPyObject,
}

/// A validated derive input.
pub(crate) struct DeriveSpec {
    /// The type's name.
    pub(crate) ident: Ident,
    /// The type's generics, copied onto the impl.
    pub(crate) generics: syn::Generics,
    /// `#[pyo3(crate = "...")]`.
    pub(crate) krate: Option<syn::Path>,
    /// A struct's fields, or an enum's variants.
    pub(crate) body: Body,
}

/// Struct or enum.
pub(crate) enum Body {
    /// A struct.
    Struct(Container),
    /// An enum, its variants in order.
    Enum(Vec<Variant>),
}

/// One enum variant.
pub(crate) struct Variant {
    /// The variant's name.
    pub(crate) ident: Ident,
    /// `#[pyo3(annotation = "...")]`: how the variant is named in the enum's error.
    pub(crate) annotation: Option<String>,
    /// Its fields.
    pub(crate) container: Container,
}

/// The fields of a struct or of a variant.
pub(crate) struct Container {
    /// Whether the fields have names.
    pub(crate) named: bool,
    /// The fields, in order.
    pub(crate) fields: Vec<Field>,
    /// Whether the one field stands for the whole object (`transparent`, or a newtype).
    pub(crate) transparent: bool,
}

/// One field.
pub(crate) struct Field {
    /// The Rust name, or the index as text for tuple fields.
    pub(crate) name: String,
    /// The binding used in generated code.
    pub(crate) binding: Ident,
    /// Where the value is looked up (named fields of `FromPyObject`).
    pub(crate) access: Access,
    /// `#[pyo3(from_py_with = ...)]`.
    pub(crate) from_py_with: Option<Expr>,
    /// `#[pyo3(default)]` (`None` inside) or `#[pyo3(default = ...)]`.
    pub(crate) default: Option<Option<Expr>>,
    /// The declared type.
    pub(crate) ty: Type,
}

/// How a named field is found on the object.
pub(crate) enum Access {
    /// `getattr(obj, name)`.
    Attribute(String),
    /// `obj[key]`, the key as a literal.
    Item(Lit),
}

/// One `#[pyo3(...)]` option on a derive input, variant or field.
enum DeriveOption {
    Transparent(Span),
    FromItemAll(Span),
    Annotation(Span, LitStr),
    Crate(Span, LitStr),
    Item(Span, Option<Lit>),
    Attribute(Span, Option<LitStr>),
    FromPyWith(Span, Expr),
    Default(Span, Option<Expr>),
}

impl Parse for DeriveOption {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(Token![crate]) {
            let key: Token![crate] = input.parse()?;
            input.parse::<Token![=]>()?;
            return Ok(DeriveOption::Crate(key.span, input.parse()?));
        }
        if input.peek(Token![default]) {
            let key: Token![default] = input.parse()?;
            let value = if input.peek(Token![=]) {
                input.parse::<Token![=]>()?;
                Some(input.parse()?)
            } else {
                None
            };
            return Ok(DeriveOption::Default(key.span, value));
        }
        let key = Ident::parse_any(input)?;
        let span = key.span();
        let in_parens = |input: ParseStream<'_>| -> syn::Result<Option<ParseBuffer>> {
            if input.peek(syn::token::Paren) {
                let content;
                syn::parenthesized!(content in input);
                Ok(Some(ParseBuffer(content.parse()?)))
            } else {
                Ok(None)
            }
        };
        match key.to_string().as_str() {
            "transparent" => Ok(DeriveOption::Transparent(span)),
            "from_item_all" => Ok(DeriveOption::FromItemAll(span)),
            "annotation" => {
                input.parse::<Token![=]>()?;
                Ok(DeriveOption::Annotation(span, input.parse()?))
            }
            "item" => Ok(DeriveOption::Item(span, in_parens(input)?.map(|b| b.0))),
            "attribute" => {
                let name = in_parens(input)?
                    .map(|b| match b.0 {
                        Lit::Str(text) => Ok(text),
                        other => Err(syn::Error::new(
                            other.span(),
                            diagnostics::DERIVE_ATTRIBUTE_NAME,
                        )),
                    })
                    .transpose()?;
                Ok(DeriveOption::Attribute(span, name))
            }
            "from_py_with" => {
                input.parse::<Token![=]>()?;
                Ok(DeriveOption::FromPyWith(span, input.parse()?))
            }
            _ => Err(syn::Error::new(
                span,
                diagnostics::unknown_derive_option(&key),
            )),
        }
    }
}

/// A literal inside `item(...)` or `attribute(...)`.
struct ParseBuffer(Lit);

fn take_options(attrs: &[Attribute], errors: &mut Errors) -> Vec<DeriveOption> {
    let mut options = Vec::new();
    for attr in attrs {
        if !crate::parse::is_exactly(attr, crate::parse::PYO3) {
            continue;
        }
        let parsed = attr.parse_args_with(Punctuated::<DeriveOption, Token![,]>::parse_terminated);
        if let Some(list) = errors.ok(parsed) {
            options.extend(list);
        }
    }
    options
}

impl DeriveSpec {
    /// Reads `input` for the derive `kind`, reporting every option that does not fit.
    pub(crate) fn build(input: &DeriveInput, kind: DeriveKind, errors: &mut Errors) -> DeriveSpec {
        let mut krate = None;
        let mut transparent = false;
        let mut from_item_all = false;
        for option in take_options(&input.attrs, errors) {
            match option {
                DeriveOption::Crate(_, path) => match path.parse::<syn::Path>() {
                    Ok(path) => krate = Some(path),
                    Err(_) => errors.at(path.span(), diagnostics::INVALID_CRATE_PATH),
                },
                DeriveOption::Transparent(_) => transparent = true,
                DeriveOption::FromItemAll(span) if kind == DeriveKind::FromPyObject => {
                    from_item_all = true;
                    let _ = span;
                }
                other => misplaced(other, "on the type", errors),
            }
        }
        let body = match &input.data {
            Data::Struct(data) => Body::Struct(Container::build(
                &data.fields,
                transparent,
                from_item_all,
                &input.ident,
                kind,
                errors,
            )),
            Data::Enum(data) => {
                if transparent || from_item_all {
                    errors.spanned(&input.ident, diagnostics::DERIVE_ENUM_CONTAINER_OPTION);
                }
                if data.variants.is_empty() {
                    errors.spanned(&input.ident, diagnostics::DERIVE_EMPTY_ENUM);
                }
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let mut annotation = None;
                        let mut transparent = false;
                        let mut from_item_all = false;
                        for option in take_options(&variant.attrs, errors) {
                            match option {
                                DeriveOption::Annotation(_, text)
                                    if kind == DeriveKind::FromPyObject =>
                                {
                                    annotation = Some(text.value());
                                }
                                DeriveOption::Transparent(_) => transparent = true,
                                DeriveOption::FromItemAll(_)
                                    if kind == DeriveKind::FromPyObject =>
                                {
                                    from_item_all = true;
                                }
                                other => misplaced(other, "on a variant", errors),
                            }
                        }
                        Variant {
                            ident: variant.ident.clone(),
                            annotation,
                            container: Container::build(
                                &variant.fields,
                                transparent,
                                from_item_all,
                                &variant.ident,
                                kind,
                                errors,
                            ),
                        }
                    })
                    .collect();
                Body::Enum(variants)
            }
            Data::Union(data) => {
                errors.spanned(data.union_token, diagnostics::DERIVE_UNION);
                Body::Enum(Vec::new())
            }
        };
        DeriveSpec {
            ident: input.ident.clone(),
            generics: input.generics.clone(),
            krate,
            body,
        }
    }
}

impl Container {
    fn build(
        fields: &Fields,
        transparent: bool,
        from_item_all: bool,
        owner: &Ident,
        kind: DeriveKind,
        errors: &mut Errors,
    ) -> Container {
        let named = matches!(fields, Fields::Named(_));
        if fields.is_empty() {
            errors.spanned(owner, diagnostics::DERIVE_NO_FIELDS);
        }
        if transparent && fields.len() != 1 {
            errors.spanned(owner, diagnostics::DERIVE_TRANSPARENT_ONE_FIELD);
        }
        // A tuple struct with one field is a newtype: the field is the whole object.
        let transparent = transparent || (!named && fields.len() == 1);
        let mut out = Vec::with_capacity(fields.len());
        for (index, field) in fields.iter().enumerate() {
            let name = match &field.ident {
                Some(ident) => crate::model::python_name_of(ident),
                None => index.to_string(),
            };
            let mut access = None;
            let mut from_py_with = None;
            let mut default = None;
            for option in take_options(&field.attrs, errors) {
                match option {
                    DeriveOption::Item(span, key) => {
                        if kind == DeriveKind::FromPyObject && (!named || transparent) {
                            errors.at(span, diagnostics::DERIVE_ACCESS_ON_UNNAMED);
                        }
                        let key = key.unwrap_or_else(|| Lit::Str(LitStr::new(&name, span)));
                        access = Some(Access::Item(key));
                    }
                    DeriveOption::Attribute(span, attr) if kind == DeriveKind::FromPyObject => {
                        if !named || transparent {
                            errors.at(span, diagnostics::DERIVE_ACCESS_ON_UNNAMED);
                        }
                        access = Some(Access::Attribute(attr.map_or(name.clone(), |a| a.value())));
                    }
                    DeriveOption::FromPyWith(_, path) if kind == DeriveKind::FromPyObject => {
                        from_py_with = Some(path);
                    }
                    DeriveOption::Default(span, value) if kind == DeriveKind::FromPyObject => {
                        if !named || transparent {
                            errors.at(span, diagnostics::DERIVE_DEFAULT_ON_UNNAMED);
                        }
                        default = Some(value);
                    }
                    other => misplaced(other, "on a field", errors),
                }
            }
            let access = access.unwrap_or_else(|| {
                if from_item_all || kind == DeriveKind::IntoPyObject {
                    Access::Item(Lit::Str(LitStr::new(&name, Span::call_site())))
                } else {
                    Access::Attribute(name.clone())
                }
            });
            out.push(Field {
                binding: quote::format_ident!("field_{}", index),
                name,
                access,
                from_py_with,
                default,
                ty: field.ty.clone(),
            });
        }
        Container {
            named,
            fields: out,
            transparent,
        }
    }
}

fn misplaced(option: DeriveOption, place: &str, errors: &mut Errors) {
    let (span, name) = match option {
        DeriveOption::Transparent(span) => (span, "transparent"),
        DeriveOption::FromItemAll(span) => (span, "from_item_all"),
        DeriveOption::Annotation(span, _) => (span, "annotation"),
        DeriveOption::Crate(span, _) => (span, "crate"),
        DeriveOption::Item(span, _) => (span, "item"),
        DeriveOption::Attribute(span, _) => (span, "attribute"),
        DeriveOption::FromPyWith(span, _) => (span, "from_py_with"),
        DeriveOption::Default(span, _) => (span, "default"),
    };
    errors.at(span, diagnostics::derive_option_misplaced(name, place));
}
