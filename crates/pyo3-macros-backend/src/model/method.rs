//! The model of a `#[pymethods]` block: each method's kind (constructor, instance, class
//! or static method, property accessor, class attribute, or magic method filling a type
//! slot), its receiver, and its arguments as a `FunctionSpec`.

use crate::diagnostics;
use crate::errors::Errors;
use crate::model::doc::Doc;
use crate::model::function::FunctionSpec;
use crate::model::options::{MacroKind, Options, TextSignature};
use crate::parse::options::take_pyo3_options;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{FnArg, ImplItem, ImplItemFn, ItemImpl, Type};

/// A validated `#[pymethods]` block.
pub(crate) struct MethodsSpec {
    /// The class (`Self`).
    pub(crate) class: Type,
    /// Its methods, in order.
    pub(crate) methods: Vec<MethodSpec>,
    /// `#[classattr] const`s.
    pub(crate) consts: Vec<(syn::Ident, String)>,
}

/// One method.
pub(crate) struct MethodSpec {
    /// Its kind.
    pub(crate) kind: MethodKind,
    /// The arguments (without the receiver) and names.
    pub(crate) function: FunctionSpec,
    /// How `self` is received.
    pub(crate) receiver: Receiver,
    /// The Rust method's name.
    pub(crate) rust_ident: syn::Ident,
    /// Whether the return type is written at all (setters returning `()`).
    pub(crate) output_span: Span,
}

/// What a method is to Python.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum MethodKind {
    /// An ordinary instance method.
    Instance,
    /// `#[new]`.
    Constructor,
    /// `#[classmethod]`.
    Class,
    /// `#[staticmethod]`.
    Static,
    /// `#[classattr]`.
    ClassAttribute,
    /// `#[getter]`, with the property name.
    Getter(String),
    /// `#[setter]`, with the property name.
    Setter(String),
    /// A magic method that fills a slot.
    Magic(String),
}

/// How the receiver is taken.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Receiver {
    /// No receiver (constructors, static methods, class attributes).
    None,
    /// `&self`.
    Ref,
    /// `&mut self`.
    Mut,
    /// A typed first parameter (`slf: PyRef<'_, Self>`, `&Bound<'_, Self>`, `cls` of a
    /// class method), converted like an argument.
    Typed,
}

/// Dunders with a slot (or a combined slot); every other `__name__` is an ordinary method.
pub(crate) const MAGIC: &[(&str, usize)] = &[
    ("__repr__", 0),
    ("__str__", 0),
    ("__hash__", 0),
    ("__bool__", 0),
    ("__len__", 0),
    ("__iter__", 0),
    ("__next__", 0),
    ("__neg__", 0),
    ("__pos__", 0),
    ("__abs__", 0),
    ("__invert__", 0),
    ("__int__", 0),
    ("__float__", 0),
    ("__index__", 0),
    ("__getitem__", 1),
    ("__setitem__", 2),
    ("__delitem__", 1),
    ("__contains__", 1),
    ("__getattr__", 1),
    ("__richcmp__", 2),
    ("__eq__", 1),
    ("__ne__", 1),
    ("__lt__", 1),
    ("__le__", 1),
    ("__gt__", 1),
    ("__ge__", 1),
    ("__call__", usize::MAX),
    ("__traverse__", 1),
    ("__clear__", 0),
    ("__add__", 1),
    ("__radd__", 1),
    ("__sub__", 1),
    ("__rsub__", 1),
    ("__mul__", 1),
    ("__rmul__", 1),
    ("__matmul__", 1),
    ("__rmatmul__", 1),
    ("__truediv__", 1),
    ("__rtruediv__", 1),
    ("__floordiv__", 1),
    ("__rfloordiv__", 1),
    ("__mod__", 1),
    ("__rmod__", 1),
    ("__divmod__", 1),
    ("__rdivmod__", 1),
    ("__lshift__", 1),
    ("__rlshift__", 1),
    ("__rshift__", 1),
    ("__rrshift__", 1),
    ("__and__", 1),
    ("__rand__", 1),
    ("__or__", 1),
    ("__ror__", 1),
    ("__xor__", 1),
    ("__rxor__", 1),
    ("__iadd__", 1),
    ("__isub__", 1),
    ("__imul__", 1),
    ("__imatmul__", 1),
    ("__itruediv__", 1),
    ("__ifloordiv__", 1),
    ("__imod__", 1),
    ("__ilshift__", 1),
    ("__irshift__", 1),
    ("__iand__", 1),
    ("__ior__", 1),
    ("__ixor__", 1),
    ("__getattribute__", 1),
    ("__setattr__", 2),
    ("__delattr__", 1),
    ("__get__", 2),
    ("__set__", 2),
    ("__delete__", 1),
    ("__pow__", POW_ARITY),
    ("__rpow__", POW_ARITY),
    ("__ipow__", POW_ARITY),
    ("__aiter__", 0),
    ("__anext__", 0),
    ("__await__", 0),
    ("__concat__", 1),
    ("__repeat__", 1),
    ("__inplace_concat__", 1),
    ("__inplace_repeat__", 1),
    ("__getbuffer__", RAW_ARITY),
    ("__releasebuffer__", RAW_ARITY),
];

/// The arity of `__pow__`-like methods: the operand and, optionally, the modulo.
pub(crate) const POW_ARITY: usize = usize::MAX - 1;
/// Methods whose arguments are raw C pointers (the buffer protocol), passed through.
pub(crate) const RAW_ARITY: usize = usize::MAX - 2;

impl MethodsSpec {
    /// Reads the block, removing the helper attributes from its methods.
    pub(crate) fn build(block: &mut ItemImpl, errors: &mut Errors) -> MethodsSpec {
        if block.trait_.is_some() || !block.generics.params.is_empty() {
            errors.spanned(&block.self_ty, diagnostics::PYMETHODS_TRAIT_OR_GENERIC);
        }
        let mut methods = Vec::new();
        let mut consts = Vec::new();
        for item in &mut block.items {
            match item {
                ImplItem::Fn(method) => {
                    if let Some(spec) = MethodSpec::build(method, errors) {
                        methods.push(spec);
                    }
                }
                ImplItem::Const(constant) => {
                    let before = constant.attrs.len();
                    constant
                        .attrs
                        .retain(|attr| !crate::parse::is_exactly(attr, "classattr"));
                    if constant.attrs.len() != before {
                        let options = take_pyo3_options(&mut constant.attrs, errors);
                        let options = Options::collect(MacroKind::Method, options, errors);
                        let name = match options.name {
                            Some((name, _)) => name,
                            None => crate::model::python_name_of(&constant.ident),
                        };
                        consts.push((constant.ident.clone(), name));
                    }
                }
                _ => {}
            }
        }
        let mut constructors = methods.iter().filter(|m| m.kind == MethodKind::Constructor);
        if let (Some(_), Some(second)) = (constructors.next(), constructors.next()) {
            errors.at(second.rust_ident.span(), diagnostics::TWO_CONSTRUCTORS);
        }
        MethodsSpec {
            class: (*block.self_ty).clone(),
            methods,
            consts,
        }
    }
}

impl MethodSpec {
    fn build(method: &mut ImplItemFn, errors: &mut Errors) -> Option<MethodSpec> {
        let mut kinds: Vec<(MethodKind, Span)> = Vec::new();
        let mut getter_name = None;
        method.attrs.retain(|attr| {
            let path = attr.path();
            let kind = if path.is_ident("new") {
                MethodKind::Constructor
            } else if path.is_ident("staticmethod") {
                MethodKind::Static
            } else if path.is_ident("classmethod") {
                MethodKind::Class
            } else if path.is_ident("classattr") {
                MethodKind::ClassAttribute
            } else if path.is_ident("getter") || path.is_ident("setter") {
                let explicit = attr
                    .parse_args::<syn::Ident>()
                    .map(|i| i.to_string())
                    .or_else(|_| attr.parse_args::<syn::LitStr>().map(|s| s.value()))
                    .ok();
                getter_name = explicit;
                if path.is_ident("getter") {
                    MethodKind::Getter(String::new())
                } else {
                    MethodKind::Setter(String::new())
                }
            } else {
                return true;
            };
            kinds.push((kind, attr.span()));
            false
        });
        if kinds.len() > 1 {
            errors.at(kinds[1].1, diagnostics::CONFLICTING_METHOD_KINDS);
        }
        let list = take_pyo3_options(&mut method.attrs, errors);
        let options = Options::collect(MacroKind::Method, list, errors);
        if let Some(token) = &method.sig.asyncness {
            if !cfg!(feature = "experimental-async") {
                errors.at(token.span, diagnostics::ASYNC_METHOD);
                return None;
            }
        }
        let rust_name = crate::model::python_name_of(&method.sig.ident);
        let mut kind = match kinds.into_iter().next() {
            Some((kind, _)) => kind,
            None if MAGIC.iter().any(|(name, _)| *name == rust_name) => {
                MethodKind::Magic(rust_name.clone())
            }
            None => MethodKind::Instance,
        };
        if let Some(token) = &method.sig.asyncness {
            if !matches!(
                kind,
                MethodKind::Instance | MethodKind::Class | MethodKind::Static
            ) {
                errors.at(token.span, diagnostics::ASYNC_SPECIAL_METHOD);
                return None;
            }
        }
        let is_setter = matches!(kind, MethodKind::Setter(_));
        if let MethodKind::Getter(name) | MethodKind::Setter(name) = &mut kind {
            *name = match (&getter_name, &options.name) {
                (Some(explicit), _) => explicit.clone(),
                (None, Some((name, _))) => name.clone(),
                (None, None) => {
                    let stripped = if is_setter {
                        rust_name.strip_prefix("set_").unwrap_or(&rust_name)
                    } else {
                        rust_name.strip_prefix("get_").unwrap_or(&rust_name)
                    };
                    stripped.to_owned()
                }
            };
        }

        // Take the receiver out, so the rest reads like a function's parameters.
        let inputs: Vec<FnArg> = std::mem::take(&mut method.sig.inputs).into_iter().collect();
        let mut rest = inputs.clone().into_iter();
        let takes_receiver = !matches!(
            kind,
            MethodKind::Constructor | MethodKind::Static | MethodKind::ClassAttribute
        );
        let receiver = match inputs.first() {
            Some(FnArg::Receiver(receiver)) => {
                rest.next();
                if !takes_receiver {
                    errors.spanned(receiver, diagnostics::unexpected_receiver("this method"));
                }
                if receiver.reference.is_none() {
                    errors.spanned(receiver, diagnostics::MISSING_RECEIVER);
                }
                if receiver.mutability.is_some() {
                    Receiver::Mut
                } else {
                    Receiver::Ref
                }
            }
            Some(FnArg::Typed(_)) if takes_receiver => {
                rest.next();
                Receiver::Typed
            }
            _ if takes_receiver => {
                let message = if kind == MethodKind::Class {
                    diagnostics::CLASSMETHOD_WITHOUT_CLS
                } else {
                    diagnostics::MISSING_RECEIVER
                };
                errors.at(method.sig.ident.span(), message);
                Receiver::None
            }
            _ => Receiver::None,
        };
        if kind == MethodKind::Class && receiver != Receiver::Typed {
            errors.at(
                method.sig.ident.span(),
                diagnostics::CLASSMETHOD_WITHOUT_CLS,
            );
        }
        let receiver_arg: Option<FnArg> = if receiver == Receiver::None {
            None
        } else {
            inputs.first().cloned()
        };
        method.sig.inputs = rest.collect();
        let mut function_options = options;
        function_options.name = Some((
            match &kind {
                MethodKind::Getter(name) | MethodKind::Setter(name) => name.clone(),
                _ => function_options
                    .name
                    .as_ref()
                    .map_or(rust_name.clone(), |(name, _)| name.clone()),
            },
            method.sig.ident.span(),
        ));
        // The buffer slots take raw pointers: PyO3 lets them be `unsafe fn` (the trampoline
        // calls them in an `unsafe` block), unlike every other method.
        let buffer_slot = matches!(rust_name.as_str(), "__getbuffer__" | "__releasebuffer__");
        let unsafety = if buffer_slot {
            method.sig.unsafety.take()
        } else {
            None
        };
        let function =
            FunctionSpec::build_from(&mut method.sig, &method.attrs, &function_options, errors);
        method.sig.unsafety = method.sig.unsafety.or(unsafety);
        // Put the receiver back.
        if let Some(arg) = receiver_arg {
            let mut all: syn::punctuated::Punctuated<FnArg, syn::Token![,]> =
                syn::punctuated::Punctuated::new();
            all.push(arg);
            all.extend(std::mem::take(&mut method.sig.inputs));
            method.sig.inputs = all;
        }
        if let MethodKind::Magic(name) = &kind {
            if let Some((_, arity)) = MAGIC.iter().find(|(n, _)| n == name) {
                let found = function.arguments().count();
                let fits = match *arity {
                    usize::MAX | RAW_ARITY => true,
                    POW_ARITY => found == 1 || found == 2,
                    exact => found == exact,
                };
                if !fits {
                    errors.at(
                        method.sig.ident.span(),
                        diagnostics::magic_arity(
                            name,
                            &if *arity == POW_ARITY {
                                "1 or 2".to_owned()
                            } else {
                                arity.to_string()
                            },
                            found,
                        ),
                    );
                }
            }
        }
        let output_span = match &method.sig.output {
            syn::ReturnType::Default => method.sig.ident.span(),
            syn::ReturnType::Type(_, ty) => ty.span(),
        };
        let _ = (Doc::from_attrs(&[], Span::call_site()), TextSignature::Auto);
        Some(MethodSpec {
            kind,
            function,
            receiver,
            rust_ident: method.sig.ident.clone(),
            output_span,
        })
    }
}
