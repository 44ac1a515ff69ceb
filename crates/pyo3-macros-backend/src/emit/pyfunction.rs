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
use crate::model::function::{FunctionSpec, ParamKind, PyClassRef};
use crate::model::options::TextSignature;
use crate::model::signature::{ResolvedSignature, Role};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::Visibility;

/// The parameter table, parsing call and per-parameter conversions of a function or method,
/// shared by `#[pyfunction]` and `#[pymethods]`.
pub(crate) struct ArgumentCode {
    /// A `FunctionDescription { ... }` expression.
    pub(crate) description: TokenStream,
    /// `let mut output = [None; N];`
    pub(crate) output: TokenStream,
    /// Statements parsing a vectorcall (`args`, `nargs`, `kwnames`) into `output`.
    pub(crate) parse_fastcall: TokenStream,
    /// Statements parsing a tuple and dict (`args`, `kwargs`) into `output`.
    pub(crate) parse_tuple_dict: TokenStream,
    /// One `let arg_i = ...;` per Python argument.
    pub(crate) extractions: Vec<TokenStream>,
    /// The Rust call's arguments, in order.
    pub(crate) call_args: Vec<TokenStream>,
    /// The derived `__text_signature__` text, e.g. `(a, b=1)`.
    pub(crate) text_signature: String,
}

/// Builds the argument code of `spec`, whose messages name the function `func_name`.
pub(crate) fn argument_code(spec: &FunctionSpec, func_name: &str, ctx: &Ctx) -> ArgumentCode {
    let krate = &ctx.krate;
    let sig = ResolvedSignature::resolve(spec);
    let slots = Literal::usize_unsuffixed(sig.slots());
    let positional = &sig.positional;
    let positional_only = Literal::usize_unsuffixed(sig.positional_only);
    let required = Literal::usize_unsuffixed(sig.required_positional);
    let keyword_only = sig.keyword_only.iter().map(|(name, required)| {
        quote!(#krate::impl_::extract_argument::KeywordOnlyParameterDescription {
            name: #name,
            required: #required,
        })
    });
    let variadic = sig.varargs.is_some() || sig.kwargs.is_some();
    let (accepts_varargs, accepts_varkeywords) = (sig.varargs.is_some(), sig.kwargs.is_some());

    // One extraction per Rust parameter, in order; the `Python<'py>` token is passed
    // straight through.
    let mut extractions = Vec::with_capacity(spec.params.len());
    let mut call_args = Vec::with_capacity(spec.params.len());
    let mut roles = sig.roles.iter();
    for (index, param) in spec.params.iter().enumerate() {
        // At the type's span, so a type mismatch (e.g. `**kwargs` not an `Option`) points
        // at the parameter.
        let arg = format_ident!("arg_{}", index, span = param.ty_span);
        let python_name = &param.python_name;
        let source = match param.kind {
            ParamKind::PythonToken => {
                call_args.push(quote!(py));
                continue;
            }
            ParamKind::CancelHandle => {
                call_args.push(quote!(__cancel_handle));
                continue;
            }
            ParamKind::Module => Source::Required(quote! {
                // SAFETY (in the generated code): `_slf` is CPython's `self` argument.
                unsafe { #krate::impl_::pyfunction::module_argument(py, &_slf)? }
            }),
            ParamKind::Argument => match roles.next() {
                Some(Role::Positional { slot, default } | Role::KeywordOnly { slot, default }) => {
                    let slot = Literal::usize_unsuffixed(*slot);
                    match default {
                        None => Source::Required(quote! {
                            #krate::impl_::extract_argument::unwrap_required_argument(output[#slot])
                        }),
                        Some(default) => Source::Optional(quote!(output[#slot]), quote!(#default)),
                    }
                }
                Some(Role::VarArgs) => Source::Required(quote!(var.args())),
                // At the type's span: `**kwargs` must be an `Option`, and a mismatch should
                // point at the parameter's type.
                Some(Role::KwArgs) => Source::Optional(
                    quote!(var.kwargs()),
                    quote_spanned!(param.ty_span=> ::core::option::Option::None),
                ),
                None => continue,
            },
        };
        // At the type's span, so "`T` cannot be extracted" points at the parameter.
        let spanned_krate = ctx.krate_at(param.ty_span);
        let holder = format_ident!("holder_{}", index);
        if param.pyclass_ref.is_some() {
            extractions.push(quote! {
                let mut #holder = ::core::option::Option::None;
            });
        } else if param.from_py_with.is_none() {
            extractions.push(quote_spanned! {param.ty_span=>
                let mut #holder = #krate::impl_::extract_argument::FunctionArgumentHolder::INIT;
            });
        }
        let convert = |obj: TokenStream| match (&param.from_py_with, param.pyclass_ref) {
            (Some(path), _) => quote_spanned! {param.ty_span=>
                #spanned_krate::impl_::extract_argument::from_py_with_argument(#obj, #python_name, #path)?
            },
            (None, Some(PyClassRef::Shared)) => quote_spanned! {param.ty_span=>
                #spanned_krate::impl_::pyclass::slots::extract_pyclass_ref(#obj, &mut #holder, #python_name)?
            },
            (None, Some(PyClassRef::Exclusive)) => quote_spanned! {param.ty_span=>
                #spanned_krate::impl_::pyclass::slots::extract_pyclass_ref_mut(#obj, &mut #holder, #python_name)?
            },
            (None, None) => quote_spanned! {param.ty_span=>
                #spanned_krate::impl_::extract_argument::extract_argument(#obj, &mut #holder, #python_name)?
            },
        };
        let value = match source {
            Source::Required(obj) => convert(obj),
            Source::Optional(slot, default) => {
                let present = convert(quote!(obj));
                quote! {
                    match #slot {
                        ::core::option::Option::Some(obj) => #present,
                        ::core::option::Option::None => #default,
                    }
                }
            }
        };
        extractions.push(quote!(let #arg = #value;));
        call_args.push(quote!(#arg));
    }
    let parse_fastcall = if variadic {
        quote! {
            let var = unsafe {
                DESCRIPTION.extract_arguments_fastcall_var(py, args, nargs, kwnames, &mut output)?
            };
        }
    } else {
        quote! {
            unsafe { DESCRIPTION.extract_arguments_fastcall(py, args, nargs, kwnames, &mut output)? };
        }
    };
    // SAFETY (in the generated code): `args` and `kwargs` are the tuple and dict (or NULL)
    // CPython passed to the slot.
    let parse_tuple_dict = quote! {
        let mut tuple_dict_holder = #krate::impl_::extract_argument::TupleDictHolder::INIT;
        #[allow(unused_variables)]
        let var = unsafe {
            DESCRIPTION.extract_arguments_tuple_dict(py, args, kwargs, &mut output, &mut tuple_dict_holder)?
        };
    };
    let description = quote! {
        #krate::impl_::extract_argument::FunctionDescription {
            func_name: #func_name,
            positional_parameter_names: &[#(#positional),*],
            positional_only_parameters: #positional_only,
            required_positional_parameters: #required,
            keyword_only_parameters: &[#(#keyword_only),*],
            accepts_varargs: #accepts_varargs,
            accepts_varkeywords: #accepts_varkeywords,
        }
    };
    ArgumentCode {
        description,
        output: quote!(let mut output = [::core::option::Option::None; #slots];),
        parse_fastcall,
        parse_tuple_dict,
        extractions,
        call_args,
        text_signature: sig.text_signature(),
    }
}

/// Everything generated after the user's function.
pub(crate) fn emit(spec: &FunctionSpec, vis: &Visibility, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let ident = &spec.rust_ident;
    let name = &spec.python_name;
    let ArgumentCode {
        description,
        output,
        parse_fastcall: parse,
        extractions,
        call_args,
        text_signature,
        ..
    } = argument_code(spec, name, ctx);
    let call = async_call(spec, quote!(#ident(#(#call_args),*)), quote!(None), ctx);
    let spanned_krate = ctx.krate_at(spec.output_span);
    // `py` and `result` keep the call-site hygiene (see `Emitter::convert`).
    let (py, result) = (quote!(py), quote!(result));
    let convert = quote_spanned! {spec.output_span=>
        #spanned_krate::impl_::wrap::converter(&#result).into_return_ptr(#py, #result)
    };

    let signature = match &spec.text_signature {
        TextSignature::Auto => format!("{name}{text_signature}\n--\n\n"),
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
                    #description;
                unsafe fn __pyo3_impl<'py>(
                    py: #krate::Python<'py>,
                    _slf: *mut #krate::ffi::PyObject,
                    args: *const *mut #krate::ffi::PyObject,
                    nargs: #krate::ffi::Py_ssize_t,
                    kwnames: *mut #krate::ffi::PyObject,
                ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #output
                    #parse
                    #(#extractions)*
                    let result = #call;
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

/// The call of the user's function, `call`; for an `async fn`, wrapped into a
/// `Coroutine` (named after the function, `qualname_prefix` being an `Option<&str>`
/// expression) that owns the arguments and, with `#[pyo3(cancel_handle)]`, the handle.
pub(crate) fn async_call(
    spec: &FunctionSpec,
    call: TokenStream,
    qualname_prefix: TokenStream,
    ctx: &Ctx,
) -> TokenStream {
    let Some(span) = spec.asyncness else {
        return call;
    };
    let krate = &ctx.krate;
    let name = &spec.python_name;
    let has_handle = spec
        .params
        .iter()
        .any(|p| p.kind == ParamKind::CancelHandle);
    let (handle, callback) = if has_handle {
        (
            quote! {
                let __cancel_handle = #krate::coroutine::CancelHandle::new();
                let __throw_callback = __cancel_handle.throw_callback();
            },
            quote!(::core::option::Option::Some(__throw_callback)),
        )
    } else {
        (TokenStream::new(), quote!(::core::option::Option::None))
    };
    // At the `async` keyword: that is where "future cannot be sent between threads
    // safely" and "borrowed value does not live long enough" belong.
    let spanned_krate = ctx.krate_at(span);
    let coroutine = quote_spanned! {span=>
        #spanned_krate::impl_::coroutine::new_coroutine(
            py, #name, #qualname_prefix, #callback, async move { #call.await },
        )
    };
    quote! {{
        #handle
        #coroutine
    }}
}

/// Where a parameter's Python object comes from.
enum Source {
    /// An expression giving `&Bound<PyAny>`.
    Required(TokenStream),
    /// An expression giving `Option<&Bound<PyAny>>`, and the default for `None`.
    Optional(TokenStream, TokenStream),
}
