//! Code for a `#[pyfunction]`: a module named after the function holding its
//! `PyFunctionDef`, and the definition built in an `impl` next to the function.
//!
//! ```text
//! fn f(...) { ... }                       // the user's function, helper attributes removed
//! mod f { struct MakeDef; pub const _PYO3_DEF = MakeDef::_PYO3_DEF; }
//! impl f::MakeDef { const _PYO3_DEF = { parameter table; __pyo3_impl; trampoline; def } }
//! ```
//!
//! The `impl` sits in the function's own scope, so its body can name the function even when
//! the function is declared inside another function's body; the module makes the definition
//! reachable as `f::_PYO3_DEF` for `wrap_pyfunction!` and for declarative modules.

use crate::ctx::Ctx;
use crate::emit::{c_str, doc_c_str};
use crate::model::function::FunctionSpec;
use crate::model::options::TextSignature;
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Visibility;

/// Everything generated after the user's function.
pub(crate) fn emit(spec: &FunctionSpec, vis: &Visibility, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let ident = &spec.rust_ident;
    let name = &spec.python_name;
    let arguments: Vec<_> = spec.arguments().collect();
    let count = Literal::usize_unsuffixed(arguments.len());
    let names = arguments.iter().map(|param| &param.python_name);

    // One holder and one extraction per argument, in Python order; the `Python<'py>` token
    // is passed straight through.
    let mut extractions = Vec::with_capacity(arguments.len());
    let mut call_args = Vec::with_capacity(spec.params.len());
    let mut slot = 0usize;
    for param in &spec.params {
        if param.is_python_token {
            call_args.push(quote!(py));
            continue;
        }
        let index = Literal::usize_unsuffixed(slot);
        let holder = format_ident!("holder_{}", slot);
        let arg = format_ident!("arg_{}", slot);
        let python_name = &param.python_name;
        // At the type's span, so "`T` cannot be extracted" points at the parameter.
        let spanned_krate = ctx.krate_at(param.ty_span);
        extractions.push(quote_spanned! {param.ty_span=>
            let mut #holder = #krate::impl_::extract_argument::FunctionArgumentHolder::INIT;
            let #arg = #spanned_krate::impl_::extract_argument::extract_argument(
                #krate::impl_::extract_argument::unwrap_required_argument(output[#index]),
                &mut #holder,
                #python_name,
            )?;
        });
        call_args.push(quote!(#arg));
        slot += 1;
    }
    let spanned_krate = ctx.krate_at(spec.output_span);
    let convert = quote_spanned! {spec.output_span=>
        #spanned_krate::impl_::wrap::converter(&result).into_return_ptr(py, result)
    };

    let signature = match &spec.text_signature {
        TextSignature::Auto => {
            let list: Vec<&str> = arguments
                .iter()
                .map(|param| param.python_name.as_str())
                .collect();
            format!("{name}({})\n--\n\n", list.join(", "))
        }
        TextSignature::Custom(text) => format!("{name}{text}\n--\n\n"),
        TextSignature::Disabled => String::new(),
    };
    let doc = doc_c_str(&signature, &spec.doc);
    let name_c = c_str(name, Span::call_site());

    quote! {
        #[doc(hidden)]
        #vis mod #ident {
            pub(crate) struct MakeDef;
            pub const _PYO3_DEF: #krate::impl_::pyfunction::PyFunctionDef = MakeDef::_PYO3_DEF;
        }
        impl #ident::MakeDef {
            const _PYO3_DEF: #krate::impl_::pyfunction::PyFunctionDef = {
                const DESCRIPTION: #krate::impl_::extract_argument::FunctionDescription =
                    #krate::impl_::extract_argument::FunctionDescription {
                        func_name: #name,
                        positional_parameter_names: &[#(#names),*],
                        positional_only_parameters: 0,
                        required_positional_parameters: #count,
                        keyword_only_parameters: &[],
                    };
                unsafe fn __pyo3_impl<'py>(
                    py: #krate::Python<'py>,
                    _slf: *mut #krate::ffi::PyObject,
                    args: *const *mut #krate::ffi::PyObject,
                    nargs: #krate::ffi::Py_ssize_t,
                    kwnames: *mut #krate::ffi::PyObject,
                ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    let mut output = [::core::option::Option::None; #count];
                    // SAFETY (in the generated code): `args`, `nargs` and `kwnames` are the
                    // vectorcall arguments CPython passed to the trampoline below.
                    unsafe {
                        DESCRIPTION.extract_arguments_fastcall(py, args, nargs, kwnames, &mut output)?
                    };
                    #(#extractions)*
                    let result = #ident(#(#call_args),*);
                    #convert
                }
                unsafe extern "C" fn __pyo3_trampoline(
                    slf: *mut #krate::ffi::PyObject,
                    args: *const *mut #krate::ffi::PyObject,
                    nargs: #krate::ffi::Py_ssize_t,
                    kwnames: *mut #krate::ffi::PyObject,
                ) -> *mut #krate::ffi::PyObject {
                    // SAFETY (in the generated code): CPython calls this with the
                    // METH_FASTCALL | METH_KEYWORDS convention, which is what the runtime's
                    // trampoline expects.
                    unsafe {
                        #krate::impl_::trampoline::fastcall_with_keywords(slf, args, nargs, kwnames, __pyo3_impl)
                    }
                }
                #krate::impl_::pyfunction::PyFunctionDef::new(#name_c, #doc, __pyo3_trampoline)
            };
        }
    }
}
