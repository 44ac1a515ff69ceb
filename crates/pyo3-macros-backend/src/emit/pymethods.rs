//! Code for a `#[pymethods]` block: one trampoline per method or slot (the shared argument
//! parser of `#[pyfunction]`, then the call), and one static `PyClassItems` table that the
//! class's `PyClassImpl` finds through `PyMethods`.
//!
//! Binary operators with a reflected form (`__add__`/`__radd__`) share one slot; so do the
//! comparison methods (`__eq__`, `__lt__`, ...) and `__setitem__`/`__delitem__`.

use crate::ctx::Ctx;
use crate::emit::pyfunction::{argument_code, async_call, ArgumentCode};
use crate::emit::{c_str, doc_c_str};
use crate::model::function::{ParamKind, PyClassRef};
use crate::model::method::{MethodKind, MethodSpec, MethodsSpec, Receiver};
use crate::model::options::TextSignature;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};

/// Binary operators: (method, reflected method, slot).
const BINARY_OPERATORS: &[(&str, &str, &str)] = &[
    ("__add__", "__radd__", "Py_nb_add"),
    ("__sub__", "__rsub__", "Py_nb_subtract"),
    ("__mul__", "__rmul__", "Py_nb_multiply"),
    ("__matmul__", "__rmatmul__", "Py_nb_matrix_multiply"),
    ("__truediv__", "__rtruediv__", "Py_nb_true_divide"),
    ("__floordiv__", "__rfloordiv__", "Py_nb_floor_divide"),
    ("__mod__", "__rmod__", "Py_nb_remainder"),
    ("__divmod__", "__rdivmod__", "Py_nb_divmod"),
    ("__lshift__", "__rlshift__", "Py_nb_lshift"),
    ("__rshift__", "__rrshift__", "Py_nb_rshift"),
    ("__and__", "__rand__", "Py_nb_and"),
    ("__or__", "__ror__", "Py_nb_or"),
    ("__xor__", "__rxor__", "Py_nb_xor"),
];

/// In-place operators and their slots.
const INPLACE_OPERATORS: &[(&str, &str)] = &[
    ("__iadd__", "Py_nb_inplace_add"),
    ("__isub__", "Py_nb_inplace_subtract"),
    ("__imul__", "Py_nb_inplace_multiply"),
    ("__imatmul__", "Py_nb_inplace_matrix_multiply"),
    ("__itruediv__", "Py_nb_inplace_true_divide"),
    ("__ifloordiv__", "Py_nb_inplace_floor_divide"),
    ("__imod__", "Py_nb_inplace_remainder"),
    ("__ilshift__", "Py_nb_inplace_lshift"),
    ("__irshift__", "Py_nb_inplace_rshift"),
    ("__iand__", "Py_nb_inplace_and"),
    ("__ior__", "Py_nb_inplace_or"),
    ("__ixor__", "Py_nb_inplace_xor"),
];

/// Unary slots: (method, slot, C function type).
const UNARY_SLOTS: &[(&str, &str)] = &[
    ("__repr__", "Py_tp_repr"),
    ("__str__", "Py_tp_str"),
    ("__iter__", "Py_tp_iter"),
    ("__neg__", "Py_nb_negative"),
    ("__pos__", "Py_nb_positive"),
    ("__abs__", "Py_nb_absolute"),
    ("__invert__", "Py_nb_invert"),
    ("__int__", "Py_nb_int"),
    ("__float__", "Py_nb_float"),
    ("__index__", "Py_nb_index"),
    ("__aiter__", "Py_am_aiter"),
    ("__await__", "Py_am_await"),
];

/// Comparison methods and their operator codes.
const COMPARISONS: &[(&str, &str)] = &[
    ("__lt__", "Py_LT"),
    ("__le__", "Py_LE"),
    ("__eq__", "Py_EQ"),
    ("__ne__", "Py_NE"),
    ("__gt__", "Py_GT"),
    ("__ge__", "Py_GE"),
];

struct Emitter<'a> {
    ctx: &'a Ctx,
    cls: &'a syn::Type,
    class_name: String,
    functions: Vec<TokenStream>,
    methods: Vec<TokenStream>,
    getters: Vec<TokenStream>,
    setters: Vec<TokenStream>,
    class_attributes: Vec<TokenStream>,
    slots: Vec<TokenStream>,
    new_text_signature: Option<String>,
    counter: usize,
}

/// Everything generated after the user's `impl` block.
pub(crate) fn emit(spec: &MethodsSpec, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let cls = &spec.class;
    let class_name = match cls {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .map_or_else(String::new, |s| s.ident.to_string()),
        _ => String::new(),
    };
    let mut emitter = Emitter {
        ctx,
        cls,
        class_name,
        functions: Vec::new(),
        methods: Vec::new(),
        getters: Vec::new(),
        setters: Vec::new(),
        class_attributes: Vec::new(),
        slots: Vec::new(),
        new_text_signature: None,
        counter: 0,
    };
    let magic = |name: &str| {
        spec.methods
            .iter()
            .find(|m| matches!(&m.kind, MethodKind::Magic(n) if n == name))
    };
    for method in &spec.methods {
        match &method.kind {
            MethodKind::Instance | MethodKind::Class | MethodKind::Static => emitter.method(method),
            MethodKind::Constructor => emitter.constructor(method),
            MethodKind::ClassAttribute => emitter.class_attribute(method),
            MethodKind::Getter(name) => emitter.getter(method, name),
            MethodKind::Setter(name) => emitter.setter(method, name),
            MethodKind::Magic(name) => {
                if let Some((_, slot)) = UNARY_SLOTS.iter().find(|(n, _)| n == name) {
                    emitter.unary(method, slot);
                } else if let Some((_, slot)) = INPLACE_OPERATORS.iter().find(|(n, _)| n == name) {
                    emitter.inplace(method, slot);
                } else {
                    match name.as_str() {
                        "__next__" => emitter.next(method),
                        "__hash__" => emitter.hash(method),
                        "__len__" => emitter.len(method),
                        "__bool__" => emitter.bool(method),
                        "__getitem__" => emitter.getitem(method, "Py_mp_subscript"),
                        "__contains__" => emitter.contains(method),
                        "__getattr__" if magic("__getattribute__").is_none() => {
                            emitter.getattr(method, None)
                        }
                        "__getattribute__" => emitter.getattr(method, magic("__getattr__")),
                        "__anext__" => emitter.anext(method),
                        "__get__" => emitter.descr_get(method),
                        "__concat__" => emitter.getitem(method, "Py_sq_concat"),
                        "__inplace_concat__" => emitter.getitem(method, "Py_sq_inplace_concat"),
                        "__repeat__" => emitter.repeat(method, "Py_sq_repeat"),
                        "__inplace_repeat__" => emitter.repeat(method, "Py_sq_inplace_repeat"),
                        "__ipow__" => emitter.inplace_power(method),
                        "__getbuffer__" => emitter.getbuffer(method),
                        "__releasebuffer__" => emitter.releasebuffer(method),
                        "__richcmp__" => emitter.richcmp(method),
                        "__call__" => emitter.call(method),
                        "__traverse__" => emitter.traverse(method),
                        "__clear__" => emitter.clear(method),
                        _ => {}
                    }
                }
            }
        }
    }
    // Combined slots.
    let setitem = magic("__setitem__");
    let delitem = magic("__delitem__");
    if setitem.is_some() || delitem.is_some() {
        emitter.ass_subscript(setitem, delitem);
    }
    let (setattr, delattr) = (magic("__setattr__"), magic("__delattr__"));
    if setattr.is_some() || delattr.is_some() {
        emitter.setattro(setattr, delattr);
    }
    let (set, delete) = (magic("__set__"), magic("__delete__"));
    if set.is_some() || delete.is_some() {
        emitter.descr_set(set, delete);
    }
    let (pow, rpow) = (magic("__pow__"), magic("__rpow__"));
    if pow.is_some() || rpow.is_some() {
        emitter.power(pow, rpow);
    }
    let comparisons: Vec<(&MethodSpec, &str)> = COMPARISONS
        .iter()
        .filter_map(|(name, op)| magic(name).map(|m| (m, *op)))
        .collect();
    if !comparisons.is_empty() {
        emitter.comparisons(&comparisons);
    }
    for (forward, reflected, slot) in BINARY_OPERATORS {
        let (forward, reflected) = (magic(forward), magic(reflected));
        if forward.is_some() || reflected.is_some() {
            emitter.binary_operator(forward, reflected, slot);
        }
    }
    for (ident, name) in &spec.consts {
        emitter.class_attributes.push(quote! {
            #krate::impl_::pyclass::ClassAttributeDef::new(#name, |py| {
                #krate::IntoPyObjectExt::into_py_any(<#cls>::#ident, py)
            })
        });
    }

    let Emitter {
        functions,
        methods,
        getters,
        setters,
        class_attributes,
        slots,
        new_text_signature,
        ..
    } = emitter;
    let new_text_signature = match new_text_signature {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    };
    let pyclass = quote!(#krate::impl_::pyclass);
    let items = quote! {
        #pyclass::PyClassItems {
            methods: &[#(#methods),*],
            getters: &[#(#getters),*],
            setters: &[#(#setters),*],
            class_attributes: &[#(#class_attributes),*],
            slots: &[#(#slots),*],
            new_text_signature: #new_text_signature,
        }
    };
    // With `multiple-pymethods` every block submits its items to the class's inventory;
    // without it, the class has one block, found through `PyMethods`, and a second block
    // fails on the duplicate marker constant whose name says which feature to enable.
    let registration = if cfg!(feature = "multiple-pymethods") {
        quote! {
            static ITEMS: #pyclass::PyClassItems = #items;
            #krate::inventory::submit! {
                <#cls as #pyclass::PyClassImpl>::Inventory::new(&ITEMS)
            }
        }
    } else {
        quote! {
            impl #pyclass::PyMethods<#cls> for #pyclass::PyClassImplCollector<#cls> {
                fn py_methods(self) -> &'static #pyclass::PyClassItems {
                    static ITEMS: #pyclass::PyClassItems = #items;
                    &ITEMS
                }
            }

            impl #cls {
                #[doc(hidden)]
                #[allow(non_upper_case_globals, dead_code)]
                const __pyo3_a_second_pymethods_block_needs_the_multiple_pymethods_feature: () = ();
            }
        }
    };
    quote! {
        const _: () = {
            #(#functions)*
            #registration
        };
    }
}

impl Emitter<'_> {
    fn fresh(&mut self, prefix: &str) -> syn::Ident {
        self.counter += 1;
        format_ident!("__pyo3_{}_{}", prefix, self.counter)
    }

    fn qualified(&self, method: &MethodSpec) -> String {
        format!("{}.{}", self.class_name, method.function.python_name)
    }

    /// Statements binding `slf_value` to the receiver (from `_slf`), for the method kind.
    fn receiver(&self, method: &MethodSpec) -> (TokenStream, Option<TokenStream>) {
        let krate = &self.ctx.krate;
        let cls = self.cls;
        match method.receiver {
            Receiver::None => (TokenStream::new(), None),
            Receiver::Ref => (
                quote! {
                    let mut slf_holder = ::core::option::Option::None;
                    // SAFETY (in the generated code): `_slf` is the receiver CPython passed.
                    let slf_value = unsafe {
                        #krate::impl_::pyclass::slots::self_ref::<#cls>(py, &_slf, &mut slf_holder)?
                    };
                },
                Some(quote!(slf_value)),
            ),
            Receiver::Mut => {
                let span = method.rust_ident.span();
                let spanned = self.ctx.krate_at(span);
                (
                    quote! {
                        #spanned::impl_::pyclass::slots::assert_mutable::<#cls>();
                        let mut slf_holder = ::core::option::Option::None;
                        // SAFETY (in the generated code): `_slf` is the receiver CPython passed.
                        let slf_value = unsafe {
                            #krate::impl_::pyclass::slots::self_mut::<#cls>(py, &_slf, &mut slf_holder)?
                        };
                    },
                    Some(quote!(slf_value)),
                )
            }
            Receiver::Typed => (
                quote! {
                    // SAFETY (in the generated code): `_slf` is the receiver CPython passed.
                    let slf_obj = unsafe { #krate::impl_::pyclass::slots::bound_arg(py, &_slf) };
                    let mut slf_holder = #krate::impl_::extract_argument::FunctionArgumentHolder::INIT;
                    let slf_value = #krate::impl_::extract_argument::extract_argument(slf_obj, &mut slf_holder, "self")?;
                },
                Some(quote!(slf_value)),
            ),
        }
    }

    /// As [`receiver`](Self::receiver), for an `async fn`: `&self` and `&mut self` are
    /// guards that the future owns, keeping the value borrowed until the future is dropped.
    fn async_receiver(&self, method: &MethodSpec) -> (TokenStream, Option<TokenStream>) {
        let krate = &self.ctx.krate;
        let cls = self.cls;
        match method.receiver {
            Receiver::Ref => (
                quote! {
                    // SAFETY (in the generated code): `_slf` is the receiver CPython passed.
                    let slf_value = unsafe {
                        #krate::impl_::coroutine::RefGuard::<#cls>::new(py, _slf)?
                    };
                },
                Some(quote!(&slf_value)),
            ),
            Receiver::Mut => {
                let spanned = self.ctx.krate_at(method.rust_ident.span());
                (
                    quote! {
                        #spanned::impl_::pyclass::slots::assert_mutable::<#cls>();
                        // SAFETY (in the generated code): `_slf` is the receiver CPython passed.
                        let mut slf_value = unsafe {
                            #krate::impl_::coroutine::RefMutGuard::<#cls>::new(py, _slf)?
                        };
                    },
                    Some(quote!(&mut slf_value)),
                )
            }
            Receiver::None | Receiver::Typed => self.receiver(method),
        }
    }

    /// The call of the user's method.
    fn call_expr(
        &self,
        method: &MethodSpec,
        receiver: Option<TokenStream>,
        args: &[TokenStream],
    ) -> TokenStream {
        let cls = self.cls;
        let ident = &method.rust_ident;
        let receiver = receiver.into_iter();
        quote!(<#cls>::#ident(#(#receiver,)* #(#args),*))
    }

    fn convert(&self, method: &MethodSpec) -> TokenStream {
        let spanned = self.ctx.krate_at(method.output_span);
        // `py` and `result` are the trampoline's locals: they keep the call-site hygiene
        // (the output span may come from a `macro_rules!` expansion), the rest points at
        // the return type in errors.
        let (py, result) = (quote!(py), quote!(result));
        quote_spanned! {method.output_span=>
            #spanned::impl_::wrap::converter(&#result).into_return_ptr(#py, #result)
        }
    }

    fn doc(&self, method: &MethodSpec, with_signature: bool) -> TokenStream {
        let name = &method.function.python_name;
        let code = argument_code(&method.function, name, self.ctx);
        let prefix = if with_signature {
            let receiver = match method.kind {
                MethodKind::Class | MethodKind::Instance => "$self",
                _ => "",
            };
            match &method.function.text_signature {
                TextSignature::Auto => {
                    let params = code.text_signature.trim_start_matches('(');
                    let sep = if receiver.is_empty() || params.starts_with(')') {
                        ""
                    } else {
                        ", "
                    };
                    let receiver = if method.kind == MethodKind::Class {
                        "$cls"
                    } else {
                        receiver
                    };
                    format!("{name}({receiver}{sep}{params}\n--\n\n")
                }
                TextSignature::Custom(text) => format!("{name}{text}\n--\n\n"),
                TextSignature::Disabled => String::new(),
            }
        } else {
            String::new()
        };
        doc_c_str(&prefix, &method.function.doc)
    }

    /// Instance, class and static methods: a method-table entry.
    fn method(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let ArgumentCode {
            description,
            output,
            parse_fastcall,
            extractions,
            call_args,
            ..
        } = argument_code(&method.function, &self.qualified(method), self.ctx);
        let (receiver, call) = if method.function.asyncness.is_some() {
            let (receiver, recv) = self.async_receiver(method);
            let call = self.call_expr(method, recv, &call_args);
            let cls = self.cls;
            let krate = &self.ctx.krate;
            let prefix = quote!(::core::option::Option::Some(<#cls as #krate::PyTypeInfo>::NAME));
            (
                receiver,
                async_call(&method.function, call, prefix, self.ctx),
            )
        } else {
            let (receiver, recv) = self.receiver(method);
            (receiver, self.call_expr(method, recv, &call_args))
        };
        let convert = self.convert(method);
        let trampoline = self.fresh("method");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                slf: *mut #krate::ffi::PyObject,
                args: *const *mut #krate::ffi::PyObject,
                nargs: #krate::ffi::Py_ssize_t,
                kwnames: *mut #krate::ffi::PyObject,
            ) -> *mut #krate::ffi::PyObject {
                unsafe fn body<'py>(
                    py: #krate::Python<'py>,
                    _slf: *mut #krate::ffi::PyObject,
                    args: *const *mut #krate::ffi::PyObject,
                    nargs: #krate::ffi::Py_ssize_t,
                    kwnames: *mut #krate::ffi::PyObject,
                ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    const DESCRIPTION: #krate::impl_::extract_argument::FunctionDescription = #description;
                    #output
                    #parse_fastcall
                    #receiver
                    #(#extractions)*
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): CPython calls this with the
                // METH_FASTCALL | METH_KEYWORDS convention.
                unsafe { #krate::impl_::trampoline::fastcall_with_keywords(slf, args, nargs, kwnames, body) }
            }
        });
        let name = c_str(&method.function.python_name, Span::call_site());
        let doc = self.doc(method, true);
        let constructor = match method.kind {
            MethodKind::Class => quote!(class_method),
            MethodKind::Static => quote!(static_method),
            _ => quote!(method),
        };
        self.methods.push(
            quote!(#krate::impl_::pyclass::MethodDef::#constructor(#name, #doc, #trampoline)),
        );
    }

    fn constructor(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let cls = self.cls;
        let qualified = format!("{}.__new__", self.class_name);
        let ArgumentCode {
            description,
            output,
            parse_tuple_dict,
            extractions,
            call_args,
            text_signature,
            ..
        } = argument_code(&method.function, &qualified, self.ctx);
        let call = self.call_expr(method, None, &call_args);
        let trampoline = self.fresh("new");
        let spanned = self.ctx.krate_at(method.output_span);
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                subtype: *mut #krate::ffi::PyTypeObject,
                args: *mut #krate::ffi::PyObject,
                kwargs: *mut #krate::ffi::PyObject,
            ) -> *mut #krate::ffi::PyObject {
                unsafe fn body(
                    py: #krate::Python<'_>,
                    subtype: *mut #krate::ffi::PyTypeObject,
                    args: *mut #krate::ffi::PyObject,
                    kwargs: *mut #krate::ffi::PyObject,
                ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    const DESCRIPTION: #krate::impl_::extract_argument::FunctionDescription = #description;
                    #output
                    #parse_tuple_dict
                    #(#extractions)*
                    let result = #call;
                    // SAFETY (in the generated code): `subtype` is what CPython passed to `tp_new`.
                    unsafe { #spanned::impl_::pyclass::slots::new_object::<#cls>(py, subtype, result) }
                }
                // SAFETY (in the generated code): called by CPython as `tp_new`.
                unsafe { #krate::impl_::trampoline::newfunc(subtype, args, kwargs, body) }
            }
        });
        self.slots
            .push(slot(krate, "Py_tp_new", &trampoline, quote!(newfunc)));
        self.new_text_signature = match &method.function.text_signature {
            TextSignature::Auto => Some(text_signature),
            TextSignature::Custom(text) => Some(text.clone()),
            TextSignature::Disabled => None,
        };
    }

    fn class_attribute(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let call = self.call_expr(method, None, &self.with_tokens(method, &[]));
        let convert = self.convert(method);
        let name = &method.function.python_name;
        let value = self.fresh("classattr");
        self.functions.push(quote! {
            fn #value(py: #krate::Python<'_>) -> #krate::PyResult<#krate::Py<#krate::PyAny>> {
                let result = #call;
                let ptr = { #convert }?;
                // SAFETY (in the generated code): the conversion returned a new reference.
                ::core::result::Result::Ok(unsafe { #krate::Bound::from_owned_ptr(py, ptr) }.unbind())
            }
        });
        self.class_attributes
            .push(quote!(#krate::impl_::pyclass::ClassAttributeDef::new(#name, #value)));
    }

    fn getter(&mut self, method: &MethodSpec, name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let convert = self.convert(method);
        let trampoline = self.fresh("getter");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                slf: *mut #krate::ffi::PyObject,
                closure: *mut ::core::ffi::c_void,
            ) -> *mut #krate::ffi::PyObject {
                unsafe fn body(
                    py: #krate::Python<'_>,
                    _slf: *mut #krate::ffi::PyObject,
                    _: *mut ::core::ffi::c_void,
                ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as a `getter`.
                unsafe { #krate::impl_::trampoline::getter(slf, closure, body) }
            }
        });
        let name = c_str(name, Span::call_site());
        let doc = self.optional_doc(method);
        self.getters
            .push(quote!(#krate::impl_::pyclass::GetterDef::new(#name, #doc, #trampoline)));
    }

    fn setter(&mut self, method: &MethodSpec, name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let (extractions, args) = self.slot_arguments(method, &[quote!(value)]);
        let call = self.call_expr(method, recv, &args);
        // Deleting the property is refused as CPython does for a read-only attribute, also
        // when the setter takes an `Option<T>` (whose `None` is Python's `None`), as in PyO3.
        let compute = quote! {
            // SAFETY (in the generated code): `value` is NULL or a live object.
            unsafe { #krate::impl_::pyclass::slots::setter_value(py, &value)? };
            #extractions
            let result = #call;
        };
        let trampoline = self.fresh("setter");
        let spanned = self.ctx.krate_at(method.output_span);
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                slf: *mut #krate::ffi::PyObject,
                value: *mut #krate::ffi::PyObject,
                closure: *mut ::core::ffi::c_void,
            ) -> ::core::ffi::c_int {
                unsafe fn body(
                    py: #krate::Python<'_>,
                    _slf: *mut #krate::ffi::PyObject,
                    value: *mut #krate::ffi::PyObject,
                    _: *mut ::core::ffi::c_void,
                ) -> #krate::PyResult<::core::ffi::c_int> {
                    #receiver
                    #compute
                    #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)
                }
                // SAFETY (in the generated code): called by CPython as a `setter`.
                unsafe { #krate::impl_::trampoline::setter(slf, value, closure, body) }
            }
        });
        let name = c_str(name, Span::call_site());
        let doc = self.optional_doc(method);
        self.setters
            .push(quote!(#krate::impl_::pyclass::SetterDef::new(#name, #doc, #trampoline)));
    }

    fn optional_doc(&self, method: &MethodSpec) -> TokenStream {
        match method.function.doc.text() {
            Some(text) if !text.is_empty() => {
                let text = c_str(&text, method.function.doc.span);
                quote!(::core::option::Option::Some(#text))
            }
            _ => quote!(::core::option::Option::None),
        }
    }

    /// The call arguments of a slot method given the values of its Python arguments in
    /// order: `py` goes wherever the method declares a `Python<'py>` parameter
    /// (`fn __eq__(&self, other: &Self, py: Python<'_>)`); with no values, the arguments of a
    /// method that takes none from Python.
    fn with_tokens(&self, method: &MethodSpec, values: &[TokenStream]) -> Vec<TokenStream> {
        let mut values = values.iter();
        let mut args: Vec<TokenStream> = method
            .function
            .params
            .iter()
            .filter_map(|p| match p.kind {
                ParamKind::PythonToken => Some(quote!(py)),
                _ => values.next().cloned(),
            })
            .collect();
        args.extend(values.cloned());
        args
    }

    /// Extractions of a slot's object arguments (`sources`: expressions of type
    /// `*mut PyObject`), through the shared parser so errors name the parameters.
    fn slot_arguments(
        &self,
        method: &MethodSpec,
        sources: &[TokenStream],
    ) -> (TokenStream, Vec<TokenStream>) {
        let krate = &self.ctx.krate;
        let ArgumentCode {
            description,
            output,
            parse_fastcall,
            extractions,
            call_args,
            ..
        } = argument_code(&method.function, &self.qualified(method), self.ctx);
        let count = sources.len();
        (
            quote! {
                const DESCRIPTION: #krate::impl_::extract_argument::FunctionDescription = #description;
                let slot_args: [*mut #krate::ffi::PyObject; #count] = [#(#sources),*];
                let args = slot_args.as_ptr();
                let nargs = #count as #krate::ffi::Py_ssize_t;
                let kwnames = ::core::ptr::null_mut::<#krate::ffi::PyObject>();
                #output
                #parse_fastcall
                #(#extractions)*
            },
            call_args,
        )
    }

    /// A slot taking only `self` and returning an object.
    fn unary(&mut self, method: &MethodSpec, slot_name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let convert = self.convert(method);
        let trampoline = self.fresh("unary");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as a unary slot.
                unsafe { #krate::impl_::trampoline::unary(slf, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(unaryfunc)));
    }

    fn next(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("next");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    let result = #call;
                    #spanned::impl_::wrap::next_converter(&result).into_next_ptr(py, result)
                }
                // SAFETY (in the generated code): called by CPython as `tp_iternext`.
                unsafe { #krate::impl_::trampoline::unary(slf, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_iternext",
            &trampoline,
            quote!(iternextfunc),
        ));
    }

    fn ssize_slot(&mut self, method: &MethodSpec, prefix: &str, finish: TokenStream) -> syn::Ident {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let trampoline = self.fresh(prefix);
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject) -> #krate::ffi::Py_ssize_t {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<#krate::ffi::Py_ssize_t> {
                    #receiver
                    let result = #call;
                    #finish
                }
                // SAFETY (in the generated code): called by CPython as a `lenfunc`/`hashfunc`.
                unsafe { #krate::impl_::trampoline::ssize(slf, body) }
            }
        });
        trampoline
    }

    fn hash(&mut self, method: &MethodSpec) {
        let krate = self.ctx.krate.clone();
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.ssize_slot(
            method,
            "hash",
            quote!(#spanned::impl_::pyclass::slots::IntoHashResult::into_hash_result(result)),
        );
        self.slots
            .push(slot(&krate, "Py_tp_hash", &trampoline, quote!(hashfunc)));
    }

    fn len(&mut self, method: &MethodSpec) {
        let krate = self.ctx.krate.clone();
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.ssize_slot(
            method,
            "len",
            quote!(#spanned::impl_::pyclass::slots::IntoSlotResult::<#krate::ffi::Py_ssize_t>::into_slot_result(result)),
        );
        // `sq_length` instead for `sequence` classes, when the type is created.
        self.slots
            .push(slot(&krate, "Py_mp_length", &trampoline, quote!(lenfunc)));
    }

    /// An `inquiry` slot; `boundary` names the `impl_::trampoline` entry point.
    fn inquiry(&mut self, method: &MethodSpec, slot_name: &str, prefix: &str, boundary: &str) {
        let krate = &self.ctx.krate;
        let boundary = format_ident!("{}", boundary);
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh(prefix);
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject) -> ::core::ffi::c_int {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<::core::ffi::c_int> {
                    #receiver
                    let result = #call;
                    #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)
                }
                // SAFETY (in the generated code): called by CPython as an `inquiry`.
                unsafe { #krate::impl_::trampoline::#boundary(slf, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(inquiry)));
    }

    fn bool(&mut self, method: &MethodSpec) {
        self.inquiry(method, "Py_nb_bool", "bool", "inquiry");
    }

    fn clear(&mut self, method: &MethodSpec) {
        self.inquiry(method, "Py_tp_clear", "clear", "clear");
    }

    /// `binaryfunc` slots whose argument is converted like a parameter.
    fn getitem(&mut self, method: &MethodSpec, slot_name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let (extractions, args) = self.slot_arguments(method, &[quote!(arg)]);
        let call = self.call_expr(method, recv, &args);
        let convert = self.convert(method);
        let trampoline = self.fresh("binary");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    #extractions
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as a `binaryfunc`.
                unsafe { #krate::impl_::trampoline::binary(slf, arg, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(binaryfunc)));
    }

    /// `tp_getattro`: `__getattribute__` (then `__getattr__` on `AttributeError`), or the
    /// normal lookup then `__getattr__`.
    fn getattr(&mut self, method: &MethodSpec, fallback: Option<&MethodSpec>) {
        let krate = &self.ctx.krate;
        let call_one = |method: &MethodSpec| {
            let (receiver, recv) = self.receiver(method);
            let (extractions, args) = self.slot_arguments(method, &[quote!(arg)]);
            let call = self.call_expr(method, recv, &args);
            let convert = self.convert(method);
            quote! {(|| -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                #receiver
                #extractions
                let result = #call;
                #convert
            })()}
        };
        let is_getattribute =
            matches!(&method.kind, MethodKind::Magic(name) if name == "__getattribute__");
        let first = if is_getattribute {
            call_one(method)
        } else {
            // SAFETY (in the generated code): both are live objects.
            quote!(unsafe { #krate::impl_::pyclass::slots::generic_getattr_or_error(py, _slf, arg) })
        };
        let second = match (is_getattribute, fallback) {
            (false, _) => Some(call_one(method)),
            (true, Some(fallback)) => Some(call_one(fallback)),
            (true, None) => None,
        };
        let body = match second {
            Some(second) => quote! {
                match #first {
                    ::core::result::Result::Err(err) if err.is_instance_of::<#krate::exceptions::PyAttributeError>(py) => #second,
                    other => other,
                }
            },
            None => first,
        };
        let trampoline = self.fresh("getattr");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #body
                }
                // SAFETY (in the generated code): called by CPython as `tp_getattro`.
                unsafe { #krate::impl_::trampoline::binary(slf, arg, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_getattro",
            &trampoline,
            quote!(getattrofunc),
        ));
    }

    /// A `c_int`-returning branch calling `method` with `sources` as arguments.
    fn status_call(&self, method: &MethodSpec, sources: &[TokenStream]) -> TokenStream {
        let (receiver, recv) = self.receiver(method);
        let (extractions, args) = self.slot_arguments(method, sources);
        let call = self.call_expr(method, recv, &args);
        let spanned = self.ctx.krate_at(method.output_span);
        quote! {{
            #receiver
            #extractions
            let result = #call;
            #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)
        }}
    }

    /// `tp_setattro`: `__setattr__` and `__delattr__`; the missing half is the normal
    /// attribute assignment or deletion.
    fn setattro(&mut self, setattr: Option<&MethodSpec>, delattr: Option<&MethodSpec>) {
        let krate = &self.ctx.krate;
        let generic = quote! {
            // SAFETY (in the generated code): the slot's own arguments.
            unsafe { #krate::impl_::pyclass::slots::generic_setattr(py, _slf, key, value) }
        };
        let set = setattr.map_or_else(
            || generic.clone(),
            |m| self.status_call(m, &[quote!(key), quote!(value)]),
        );
        let del = delattr.map_or(generic, |m| self.status_call(m, &[quote!(key)]));
        self.objobjarg("setattro", "Py_tp_setattro", "setattrofunc", set, del);
    }

    /// `tp_descr_set`: `__set__` and `__delete__`.
    fn descr_set(&mut self, set: Option<&MethodSpec>, delete: Option<&MethodSpec>) {
        let krate = &self.ctx.krate;
        let set = match set {
            Some(m) => self.status_call(m, &[quote!(key), quote!(value)]),
            None => {
                quote!(::core::result::Result::Err(#krate::impl_::pyclass::slots::missing_operation("can't set attribute")))
            }
        };
        let del = match delete {
            Some(m) => self.status_call(m, &[quote!(key)]),
            None => {
                quote!(::core::result::Result::Err(#krate::impl_::pyclass::slots::missing_operation("can't delete attribute")))
            }
        };
        self.objobjarg("descr_set", "Py_tp_descr_set", "descrsetfunc", set, del);
    }

    /// An `objobjargproc` slot: `set` runs with a value, `del` with NULL.
    fn objobjarg(
        &mut self,
        prefix: &str,
        slot_name: &str,
        c_type: &str,
        set: TokenStream,
        del: TokenStream,
    ) {
        let krate = &self.ctx.krate;
        let trampoline = self.fresh(prefix);
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                slf: *mut #krate::ffi::PyObject,
                key: *mut #krate::ffi::PyObject,
                value: *mut #krate::ffi::PyObject,
            ) -> ::core::ffi::c_int {
                #[allow(unused_variables)]
                unsafe fn body(
                    py: #krate::Python<'_>,
                    _slf: *mut #krate::ffi::PyObject,
                    key: *mut #krate::ffi::PyObject,
                    value: *mut #krate::ffi::PyObject,
                ) -> #krate::PyResult<::core::ffi::c_int> {
                    if value.is_null() { #del } else { #set }
                }
                // SAFETY (in the generated code): called by CPython as an `objobjargproc`.
                unsafe { #krate::impl_::trampoline::objobjargproc(slf, key, value, body) }
            }
        });
        let c_type = format_ident!("{}", c_type);
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(#c_type)));
    }

    /// `tp_descr_get`: `__get__(obj, type)`, with `None` for a missing instance or type.
    fn descr_get(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let none = |name: TokenStream| quote!(#krate::impl_::pyclass::slots::or_none(py, #name));
        let (extractions, args) =
            self.slot_arguments(method, &[none(quote!(obj)), none(quote!(ty))]);
        let call = self.call_expr(method, recv, &args);
        let convert = self.convert(method);
        let trampoline = self.fresh("descr_get");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, obj: *mut #krate::ffi::PyObject, ty: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, obj: *mut #krate::ffi::PyObject, ty: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    #extractions
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as `tp_descr_get`.
                unsafe { #krate::impl_::trampoline::ternary(slf, obj, ty, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_descr_get",
            &trampoline,
            quote!(descrgetfunc),
        ));
    }

    /// `am_anext`: `None` raises `StopAsyncIteration`.
    fn anext(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let args = self.with_tokens(method, &[]);
        let call = self.call_expr(method, recv, &args);
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("anext");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    #receiver
                    let result = #call;
                    let next = #spanned::impl_::wrap::next_converter(&result).into_next_ptr(py, result)?;
                    #krate::impl_::pyclass::slots::anext_result(next)
                }
                // SAFETY (in the generated code): called by CPython as `am_anext`.
                unsafe { #krate::impl_::trampoline::unary(slf, body) }
            }
        });
        self.slots
            .push(slot(krate, "Py_am_anext", &trampoline, quote!(unaryfunc)));
    }

    /// `sq_repeat`/`sq_inplace_repeat`: the count arrives as a C integer.
    fn repeat(&mut self, method: &MethodSpec, slot_name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let (extractions, args) = self.slot_arguments(method, &[quote!(count_obj.as_ptr())]);
        let call = self.call_expr(method, recv, &args);
        let convert = self.convert(method);
        let trampoline = self.fresh("repeat");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, count: #krate::ffi::Py_ssize_t) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, count: #krate::ffi::Py_ssize_t) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    let count_obj = #krate::IntoPyObject::into_pyobject(count, py)?;
                    #receiver
                    #extractions
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as an `ssizeargfunc`.
                unsafe { #krate::impl_::trampoline::ssizearg(slf, count, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(ssizeargfunc)));
    }

    /// `nb_power`: `__pow__(other, modulo)` and `__rpow__`, each with or without the
    /// modulo parameter, falling back to `NotImplemented` like the other operators.
    fn power(&mut self, pow: Option<&MethodSpec>, rpow: Option<&MethodSpec>) {
        let krate = &self.ctx.krate;
        let call = |method: &MethodSpec, slf: TokenStream, other: TokenStream| {
            let (receiver, recv) = self.operator_receiver(method, &slf);
            let target = quote!(operand_value);
            let (extraction, _) = self.operand(method, 0, other, &target);
            let mut args = vec![target];
            let mut modulo = TokenStream::new();
            if method.function.arguments().count() == 2 {
                let (code, _) = self.operand(method, 1, quote!(modulo), &quote!(modulo_value));
                modulo = code;
                args.push(quote!(modulo_value));
            }
            let call = self.call_expr(method, recv, &self.with_tokens(method, &args));
            let convert = self.convert(method);
            quote!((|| -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                #receiver
                #extraction
                #modulo
                let result = #call;
                #convert
            })())
        };
        let forward = match pow {
            Some(method) => {
                let call = call(method, quote!(lhs), quote!(rhs));
                quote!(#call?)
            }
            None => quote!(#krate::impl_::pyclass::slots::not_implemented(py)),
        };
        let reflected = match rpow {
            Some(method) => {
                let body = call(method, quote!(rhs), quote!(lhs));
                quote! {
                    // SAFETY (in the generated code): `result` is a new reference.
                    if unsafe { #krate::impl_::pyclass::slots::is_not_implemented(py, result) } {
                        return #body;
                    }
                }
            }
            None => TokenStream::new(),
        };
        let trampoline = self.fresh("power");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(lhs: *mut #krate::ffi::PyObject, rhs: *mut #krate::ffi::PyObject, modulo: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                #[allow(unused_variables)]
                unsafe fn body(py: #krate::Python<'_>, lhs: *mut #krate::ffi::PyObject, rhs: *mut #krate::ffi::PyObject, modulo: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    let result = #forward;
                    #reflected
                    ::core::result::Result::Ok(result)
                }
                // SAFETY (in the generated code): called by CPython as `nb_power`.
                unsafe { #krate::impl_::trampoline::ternary(lhs, rhs, modulo, body) }
            }
        });
        self.slots
            .push(slot(krate, "Py_nb_power", &trampoline, quote!(ternaryfunc)));
    }

    /// `nb_inplace_power`: `__ipow__(other[, modulo])`, returning the receiver.
    fn inplace_power(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.operator_receiver(method, &quote!(slf_in));
        let target = quote!(operand_value);
        let (extraction, _) = self.operand(method, 0, quote!(other), &target);
        let mut args = vec![target];
        let mut modulo = TokenStream::new();
        if method.function.arguments().count() == 2 {
            let (code, _) = self.operand(method, 1, quote!(modulo), &quote!(modulo_value));
            modulo = code;
            args.push(quote!(modulo_value));
        }
        let call = self.call_expr(method, recv, &self.with_tokens(method, &args));
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("ipow");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, modulo: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                #[allow(unused_variables)]
                unsafe fn body(py: #krate::Python<'_>, slf_in: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, modulo: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    {
                        #receiver
                        #extraction
                        #modulo
                        let result = #call;
                        #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)?;
                    }
                    // SAFETY (in the generated code): the operator returns its receiver.
                    ::core::result::Result::Ok(unsafe { #krate::impl_::pyclass::slots::new_reference(slf_in) })
                }
                // SAFETY (in the generated code): called by CPython as `nb_inplace_power`.
                unsafe { #krate::impl_::trampoline::ternary(slf, other, modulo, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_nb_inplace_power",
            &trampoline,
            quote!(ternaryfunc),
        ));
    }

    /// `bf_getbuffer`: the view and flags are passed through as CPython gives them.
    fn getbuffer(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let call = self.call_expr(
            method,
            recv,
            &self.with_tokens(method, &[quote!(view), quote!(flags)]),
        );
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("getbuffer");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, view: *mut #krate::ffi::Py_buffer, flags: ::core::ffi::c_int) -> ::core::ffi::c_int {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, view: *mut #krate::ffi::Py_buffer, flags: ::core::ffi::c_int) -> #krate::PyResult<::core::ffi::c_int> {
                    #receiver
                    // SAFETY (in the generated code): the user's `unsafe fn` gets CPython's view.
                    #[allow(unused_unsafe)] // the user's method may be a safe `fn`
                    let result = unsafe { #call };
                    #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)
                }
                // SAFETY (in the generated code): called by CPython as `bf_getbuffer`.
                unsafe { #krate::impl_::trampoline::getbuffer(slf, view, flags, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_bf_getbuffer",
            &trampoline,
            quote!(getbufferproc),
        ));
    }

    /// `bf_releasebuffer`.
    fn releasebuffer(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let call = self.call_expr(method, recv, &self.with_tokens(method, &[quote!(view)]));
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("releasebuffer");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, view: *mut #krate::ffi::Py_buffer) {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, view: *mut #krate::ffi::Py_buffer) -> #krate::PyResult<()> {
                    #receiver
                    // SAFETY (in the generated code): the user's `unsafe fn` gets CPython's view.
                    #[allow(unused_unsafe)] // the user's method may be a safe `fn`
                    let result = unsafe { #call };
                    #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result).map(|_| ())
                }
                // SAFETY (in the generated code): called by CPython as `bf_releasebuffer`.
                unsafe { #krate::impl_::trampoline::releasebuffer(slf, view, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_bf_releasebuffer",
            &trampoline,
            quote!(releasebufferproc),
        ));
    }

    fn contains(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let (extractions, args) = self.slot_arguments(method, &[quote!(arg)]);
        let call = self.call_expr(method, recv, &args);
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("contains");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> ::core::ffi::c_int {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, arg: *mut #krate::ffi::PyObject) -> #krate::PyResult<::core::ffi::c_int> {
                    #receiver
                    #extractions
                    let result = #call;
                    #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)
                }
                // SAFETY (in the generated code): called by CPython as `sq_contains`.
                unsafe { #krate::impl_::trampoline::objobjproc(slf, arg, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_sq_contains",
            &trampoline,
            quote!(objobjproc),
        ));
    }

    fn ass_subscript(&mut self, setitem: Option<&MethodSpec>, delitem: Option<&MethodSpec>) {
        let krate = &self.ctx.krate;
        let missing = |message: &str| {
            quote!(::core::result::Result::Err(
                #krate::impl_::pyclass::slots::missing_operation(#message)
            ))
        };
        let set = setitem.map_or_else(
            || missing("can't set item"),
            |m| self.status_call(m, &[quote!(key), quote!(value)]),
        );
        let del = delitem.map_or_else(
            || missing("can't delete item"),
            |m| self.status_call(m, &[quote!(key)]),
        );
        self.objobjarg(
            "ass_subscript",
            "Py_mp_ass_subscript",
            "objobjargproc",
            set,
            del,
        );
    }

    fn richcmp(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.receiver(method);
        let (other, op) = (quote!(other_value), quote!(op_value));
        let (extraction, _) = self.operand(method, 0, quote!(other), &other);
        let call = self.call_expr(method, recv, &self.with_tokens(method, &[other, op]));
        let convert = self.convert(method);
        let trampoline = self.fresh("richcmp");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, op: ::core::ffi::c_int) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, op: ::core::ffi::c_int) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    let ::core::option::Option::Some(op_value) = #krate::pyclass::CompareOp::from_raw(op) else {
                        return ::core::result::Result::Ok(#krate::impl_::pyclass::slots::not_implemented(py));
                    };
                    #receiver
                    #extraction
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as `tp_richcompare`.
                unsafe { #krate::impl_::trampoline::richcompare(slf, other, op, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_richcompare",
            &trampoline,
            quote!(richcmpfunc),
        ));
    }

    /// Converts the `index`th argument of an operator from `source` into `target`, or
    /// returns `NotImplemented` from the slot body if it does not convert.
    fn operand(
        &self,
        method: &MethodSpec,
        index: usize,
        source: TokenStream,
        target: &TokenStream,
    ) -> (TokenStream, ()) {
        let krate = &self.ctx.krate;
        let Some(param) = method.function.arguments().nth(index) else {
            return (TokenStream::new(), ());
        };
        let ty = &replace_self(&param.ty, self.cls);
        let holder = format_ident!("operand_holder_{}", index);
        let code = match param.pyclass_ref {
            Some(PyClassRef::Shared) | Some(PyClassRef::Exclusive) => {
                let inner = match ty {
                    syn::Type::Reference(reference) => reference.elem.to_token_stream(),
                    other => other.to_token_stream(),
                };
                quote! {
                    let mut #holder = ::core::option::Option::None;
                    // SAFETY (in the generated code): `source` is a live object.
                    let operand_obj = unsafe { #krate::impl_::pyclass::slots::bound_arg(py, &#source) };
                    let ::core::option::Option::Some(#target) =
                        #krate::impl_::pyclass::slots::extract_pyclass_operand::<#inner>(operand_obj, &mut #holder)?
                    else {
                        return ::core::result::Result::Ok(#krate::impl_::pyclass::slots::not_implemented(py));
                    };
                }
            }
            None => quote! {
                let mut #holder = #krate::impl_::extract_argument::FunctionArgumentHolder::INIT;
                // SAFETY (in the generated code): `source` is a live object.
                let operand_obj = unsafe { #krate::impl_::pyclass::slots::bound_arg(py, &#source) };
                let ::core::option::Option::Some(#target) =
                    #krate::impl_::pyclass::slots::extract_operand::<#ty>(operand_obj, &mut #holder)
                else {
                    return ::core::result::Result::Ok(#krate::impl_::pyclass::slots::not_implemented(py));
                };
            },
        };
        (code, ())
    }

    /// `__eq__`, `__lt__`, ...: one `tp_richcompare` dispatching on the operator; `!=`
    /// without `__ne__` negates `__eq__`.
    fn comparisons(&mut self, methods: &[(&MethodSpec, &str)]) {
        let krate = &self.ctx.krate;
        let mut arms = Vec::new();
        for (method, op) in methods {
            let op = format_ident!("{}", op);
            let body = self.operator_call(method, quote!(_slf), quote!(other));
            arms.push(quote!(#krate::ffi::#op => { #body }));
        }
        let has_ne = methods.iter().any(|(_, op)| *op == "Py_NE");
        let eq = methods.iter().find(|(_, op)| *op == "Py_EQ");
        if let (false, Some((eq, _))) = (has_ne, eq) {
            let body = self.operator_call(eq, quote!(_slf), quote!(other));
            arms.push(quote!(#krate::ffi::Py_NE => {
                let equal = (|| -> #krate::PyResult<*mut #krate::ffi::PyObject> { #body })()?;
                // SAFETY (in the generated code): `equal` is a new reference.
                unsafe { #krate::impl_::pyclass::slots::negate(py, equal) }
            }));
        }
        let trampoline = self.fresh("compare");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, op: ::core::ffi::c_int) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject, op: ::core::ffi::c_int) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    match op {
                        #(#arms)*
                        _ => ::core::result::Result::Ok(#krate::impl_::pyclass::slots::not_implemented(py)),
                    }
                }
                // SAFETY (in the generated code): called by CPython as `tp_richcompare`.
                unsafe { #krate::impl_::trampoline::richcompare(slf, other, op, body) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_richcompare",
            &trampoline,
            quote!(richcmpfunc),
        ));
    }

    /// The body calling an operator method with receiver `slf` and operand `other` (both
    /// `*mut PyObject` expressions), `NotImplemented` if either does not fit.
    fn operator_call(
        &self,
        method: &MethodSpec,
        slf: TokenStream,
        other: TokenStream,
    ) -> TokenStream {
        let (receiver, recv) = self.operator_receiver(method, &slf);
        let target = quote!(operand_value);
        let (extraction, _) = self.operand(method, 0, other, &target);
        let call = self.call_expr(method, recv, &self.with_tokens(method, &[target]));
        let convert = self.convert(method);
        quote! {
            #receiver
            #extraction
            let result = #call;
            #convert
        }
    }

    /// The receiver of an operator slot, which may be an instance of another type.
    fn operator_receiver(
        &self,
        method: &MethodSpec,
        slf: &TokenStream,
    ) -> (TokenStream, Option<TokenStream>) {
        let krate = &self.ctx.krate;
        let cls = self.cls;
        let check = quote! {
            // SAFETY (in the generated code): the operand is a live object.
            if unsafe { #krate::impl_::pyclass::slots::operand::<#cls>(py, &#slf) }.is_none() {
                return ::core::result::Result::Ok(#krate::impl_::pyclass::slots::not_implemented(py));
            }
            let _slf = #slf;
        };
        let (receiver, recv) = self.receiver(method);
        (quote!(#check #receiver), recv)
    }

    fn binary_operator(
        &mut self,
        forward: Option<&MethodSpec>,
        reflected: Option<&MethodSpec>,
        slot_name: &str,
    ) {
        let krate = &self.ctx.krate;
        let forward = match forward {
            Some(method) => {
                let body = self.operator_call(method, quote!(lhs), quote!(rhs));
                quote!((|| -> #krate::PyResult<*mut #krate::ffi::PyObject> { #body })()?)
            }
            None => quote!(#krate::impl_::pyclass::slots::not_implemented(py)),
        };
        let reflected = match reflected {
            Some(method) => {
                let body = self.operator_call(method, quote!(rhs), quote!(lhs));
                quote! {
                    // SAFETY (in the generated code): `result` is a new reference.
                    if unsafe { #krate::impl_::pyclass::slots::is_not_implemented(py, result) } {
                        return (|| -> #krate::PyResult<*mut #krate::ffi::PyObject> { #body })();
                    }
                }
            }
            None => TokenStream::new(),
        };
        let trampoline = self.fresh("binop");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(lhs: *mut #krate::ffi::PyObject, rhs: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, lhs: *mut #krate::ffi::PyObject, rhs: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    let result = #forward;
                    #reflected
                    ::core::result::Result::Ok(result)
                }
                // SAFETY (in the generated code): called by CPython as a `binaryfunc`.
                unsafe { #krate::impl_::trampoline::binary(lhs, rhs, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(binaryfunc)));
    }

    fn inplace(&mut self, method: &MethodSpec, slot_name: &str) {
        let krate = &self.ctx.krate;
        let (receiver, recv) = self.operator_receiver(method, &quote!(slf_in));
        let target = quote!(operand_value);
        let (extraction, _) = self.operand(method, 0, quote!(other), &target);
        let call = self.call_expr(method, recv, &self.with_tokens(method, &[target]));
        let spanned = self.ctx.krate_at(method.output_span);
        let trampoline = self.fresh("inplace");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, slf_in: *mut #krate::ffi::PyObject, other: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    {
                        #receiver
                        #extraction
                        let result = #call;
                        #spanned::impl_::pyclass::slots::IntoSlotResult::<::core::ffi::c_int>::into_slot_result(result)?;
                    }
                    // SAFETY (in the generated code): the operator returns its receiver.
                    ::core::result::Result::Ok(unsafe { #krate::impl_::pyclass::slots::new_reference(slf_in) })
                }
                // SAFETY (in the generated code): called by CPython as a `binaryfunc`.
                unsafe { #krate::impl_::trampoline::binary(slf, other, body) }
            }
        });
        self.slots
            .push(slot(krate, slot_name, &trampoline, quote!(binaryfunc)));
    }

    fn call(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let ArgumentCode {
            description,
            output,
            parse_tuple_dict,
            extractions,
            call_args,
            ..
        } = argument_code(&method.function, &self.qualified(method), self.ctx);
        let (receiver, recv) = self.receiver(method);
        let call = self.call_expr(method, recv, &call_args);
        let convert = self.convert(method);
        let trampoline = self.fresh("call");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(slf: *mut #krate::ffi::PyObject, args: *mut #krate::ffi::PyObject, kwargs: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                unsafe fn body(py: #krate::Python<'_>, _slf: *mut #krate::ffi::PyObject, args: *mut #krate::ffi::PyObject, kwargs: *mut #krate::ffi::PyObject) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                    const DESCRIPTION: #krate::impl_::extract_argument::FunctionDescription = #description;
                    #output
                    #parse_tuple_dict
                    #receiver
                    #(#extractions)*
                    let result = #call;
                    #convert
                }
                // SAFETY (in the generated code): called by CPython as `tp_call`.
                unsafe { #krate::impl_::trampoline::ternary(slf, args, kwargs, body) }
            }
        });
        self.slots
            .push(slot(krate, "Py_tp_call", &trampoline, quote!(ternaryfunc)));
    }

    fn traverse(&mut self, method: &MethodSpec) {
        let krate = &self.ctx.krate;
        let cls = self.cls;
        let ident = &method.rust_ident;
        let trampoline = self.fresh("traverse");
        self.functions.push(quote! {
            unsafe extern "C" fn #trampoline(
                slf: *mut #krate::ffi::PyObject,
                visit: #krate::ffi::visitproc,
                arg: *mut ::core::ffi::c_void,
            ) -> ::core::ffi::c_int {
                // SAFETY (in the generated code): called by the garbage collector.
                unsafe { #krate::impl_::pyclass::slots::traverse::<#cls>(slf, visit, arg, <#cls>::#ident) }
            }
        });
        self.slots.push(slot(
            krate,
            "Py_tp_traverse",
            &trampoline,
            quote!(traverseproc),
        ));
    }
}

/// A `SlotDef` entry for `function` cast through its C type.
fn slot(
    krate: &TokenStream,
    slot_name: &str,
    function: &syn::Ident,
    c_type: TokenStream,
) -> TokenStream {
    // The buffer slots' ids are the runtime's: `ffi` declares them only for the versions
    // whose `PyType_FromSpec` accepts them, and the runtime sets them itself elsewhere.
    let slot_id = match slot_name {
        "Py_bf_getbuffer" => quote!(#krate::impl_::pyclass::BF_GETBUFFER),
        "Py_bf_releasebuffer" => quote!(#krate::impl_::pyclass::BF_RELEASEBUFFER),
        _ => {
            let slot_name = format_ident!("{}", slot_name);
            quote!(#krate::ffi::#slot_name)
        }
    };
    quote! {
        #krate::impl_::pyclass::SlotDef::new(
            #slot_id,
            #function as #krate::ffi::#c_type as *mut ::core::ffi::c_void,
        )
    }
}

/// `ty` as the generated free functions can name it: every `Self` replaced by the class
/// type (`Self` does not exist there), lifetimes elided.
fn replace_self(ty: &syn::Type, cls: &syn::Type) -> syn::Type {
    fn walk(tokens: TokenStream, cls: &syn::Type) -> TokenStream {
        tokens
            .into_iter()
            .map(|tree| match tree {
                proc_macro2::TokenTree::Ident(ident) if ident == "Self" => cls.to_token_stream(),
                proc_macro2::TokenTree::Group(group) => {
                    let mut inner =
                        proc_macro2::Group::new(group.delimiter(), walk(group.stream(), cls));
                    inner.set_span(group.span());
                    proc_macro2::TokenTree::Group(inner).into()
                }
                other => other.into(),
            })
            .collect()
    }
    let mut replaced = syn::parse2(walk(ty.to_token_stream(), cls)).unwrap_or_else(|_| ty.clone());
    // The method's own lifetime parameters (`fn __add__<'p>(other: PyRef<'p, Self>)`) are not
    // in scope in the trampoline: elide them.
    struct ElideLifetimes;
    impl syn::visit_mut::VisitMut for ElideLifetimes {
        fn visit_lifetime_mut(&mut self, lifetime: &mut syn::Lifetime) {
            if lifetime.ident != "static" {
                lifetime.ident = syn::Ident::new("_", lifetime.ident.span());
            }
        }
    }
    syn::visit_mut::VisitMut::visit_type_mut(&mut ElideLifetimes, &mut replaced);
    replaced
}
