//! Code for a `#[pymodule]`: a static `ModuleDef` named `_PYO3_DEF`, the function that fills
//! the module, and (unless it is a submodule) the `PyInit_<name>` symbol CPython imports.
//!
//! The function form puts these in a module named after the user's function, as
//! `#[pyfunction]` does; the declarative form adds them to the user's own `mod`.

use crate::ctx::Ctx;
use crate::emit::{c_str, doc_c_str};
use crate::model::module::{MemberKind, ModuleBody, ModuleSpec};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{ItemMod, Visibility};

/// For the function form: everything generated after the user's function.
pub(crate) fn emit_for_fn(spec: &ModuleSpec, vis: &Visibility, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let ident = &spec.rust_ident;
    let name = c_str(&spec.python_name, Span::call_site());
    let doc = doc_c_str("", &spec.doc);
    let call = match spec.body {
        ModuleBody::Function { takes_py: true } => quote!(#ident(module.py(), module)),
        _ => quote!(#ident(module)),
    };
    let init_symbol = init_symbol(spec, ctx);
    let gil_used = gil_used(spec);
    quote! {
        #[doc(hidden)]
        #vis mod #ident {
            pub(crate) struct MakeDef;
            pub static _PYO3_DEF: #krate::impl_::pymodule::ModuleDef = MakeDef::make_def();
            #init_symbol
        }
        impl #ident::MakeDef {
            const fn make_def() -> #krate::impl_::pymodule::ModuleDef {
                fn __pyo3_init(module: &#krate::Bound<'_, #krate::types::PyModule>) -> #krate::PyResult<()> {
                    #call
                }
                #krate::impl_::pymodule::ModuleDef::new(#name, #doc, __pyo3_init)#gil_used
            }
        }
    }
}

/// For the declarative form: adds the definition, the filling function and the export
/// symbol to the user's `mod` (whose helper attributes the model already removed).
pub(crate) fn emit_into_mod(spec: &ModuleSpec, module: &mut ItemMod, ctx: &Ctx) {
    let krate = &ctx.krate;
    let name = c_str(&spec.python_name, Span::call_site());
    let doc = doc_c_str("", &spec.doc);
    let ModuleBody::Declarative { members, inits } = &spec.body else {
        return;
    };
    let additions = members.iter().map(|member| {
        let ident = &member.ident;
        let cfgs = &member.cfgs;
        match &member.kind {
            MemberKind::Definition => quote!(#(#cfgs)* #ident::_PYO3_DEF.add_to_module(module)?;),
            MemberKind::Constant { python_name } => {
                quote!(#(#cfgs)* #krate::types::PyModuleMethods::add(module, #python_name, #ident)?;)
            }
        }
    });
    let init = inits.first().map(|init| quote!(#init(module)?;));
    let init_symbol = init_symbol(spec, ctx);
    let gil_used = gil_used(spec);
    let generated: syn::File = syn::parse_quote! {
        #[doc(hidden)]
        pub static _PYO3_DEF: #krate::impl_::pymodule::ModuleDef =
            #krate::impl_::pymodule::ModuleDef::new(#name, #doc, __pyo3_pymodule)#gil_used;
        #[doc(hidden)]
        fn __pyo3_pymodule(module: &#krate::Bound<'_, #krate::types::PyModule>) -> #krate::PyResult<()> {
            use #krate::impl_::pymodule::PyAddToModule as _;
            #(#additions)*
            #init
            ::core::result::Result::Ok(())
        }
        #init_symbol
    };
    if let Some((_, items)) = &mut module.content {
        items.extend(generated.items);
    }
}

/// `.gil_used(false)` after `ModuleDef::new(..)` for a module declared free-threading safe;
/// nothing for the default (the GIL is used), which keeps the common expansion short.
fn gil_used(spec: &ModuleSpec) -> TokenStream {
    if spec.gil_used {
        TokenStream::new()
    } else {
        quote!(.gil_used(false))
    }
}

/// The `PyInit_<name>` function CPython looks up when importing an extension module.
fn init_symbol(spec: &ModuleSpec, ctx: &Ctx) -> TokenStream {
    if spec.submodule {
        return TokenStream::new();
    }
    let krate = &ctx.krate;
    let symbol = format_ident!("PyInit_{}", spec.python_name);
    quote! {
        /// The entry point CPython's import system calls for this module.
        ///
        /// # Safety
        ///
        /// Only CPython's import machinery may call this, with the GIL held.
        #[doc(hidden)]
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn #symbol() -> *mut #krate::ffi::PyObject {
            // SAFETY (in the generated code): called by the import machinery with the GIL
            // held, once per interpreter, as `module_init` requires.
            unsafe { #krate::impl_::trampoline::module_init(&_PYO3_DEF) }
        }
    }
}
