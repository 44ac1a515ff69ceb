//! Code for `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and
//! `#[derive(IntoPyObjectRef)]`: one trait impl whose body strings together calls to
//! `impl_::frompyobject`, where the lookups, conversions and error messages live.

use crate::ctx::Ctx;
use crate::model::derive::{Access, Body, Container, DeriveSpec, Field};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericParam, Lifetime};

/// Adds `'py` to the type's generics unless it already has one, and a bound per type
/// parameter.
fn impl_generics(
    spec: &DeriveSpec,
    extra_lifetime: Option<&Lifetime>,
    bound: impl Fn(&syn::Ident) -> TokenStream,
) -> (TokenStream, TokenStream, TokenStream) {
    let mut params: Vec<TokenStream> = Vec::new();
    if let Some(lifetime) = extra_lifetime {
        params.push(quote!(#lifetime));
    }
    let has_py = spec
        .generics
        .lifetimes()
        .any(|def| def.lifetime.ident == "py");
    if !has_py {
        params.push(quote!('py));
    }
    let mut bounds = Vec::new();
    for param in &spec.generics.params {
        params.push(quote!(#param));
        if let GenericParam::Type(ty) = param {
            bounds.push(bound(&ty.ident));
        }
    }
    let (_, ty_generics, where_clause) = spec.generics.split_for_impl();
    let mut predicates: Vec<TokenStream> = where_clause
        .map(|w| w.predicates.iter().map(|p| quote!(#p)).collect())
        .unwrap_or_default();
    predicates.extend(bounds);
    (
        quote!(<#(#params),*>),
        quote!(#ty_generics),
        quote!(where #(#predicates),*),
    )
}

/// `impl FromPyObject for T`.
pub(crate) fn from_py_object(spec: &DeriveSpec, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let ident = &spec.ident;
    let a: Lifetime = syn::parse_quote!('__pyo3_a);
    let (params, ty_generics, where_clause) = impl_generics(
        spec,
        Some(&a),
        |ty| quote!(#ty: #krate::conversion::FromPyObjectOwned<'py>),
    );
    let body = match &spec.body {
        Body::Struct(container) => {
            let name = ident.to_string();
            container_from(container, quote!(#ident), &name, ctx)
        }
        Body::Enum(variants) => {
            let attempts = variants.iter().map(|variant| {
                let v = &variant.ident;
                let name = format!("{ident}::{v}");
                let build = container_from(&variant.container, quote!(#ident::#v), &name, ctx);
                quote! {
                    match (|| -> #krate::PyResult<Self> { #build })() {
                        ::core::result::Result::Ok(value) => return ::core::result::Result::Ok(value),
                        ::core::result::Result::Err(err) => err,
                    }
                }
            });
            let names: Vec<String> = variants.iter().map(|v| v.ident.to_string()).collect();
            let shown = variants
                .iter()
                .zip(&names)
                .map(|(v, name)| v.annotation.clone().unwrap_or_else(|| name.clone()));
            let type_name = ident.to_string();
            quote! {
                let errors = [#(#attempts),*];
                ::core::result::Result::Err(#krate::impl_::frompyobject::enum_error(
                    obj.py(), #type_name, &[#(#names),*], &[#(#shown),*], errors,
                ))
            }
        }
    };
    quote! {
        const _: () = {
            impl #params #krate::FromPyObject<#a, 'py> for #ident #ty_generics #where_clause {
                type Error = #krate::PyErr;

                fn extract(
                    obj: #krate::Borrowed<#a, 'py, #krate::PyAny>,
                ) -> ::core::result::Result<Self, #krate::PyErr> {
                    let obj: &#krate::Bound<'py, #krate::PyAny> = &obj;
                    #body
                }
            }
        };
    }
}

/// An expression of type `PyResult<Self>` building `path` from `obj`.
fn container_from(container: &Container, path: TokenStream, name: &str, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let rt = quote!(#krate::impl_::frompyobject);
    let convert = |field: &Field, value: TokenStream| {
        let field_name = &field.name;
        let span = field.ty.span();
        // At the field type's span, so an unsatisfied bound points at the field.
        let rt = ctx.krate_at(span);
        match &field.from_py_with {
            Some(path) => quote_spanned!(span=>
                #rt::impl_::frompyobject::field_with(#value, #name, #field_name, #path)?
            ),
            None => {
                quote_spanned!(span=> #rt::impl_::frompyobject::field(#value, #name, #field_name)?)
            }
        }
    };
    let mut lets = Vec::new();
    if container.transparent {
        let field = &container.fields[0];
        let binding = &field.binding;
        let value = convert(field, quote!(obj));
        lets.push(quote!(let #binding = #value;));
    } else if container.named {
        for field in &container.fields {
            let binding = &field.binding;
            let lookup = match &field.access {
                Access::Attribute(attr) => quote!(#rt::attribute(obj, #attr)),
                Access::Item(key) => quote!(#rt::item(obj, #key)),
            };
            let value = match &field.default {
                None => {
                    let value = convert(field, quote!(&value));
                    quote!({ let value = #lookup?; #value })
                }
                Some(default) => {
                    let default = match default {
                        Some(expr) => quote!(#expr),
                        None => quote!(::core::default::Default::default()),
                    };
                    let value = convert(field, quote!(&value));
                    quote! {
                        match #rt::present(obj, #lookup)? {
                            ::core::option::Option::Some(value) => #value,
                            ::core::option::Option::None => #default,
                        }
                    }
                }
            };
            lets.push(quote!(let #binding = #value;));
        }
    } else {
        let len = Literal::usize_unsuffixed(container.fields.len());
        lets.push(quote!(let tuple = #rt::tuple(obj, #len)?;));
        for (index, field) in container.fields.iter().enumerate() {
            let binding = &field.binding;
            let index = Literal::usize_unsuffixed(index);
            let value = convert(field, quote!(&#rt::tuple_item(&tuple, #index)?));
            lets.push(quote!(let #binding = #value;));
        }
    }
    let construct = construct(container, path);
    quote!(#(#lets)* ::core::result::Result::Ok(#construct))
}

/// `path { a: field_0, .. }` or `path(field_0, ..)`: building, or (as a pattern)
/// destructuring.
fn construct(container: &Container, path: TokenStream) -> TokenStream {
    let bindings = container.fields.iter().map(|f| &f.binding);
    if container.named {
        let names = container
            .fields
            .iter()
            .map(|f| syn::Ident::new_raw_if_needed(&f.name));
        quote!(#path { #(#names: #bindings),* })
    } else {
        quote!(#path ( #(#bindings),* ))
    }
}

trait NewRawIfNeeded {
    fn new_raw_if_needed(name: &str) -> syn::Ident;
}

impl NewRawIfNeeded for syn::Ident {
    fn new_raw_if_needed(name: &str) -> syn::Ident {
        syn::parse_str::<syn::Ident>(name)
            .unwrap_or_else(|_| syn::Ident::new_raw(name, proc_macro2::Span::call_site()))
    }
}

/// `impl IntoPyObject for T` (`by_ref == false`) or for `&T` (`by_ref == true`).
pub(crate) fn into_py_object(spec: &DeriveSpec, by_ref: bool, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let ident = &spec.ident;
    let a: Lifetime = syn::parse_quote!('__pyo3_a);
    let (params, ty_generics, where_clause) = impl_generics(spec, by_ref.then_some(&a), |ty| {
        if by_ref {
            quote!(&#a #ty: #krate::IntoPyObject<'py>)
        } else {
            quote!(#ty: #krate::IntoPyObject<'py>)
        }
    });
    let self_ty = if by_ref {
        quote!(&#a #ident #ty_generics)
    } else {
        quote!(#ident #ty_generics)
    };
    let body = match &spec.body {
        Body::Struct(container) => {
            let pattern = construct(container, quote!(#ident));
            let convert = container_into(container, ctx);
            quote! {
                let #pattern = self;
                #convert
            }
        }
        Body::Enum(variants) => {
            let arms = variants.iter().map(|variant| {
                let v = &variant.ident;
                let pattern = construct(&variant.container, quote!(#ident::#v));
                let convert = container_into(&variant.container, ctx);
                quote!(#pattern => { #convert })
            });
            quote!(match self { #(#arms)* })
        }
    };
    quote! {
        const _: () = {
            impl #params #krate::IntoPyObject<'py> for #self_ty #where_clause {
                type Target = #krate::PyAny;
                type Output = #krate::Bound<'py, #krate::PyAny>;
                type Error = #krate::PyErr;

                fn into_pyobject(
                    self,
                    py: #krate::Python<'py>,
                ) -> ::core::result::Result<Self::Output, #krate::PyErr> {
                    #body
                }
            }
        };
    }
}

/// An expression of type `PyResult<Bound<PyAny>>` from the bound fields.
fn container_into(container: &Container, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let rt = quote!(#krate::impl_::frompyobject);
    if container.transparent {
        let binding = &container.fields[0].binding;
        let span = container.fields[0].ty.span();
        let rt = ctx.krate_at(span);
        return quote_spanned!(span=> #rt::impl_::frompyobject::into_any(py, #binding));
    }
    if container.named {
        let sets = container.fields.iter().map(|field| {
            let binding = &field.binding;
            let key = match &field.access {
                Access::Item(key) => quote!(#key),
                Access::Attribute(name) => quote!(#name),
            };
            let span = field.ty.span();
            let rt = ctx.krate_at(span);
            quote_spanned!(span=> #rt::impl_::frompyobject::set_field(&dict, #key, #binding)?;)
        });
        quote! {
            let dict = #rt::new_dict(py);
            #(#sets)*
            ::core::result::Result::Ok(dict.into_any())
        }
    } else {
        let items = container.fields.iter().map(|field| {
            let binding = &field.binding;
            let span = field.ty.span();
            let rt = ctx.krate_at(span);
            quote_spanned!(span=> #rt::impl_::frompyobject::into_any(py, #binding)?)
        });
        quote!(#rt::new_tuple(py, ::std::vec![#(#items),*]))
    }
}
