//! The pipeline of each implemented macro: parse, model, check, emit, with `propagate()?`
//! between the phases.
//!
//! Whatever happens, the user's item is emitted (with the helper attributes the macro
//! consumed removed), so a mistake in the macro's input does not also hide the item from the
//! rest of the crate.

use crate::check;
use crate::ctx::Ctx;
use crate::diagnostics;
use crate::emit;
use crate::errors::Errors;
use crate::model::function::FunctionSpec;
use crate::model::module::ModuleSpec;
use crate::model::options::{MacroKind, Options};
use crate::parse::options::{parse_option_list, take_pyo3_options};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Item, ItemFn, ItemMod};

/// `#[pyfunction]`.
pub(crate) fn pyfunction(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut func = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Fn(func)) => func,
        Ok(other) => {
            let error = syn::Error::new_spanned(&other, diagnostics::PYFUNCTION_NOT_FN);
            return with_error(other, error);
        }
        Err(error) => return with_error(item, error),
    };
    let mut errors = Errors::new();
    let generated = pyfunction_phases(attr, &mut func, &mut errors);
    finish(func, generated, errors)
}

fn pyfunction_phases(
    attr: TokenStream,
    func: &mut ItemFn,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let options = options_of(MacroKind::PyFunction, attr, &mut func.attrs, errors);
    let spec = FunctionSpec::build(func, &options, errors);
    errors.propagate()?;
    check::pyfunction(&spec, &options, errors);
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    Ok(emit::pyfunction::emit(&spec, &func.vis, &ctx))
}

/// `#[pymodule]`, on a function or an inline `mod`.
pub(crate) fn pymodule(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut errors = Errors::new();
    match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Fn(mut func)) => {
            let generated = pymodule_fn_phases(attr, &mut func, &mut errors);
            finish(func, generated, errors)
        }
        Ok(Item::Mod(mut module)) => {
            let generated = pymodule_mod_phases(attr, &mut module, &mut errors);
            finish(module, generated, errors)
        }
        Ok(other) => {
            errors.finish().ok();
            let error = syn::Error::new_spanned(&other, diagnostics::PYMODULE_WRONG_ITEM);
            with_error(other, error)
        }
        Err(error) => {
            errors.finish().ok();
            with_error(item, error)
        }
    }
}

fn pymodule_fn_phases(
    attr: TokenStream,
    func: &mut ItemFn,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let options = options_of(MacroKind::PyModule, attr, &mut func.attrs, errors);
    let spec = ModuleSpec::from_fn(func, &options, errors);
    errors.propagate()?;
    check::pymodule(&spec, errors);
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    Ok(emit::pymodule::emit_for_fn(&spec, &func.vis, &ctx))
}

fn pymodule_mod_phases(
    attr: TokenStream,
    module: &mut ItemMod,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let options = options_of(MacroKind::PyModule, attr, &mut module.attrs, errors);
    let spec = ModuleSpec::from_mod(module, &options, errors);
    errors.propagate()?;
    check::pymodule(&spec, errors);
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    emit::pymodule::emit_into_mod(&spec, module, &ctx);
    // The additions live inside the user's `mod`, which `finish` emits.
    Ok(TokenStream::new())
}

/// `#[pymodule_export]` or `#[pymodule_init]` where no `#[pymodule] mod` consumed it.
pub(crate) fn stray_helper(helper: &str, item: TokenStream) -> TokenStream {
    let error = syn::Error::new_spanned(&item, diagnostics::helper_outside_module(helper));
    with_error(item, error)
}

/// Merges the macro's arguments with the item's `#[pyo3(...)]` attributes (removing them).
fn options_of(
    kind: MacroKind,
    attr: TokenStream,
    attrs: &mut Vec<syn::Attribute>,
    errors: &mut Errors,
) -> Options {
    let mut list = parse_option_list(attr, errors);
    list.extend(take_pyo3_options(attrs, errors));
    Options::collect(kind, list, errors)
}

/// The user's item, then either the generated code or every error reported.
fn finish(item: impl ToTokens, generated: syn::Result<TokenStream>, errors: Errors) -> TokenStream {
    match (generated, errors.finish()) {
        (Ok(tokens), Ok(())) => quote!(#item #tokens),
        (Err(mut error), Err(more)) => {
            error.combine(more);
            with_error(item, error)
        }
        (Err(error), Ok(())) | (Ok(_), Err(error)) => with_error(item, error),
    }
}

fn with_error(item: impl ToTokens, error: syn::Error) -> TokenStream {
    let error = error.to_compile_error();
    quote!(#item #error)
}

/// `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` (`by_ref == false`) and
/// `#[derive(IntoPyObjectRef)]` (`by_ref == true`); `into` selects the latter two.
pub(crate) fn derive(item: TokenStream, into: Option<bool>) -> TokenStream {
    use crate::model::derive::{DeriveKind, DeriveSpec};
    let input = match syn::parse2::<syn::DeriveInput>(item) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let kind = match into {
        None => DeriveKind::FromPyObject,
        Some(_) => DeriveKind::IntoPyObject,
    };
    let mut errors = Errors::new();
    let spec = DeriveSpec::build(&input, kind, &mut errors);
    if let Err(error) = errors.finish() {
        return error.to_compile_error();
    }
    let ctx = Ctx::new(spec.krate.as_ref());
    match into {
        None => emit::derive::from_py_object(&spec, &ctx),
        Some(by_ref) => emit::derive::into_py_object(&spec, by_ref, &ctx),
    }
}

/// `#[pyclass]`.
pub(crate) fn pyclass(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut item = match syn::parse2::<Item>(item.clone()) {
        Ok(Item::Struct(item)) => item,
        Ok(Item::Enum(mut item)) => {
            let mut errors = Errors::new();
            let generated = pyclass_enum_phases(attr, &mut item, &mut errors);
            return finish(item, generated, errors);
        }
        Ok(other) => {
            let error = syn::Error::new_spanned(&other, diagnostics::PYCLASS_WRONG_ITEM);
            return with_error(other, error);
        }
        Err(error) => return with_error(item, error),
    };
    let mut errors = Errors::new();
    let generated = pyclass_phases(attr, &mut item, &mut errors);
    finish(item, generated, errors)
}

fn pyclass_phases(
    attr: TokenStream,
    item: &mut syn::ItemStruct,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let options = options_of(MacroKind::PyClass, attr, &mut item.attrs, errors);
    let spec = crate::model::class::ClassSpec::build(item, &options, errors);
    errors.propagate()?;
    if spec.doc.text().is_some_and(|text| text.contains('\0')) {
        errors.at(spec.doc.span, diagnostics::DOC_CONTAINS_NUL);
    }
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    Ok(emit::pyclass::emit(&spec, &ctx))
}

fn pyclass_enum_phases(
    attr: TokenStream,
    item: &mut syn::ItemEnum,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let options = options_of(MacroKind::PyClass, attr, &mut item.attrs, errors);
    let spec = crate::model::class::ClassSpec::build_enum(item, &options, errors);
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    Ok(emit::pyclass::emit(&spec, &ctx))
}

/// `#[pymethods]`.
pub(crate) fn pymethods(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut block = match syn::parse2::<syn::ItemImpl>(item.clone()) {
        Ok(block) => block,
        Err(_) => {
            let error = syn::Error::new_spanned(&item, diagnostics::PYMETHODS_NOT_IMPL);
            return with_error(item, error);
        }
    };
    let mut errors = Errors::new();
    let generated = pymethods_phases(attr, &mut block, &mut errors);
    finish(block, generated, errors)
}

fn pymethods_phases(
    attr: TokenStream,
    block: &mut syn::ItemImpl,
    errors: &mut Errors,
) -> syn::Result<TokenStream> {
    let mut list = parse_option_list(attr, errors);
    list.extend(take_pyo3_options(&mut block.attrs, errors));
    let options = Options::collect(MacroKind::PyModule, list, errors);
    let spec = crate::model::method::MethodsSpec::build(block, errors);
    errors.propagate()?;
    let ctx = Ctx::new(options.krate.as_ref());
    Ok(emit::pymethods::emit(&spec, &ctx))
}
