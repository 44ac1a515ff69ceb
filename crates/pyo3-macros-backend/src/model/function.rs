//! The model of a `#[pyfunction]`: its Python name, parameter table and docstring.

use crate::diagnostics;
use crate::errors::Errors;
use crate::model::doc::Doc;
use crate::model::options::{Options, TextSignature};
use crate::parse::options::{take_param_options, ParamOption};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{FnArg, GenericParam, ItemFn, Pat, Signature, Type};

/// A validated `#[pyfunction]`.
pub(crate) struct FunctionSpec {
    /// The Rust function's name, which the generated module is also named after.
    pub(crate) rust_ident: syn::Ident,
    /// The name Python sees.
    pub(crate) python_name: String,
    /// Every Rust parameter, in order.
    pub(crate) params: Vec<Param>,
    /// The `///` documentation.
    pub(crate) doc: Doc,
    /// Which `__text_signature__` to publish.
    pub(crate) text_signature: TextSignature,
    /// The return type (or the name, for `()`), where conversion errors are reported.
    pub(crate) output_span: Span,
}

/// One Rust parameter of a `#[pyfunction]`.
pub(crate) struct Param {
    /// The parameter's name in Python (the Rust name without `r#`).
    pub(crate) python_name: String,
    /// Whether it is the `Python<'py>` token, which takes no Python argument.
    pub(crate) is_python_token: bool,
    /// The declared type, where extraction errors are reported.
    pub(crate) ty_span: Span,
}

impl FunctionSpec {
    /// Reads `func`, removing the `#[pyo3(...)]` attributes of its parameters and reporting
    /// every shape Python cannot call (methods, `async`, generics, patterns, ...).
    pub(crate) fn build(func: &mut ItemFn, options: &Options, errors: &mut Errors) -> FunctionSpec {
        check_shape(&func.sig, errors);
        let mut params = Vec::with_capacity(func.sig.inputs.len());
        for input in &mut func.sig.inputs {
            match input {
                FnArg::Receiver(receiver) => {
                    errors.spanned(&*receiver, diagnostics::PYFUNCTION_ON_METHOD);
                }
                FnArg::Typed(typed) => {
                    for option in take_param_options(&mut typed.attrs, errors) {
                        match option {
                            ParamOption::FromPyWith(key, value) => errors.spanned(
                                quote::quote!(#key = #value),
                                diagnostics::parameter_option_not_implemented("from_py_with"),
                            ),
                        }
                    }
                    if contains_impl_trait(&typed.ty) {
                        errors.spanned(&typed.ty, diagnostics::IMPL_TRAIT_PARAMETER);
                    }
                    let python_name = match &*typed.pat {
                        Pat::Ident(binding) if binding.subpat.is_none() => {
                            crate::model::python_name_of(&binding.ident)
                        }
                        other => {
                            errors.spanned(other, diagnostics::PARAMETER_PATTERN);
                            String::new()
                        }
                    };
                    params.push(Param {
                        python_name,
                        is_python_token: is_python_token(&typed.ty),
                        ty_span: typed.ty.span(),
                    });
                }
            }
        }
        let python_name = match &options.name {
            Some((name, _)) => name.clone(),
            None => crate::model::python_name_of(&func.sig.ident),
        };
        let output_span = match &func.sig.output {
            syn::ReturnType::Default => func.sig.ident.span(),
            syn::ReturnType::Type(_, ty) => ty.span(),
        };
        FunctionSpec {
            rust_ident: func.sig.ident.clone(),
            python_name,
            params,
            doc: Doc::from_attrs(&func.attrs, func.sig.ident.span()),
            text_signature: options.text_signature.clone(),
            output_span,
        }
    }

    /// The parameters Python passes arguments for (all but the `Python<'py>` token).
    pub(crate) fn arguments(&self) -> impl Iterator<Item = &Param> {
        self.params.iter().filter(|param| !param.is_python_token)
    }
}

/// Reports the parts of a signature that no Python function can have.
fn check_shape(sig: &Signature, errors: &mut Errors) {
    if let Some(token) = &sig.asyncness {
        errors.at(token.span, diagnostics::ASYNC_FN);
    }
    if let Some(token) = &sig.unsafety {
        errors.at(token.span, diagnostics::UNSAFE_FN);
    }
    for param in &sig.generics.params {
        match param {
            GenericParam::Type(param) => {
                errors.spanned(param, diagnostics::GENERIC_TYPE_PARAMETER);
            }
            GenericParam::Const(param) => {
                errors.spanned(param, diagnostics::CONST_GENERIC_PARAMETER);
            }
            // Lifetimes are inferred at the call in the trampoline.
            GenericParam::Lifetime(_) => {}
        }
    }
    if let Some(variadic) = &sig.variadic {
        errors.spanned(variadic, diagnostics::VARIADIC_PARAMETER);
    }
}

/// Whether `ty` is (a reference to) `impl Trait`.
fn contains_impl_trait(ty: &Type) -> bool {
    match ty {
        Type::ImplTrait(_) => true,
        Type::Reference(reference) => contains_impl_trait(&reference.elem),
        Type::Paren(inner) => contains_impl_trait(&inner.elem),
        Type::Group(inner) => contains_impl_trait(&inner.elem),
        _ => false,
    }
}

/// Whether `ty` names the `Python<'py>` token (`Python<'_>`, `pyo3::Python<'py>`, ...).
///
/// Macros see names, not types, so this goes by the last path segment, like every other
/// implementation of this API.
pub(crate) fn is_python_token(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => {
            path.qself.is_none()
                && path
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "Python")
        }
        Type::Group(inner) => is_python_token(&inner.elem),
        Type::Paren(inner) => is_python_token(&inner.elem),
        _ => false,
    }
}
