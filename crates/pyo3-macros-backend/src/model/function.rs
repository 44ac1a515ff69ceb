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
    /// `signature = (...)`, as validated in `check.rs`.
    pub(crate) signature: Option<crate::parse::signature::SignatureAst>,
    /// The `///` documentation.
    pub(crate) doc: Doc,
    /// Which `__text_signature__` to publish.
    pub(crate) text_signature: TextSignature,
    /// The return type (or the name, for `()`), where conversion errors are reported.
    pub(crate) output_span: Span,
    /// `async fn` (only with the `experimental-async` feature): the `async` keyword.
    pub(crate) asyncness: Option<Span>,
}

/// One Rust parameter of a `#[pyfunction]`.
pub(crate) struct Param {
    /// The parameter's name in Python (the Rust name without `r#`).
    pub(crate) python_name: String,
    /// Where the value comes from.
    pub(crate) kind: ParamKind,
    /// `#[pyo3(from_py_with = f)]`: the user's extraction function.
    pub(crate) from_py_with: Option<syn::Expr>,
    /// The declared type, where extraction errors are reported.
    pub(crate) ty_span: Span,
    /// `&T` / `&mut T` of a type that is neither `str`, a slice nor a `Bound`: borrowed
    /// from a `#[pyclass]` instance.
    pub(crate) pyclass_ref: Option<PyClassRef>,
    /// The declared type.
    pub(crate) ty: Type,
}

/// How a `&T` / `&mut T` parameter borrows a `#[pyclass]` value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum PyClassRef {
    /// `&T`.
    Shared,
    /// `&mut T`.
    Exclusive,
}

/// Whether `ty` is a reference that can only be a borrow of a `#[pyclass]` value (macros see
/// names, not types: `&str`, `&[T]`, `&Bound<..>`, `&Borrowed<..>`, `&Py<..>` and `&PyAny`-like
/// names are taken to be ordinary arguments).
pub(crate) fn pyclass_ref_of(ty: &Type) -> Option<PyClassRef> {
    let Type::Reference(reference) = ty else {
        return None;
    };
    let ordinary = match &*reference.elem {
        Type::Slice(_) | Type::Array(_) | Type::TraitObject(_) => true,
        Type::Path(path) => path.path.segments.last().is_none_or(|segment| {
            let name = segment.ident.to_string();
            matches!(
                name.as_str(),
                "str" | "Bound" | "Borrowed" | "Py" | "CStr" | "OsStr" | "Path"
            ) || is_native_name(&name)
        }),
        _ => true,
    };
    if ordinary {
        None
    } else if reference.mutability.is_some() {
        Some(PyClassRef::Exclusive)
    } else {
        Some(PyClassRef::Shared)
    }
}

/// Names of this crate's native types, which are never borrowed as `&PyString` in 0.27.
fn is_native_name(name: &str) -> bool {
    matches!(
        name,
        "PyAny" | "PyString" | "PyDict" | "PyList" | "PyTuple" | "PyBytes" | "PyType" | "PyModule"
    )
}

/// What a Rust parameter receives.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParamKind {
    /// The `Python<'py>` token, which takes no Python argument.
    PythonToken,
    /// The module the function lives in (`pass_module`, first parameter).
    Module,
    /// A Python argument.
    Argument,
    /// `#[pyo3(cancel_handle)]`: the coroutine's `CancelHandle`, which takes no Python
    /// argument.
    CancelHandle,
}

impl FunctionSpec {
    /// Reads `func`, removing the `#[pyo3(...)]` attributes of its parameters and reporting
    /// every shape Python cannot call (methods, `async`, generics, patterns, ...).
    pub(crate) fn build(func: &mut ItemFn, options: &Options, errors: &mut Errors) -> FunctionSpec {
        Self::build_from(&mut func.sig, &func.attrs, options, errors)
    }

    /// As [`build`](Self::build), from a signature and the item's attributes (methods reuse
    /// it after taking their receiver out).
    pub(crate) fn build_from(
        sig: &mut Signature,
        attrs: &[syn::Attribute],
        options: &Options,
        errors: &mut Errors,
    ) -> FunctionSpec {
        check_shape(sig, errors);
        let mut params = Vec::with_capacity(sig.inputs.len());
        for input in &mut sig.inputs {
            match input {
                FnArg::Receiver(receiver) => {
                    errors.spanned(&*receiver, diagnostics::PYFUNCTION_ON_METHOD);
                }
                FnArg::Typed(typed) => {
                    let mut from_py_with = None;
                    let mut cancel_handle = None;
                    for option in take_param_options(&mut typed.attrs, errors) {
                        match option {
                            ParamOption::CancelHandle(key) => {
                                if cancel_handle.is_some() {
                                    errors.at(
                                        key.span,
                                        diagnostics::duplicate_option("cancel_handle"),
                                    );
                                }
                                cancel_handle = Some(key.span);
                            }
                            ParamOption::FromPyWith(key, value) => {
                                if from_py_with.is_some() {
                                    errors.at(
                                        key.span,
                                        diagnostics::duplicate_option("from_py_with"),
                                    );
                                }
                                from_py_with = Some(value);
                            }
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
                    if let Some(span) = cancel_handle {
                        if from_py_with.is_some() {
                            errors.at(span, diagnostics::CANCEL_HANDLE_WITH_FROM_PY_WITH);
                        } else if sig.asyncness.is_none() {
                            errors.at(span, diagnostics::CANCEL_HANDLE_WITHOUT_ASYNC);
                        } else if params
                            .iter()
                            .any(|p: &Param| p.kind == ParamKind::CancelHandle)
                        {
                            errors.at(span, diagnostics::CANCEL_HANDLE_TWICE);
                        }
                    }
                    let kind = if cancel_handle.is_some() {
                        ParamKind::CancelHandle
                    } else if options.pass_module.is_some() && params.is_empty() {
                        ParamKind::Module
                    } else if is_python_token(&typed.ty) {
                        ParamKind::PythonToken
                    } else {
                        ParamKind::Argument
                    };
                    // (With `cancel_handle`, the conflict is reported above.)
                    if !matches!(kind, ParamKind::Argument | ParamKind::CancelHandle) {
                        if let Some(path) = &from_py_with {
                            errors.spanned(path, diagnostics::FROM_PY_WITH_NOT_ARGUMENT);
                        }
                    }
                    let pyclass_ref = if kind == ParamKind::Argument && from_py_with.is_none() {
                        pyclass_ref_of(&typed.ty)
                    } else {
                        None
                    };
                    params.push(Param {
                        python_name,
                        kind,
                        from_py_with,
                        ty_span: typed.ty.span(),
                        pyclass_ref,
                        ty: (*typed.ty).clone(),
                    });
                }
            }
        }
        if let Some(span) = options.pass_module {
            if params.is_empty() {
                errors.at(span, diagnostics::PASS_MODULE_WITHOUT_PARAMETER);
            }
        }
        let python_name = match &options.name {
            Some((name, _)) => name.clone(),
            None => crate::model::python_name_of(&sig.ident),
        };
        let output_span = match &sig.output {
            syn::ReturnType::Default => sig.ident.span(),
            syn::ReturnType::Type(_, ty) => ty.span(),
        };
        FunctionSpec {
            rust_ident: sig.ident.clone(),
            python_name,
            params,
            signature: options.signature.clone(),
            doc: Doc::from_attrs(attrs, sig.ident.span()),
            text_signature: options.text_signature.clone(),
            output_span,
            asyncness: sig.asyncness.map(|token| token.span),
        }
    }

    /// The parameters Python passes arguments for (all but the `Python<'py>` token).
    pub(crate) fn arguments(&self) -> impl Iterator<Item = &Param> {
        self.params
            .iter()
            .filter(|param| param.kind == ParamKind::Argument)
    }
}

/// Reports the parts of a signature that no Python function can have.
fn check_shape(sig: &Signature, errors: &mut Errors) {
    if let Some(token) = &sig.asyncness {
        if !cfg!(feature = "experimental-async") {
            errors.at(token.span, diagnostics::ASYNC_FN);
        }
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
