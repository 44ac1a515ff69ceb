//! The model of a `#[pymodule]`, in its two forms: an initializer function, or an inline
//! `mod` whose annotated items are added to the module (the "declarative" form).

use crate::diagnostics;
use crate::errors::Errors;
use crate::model::doc::Doc;
use crate::model::function::is_python_token;
use crate::model::options::Options;
use crate::parse;
use proc_macro2::{Span, TokenTree};
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{Attribute, FnArg, Ident, Item, ItemFn, ItemMod, Meta, UseTree};

/// A validated `#[pymodule]`.
pub(crate) struct ModuleSpec {
    /// The Rust name of the function or `mod`.
    pub(crate) rust_ident: Ident,
    /// The name Python imports, which also names the `PyInit_` symbol.
    pub(crate) python_name: String,
    /// The module's docstring.
    pub(crate) doc: Doc,
    /// Whether this module is only reachable through a parent (no `PyInit_` symbol).
    pub(crate) submodule: bool,
    /// `gil_used = ...`: whether the module needs the GIL on a free-threaded interpreter
    /// (PyO3 0.27's default: it does).
    pub(crate) gil_used: bool,
    /// What fills the module.
    pub(crate) body: ModuleBody,
}

/// How a module's contents are produced.
pub(crate) enum ModuleBody {
    /// A user function does it: `fn m(m: &Bound<'_, PyModule>)`, optionally preceded by a
    /// `Python<'py>` token.
    Function {
        /// Whether the function takes `py` first.
        takes_py: bool,
    },
    /// The annotated items of an inline `mod` are added, then the init function runs.
    Declarative {
        /// Items added with `add_to_module`, in source order.
        members: Vec<Member>,
        /// Every `#[pymodule_init]` function (more than one is reported by `check.rs`).
        inits: Vec<Ident>,
    },
}

/// An item of a declarative module that is added to the Python module.
pub(crate) struct Member {
    /// The name the item has inside the Rust `mod` (after `use ... as` renames).
    pub(crate) ident: Ident,
    /// The item's `#[cfg(...)]` attributes, repeated on its registration.
    pub(crate) cfgs: Vec<Attribute>,
    /// How the item is added.
    pub(crate) kind: MemberKind,
}

/// What kind of item a [`Member`] is.
pub(crate) enum MemberKind {
    /// A function, class or module: it brings its own definition (`_PYO3_DEF`).
    Definition,
    /// An exported `const`: its value becomes a module attribute of this name.
    Constant {
        /// The attribute name (the constant's name, unraw'd).
        python_name: String,
    },
}

impl ModuleSpec {
    /// Reads the function form.
    pub(crate) fn from_fn(func: &ItemFn, options: &Options, errors: &mut Errors) -> ModuleSpec {
        let inputs = &func.sig.inputs;
        let takes_py = match inputs.len() {
            1 => false,
            2 => matches!(inputs.first(), Some(FnArg::Typed(first)) if is_python_token(&first.ty)),
            _ => false,
        };
        let has_receiver = inputs
            .iter()
            .any(|input| matches!(input, FnArg::Receiver(_)));
        let valid_count = inputs.len() == 1 || takes_py;
        if has_receiver || !valid_count {
            if inputs.is_empty() {
                errors.at(
                    func.sig.paren_token.span.join(),
                    diagnostics::PYMODULE_FN_PARAMETERS,
                );
            } else {
                errors.spanned(inputs, diagnostics::PYMODULE_FN_PARAMETERS);
            }
        }
        ModuleSpec {
            rust_ident: func.sig.ident.clone(),
            python_name: python_name(options, &func.sig.ident),
            doc: Doc::from_attrs(&func.attrs, func.sig.ident.span()),
            submodule: options.submodule,
            gil_used: options.gil_used.unwrap_or(true),
            body: ModuleBody::Function { takes_py },
        }
    }

    /// Reads the declarative form, stripping `#[pymodule_export]` and `#[pymodule_init]` from
    /// the items and marking nested `#[pymodule]`s as submodules.
    pub(crate) fn from_mod(
        module: &mut ItemMod,
        options: &Options,
        errors: &mut Errors,
    ) -> ModuleSpec {
        let mut members = Vec::new();
        let mut inits = Vec::new();
        match &mut module.content {
            None => errors.spanned(&*module, diagnostics::PYMODULE_MOD_WITHOUT_BODY),
            Some((_, items)) => {
                for item in items.iter_mut() {
                    read_item(item, options, &mut members, &mut inits, errors);
                }
            }
        }
        ModuleSpec {
            rust_ident: module.ident.clone(),
            python_name: python_name(options, &module.ident),
            doc: Doc::from_attrs(&module.attrs, module.ident.span()),
            submodule: options.submodule,
            gil_used: options.gil_used.unwrap_or(true),
            body: ModuleBody::Declarative { members, inits },
        }
    }
}

fn python_name(options: &Options, ident: &Ident) -> String {
    match &options.name {
        Some((name, _)) => name.clone(),
        None => crate::model::python_name_of(ident),
    }
}

/// Classifies one item of a declarative module.
fn read_item(
    item: &mut Item,
    options: &Options,
    members: &mut Vec<Member>,
    inits: &mut Vec<Ident>,
    errors: &mut Errors,
) {
    let Some(attrs) = item_attrs(item) else {
        return;
    };
    let cfgs: Vec<Attribute> = attrs
        .iter()
        .filter(|attr| parse::is_exactly(attr, parse::CFG))
        .cloned()
        .collect();
    let export = take_helper(attrs, parse::PYMODULE_EXPORT);
    let init = take_helper(attrs, parse::PYMODULE_INIT);
    let pymodule = attrs
        .iter()
        .position(|attr| parse::is_macro(attr, parse::PYMODULE));
    let pyfunction = attrs
        .iter()
        .position(|attr| parse::is_macro(attr, parse::PYFUNCTION));
    let pyclass = attrs
        .iter()
        .any(|attr| parse::is_macro(attr, parse::PYCLASS));

    // Nested macros expand after this one; hand them what they need to know as options.
    if let Some(index) = pymodule {
        attrs.insert(index + 1, syn::parse_quote!(#[pyo3(submodule)]));
    }
    if let (Some(index), Some(krate)) = (pymodule.or(pyfunction), &options.krate) {
        if !mentions_crate_option(attrs) {
            let path = krate.to_token_stream().to_string();
            attrs.insert(index + 1, syn::parse_quote!(#[pyo3(crate = #path)]));
        }
    }

    if let Some(span) = export {
        match item {
            Item::Use(use_item) => collect_use_names(&use_item.tree, &cfgs, members, errors),
            Item::Const(constant) => members.push(Member {
                ident: constant.ident.clone(),
                cfgs: cfgs.clone(),
                kind: MemberKind::Constant {
                    python_name: crate::model::python_name_of(&constant.ident),
                },
            }),
            _ => errors.at(span, diagnostics::PYMODULE_EXPORT_NOT_USE),
        }
    }
    if let Some(span) = init {
        match item {
            Item::Fn(func) => inits.push(func.sig.ident.clone()),
            _ => errors.at(span, diagnostics::PYMODULE_INIT_NOT_FN),
        }
    }
    let ident = match item {
        Item::Fn(func) if pymodule.is_some() || pyfunction.is_some() => Some(&func.sig.ident),
        Item::Mod(module) if pymodule.is_some() => Some(&module.ident),
        Item::Struct(class) if pyclass => Some(&class.ident),
        Item::Enum(class) if pyclass => Some(&class.ident),
        _ => None,
    };
    if let Some(ident) = ident {
        members.push(Member {
            ident: ident.clone(),
            cfgs,
            kind: MemberKind::Definition,
        });
    }
}

/// The attributes of the item kinds a module can hold annotated.
fn item_attrs(item: &mut Item) -> Option<&mut Vec<Attribute>> {
    match item {
        Item::Fn(item) => Some(&mut item.attrs),
        Item::Mod(item) => Some(&mut item.attrs),
        Item::Struct(item) => Some(&mut item.attrs),
        Item::Enum(item) => Some(&mut item.attrs),
        Item::Use(item) => Some(&mut item.attrs),
        Item::Const(item) => Some(&mut item.attrs),
        Item::Static(item) => Some(&mut item.attrs),
        Item::Type(item) => Some(&mut item.attrs),
        Item::Trait(item) => Some(&mut item.attrs),
        Item::Impl(item) => Some(&mut item.attrs),
        Item::Union(item) => Some(&mut item.attrs),
        _ => None,
    }
}

/// Removes every `#[name]` helper attribute, returning where the first one was.
fn take_helper(attrs: &mut Vec<Attribute>, name: &str) -> Option<Span> {
    let mut found = None;
    attrs.retain(|attr| {
        if parse::is_macro(attr, name) {
            found.get_or_insert(attr.span());
            false
        } else {
            true
        }
    });
    found
}

/// Whether a `crate` option is already written on the item, in `#[pyo3(...)]` or in the
/// macro's own arguments.
fn mentions_crate_option(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| match &attr.meta {
        Meta::List(list) => list
            .tokens
            .clone()
            .into_iter()
            .any(|token| matches!(token, TokenTree::Ident(ident) if ident == "crate")),
        _ => false,
    })
}

/// Records the local names a `#[pymodule_export] use ...;` brings into scope.
fn collect_use_names(
    tree: &UseTree,
    cfgs: &[Attribute],
    members: &mut Vec<Member>,
    errors: &mut Errors,
) {
    match tree {
        UseTree::Path(path) => collect_use_names(&path.tree, cfgs, members, errors),
        UseTree::Name(name) => members.push(Member {
            ident: name.ident.clone(),
            cfgs: cfgs.to_vec(),
            kind: MemberKind::Definition,
        }),
        UseTree::Rename(rename) => members.push(Member {
            ident: rename.rename.clone(),
            cfgs: cfgs.to_vec(),
            kind: MemberKind::Definition,
        }),
        UseTree::Glob(glob) => errors.spanned(glob, diagnostics::PYMODULE_EXPORT_GLOB),
        UseTree::Group(group) => {
            for tree in &group.items {
                collect_use_names(tree, cfgs, members, errors);
            }
        }
    }
}
