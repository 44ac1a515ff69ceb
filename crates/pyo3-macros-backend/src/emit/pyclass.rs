//! Code for a `#[pyclass]`: the `PyClassImpl`, `PyTypeInfo` and `PyClass` impls naming
//! the class's static description, one small getter/setter trampoline per exposed field,
//! the trait-derived slots (`eq`, `ord`, `hash`, `str`), and the conversions.
//!
//! Everything is inside `const _: () = { ... };`, so the trampolines' names cannot clash
//! with the user's items or with another class's.

use crate::ctx::Ctx;
use crate::emit::{c_str, doc_c_str};
use crate::model::class::ClassSpec;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;

/// Everything generated after the user's struct.
pub(crate) fn emit(spec: &ClassSpec, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let cls = &spec.ident;
    let name = &spec.python_name;
    let module = match &spec.module {
        Some(module) => quote!(::core::option::Option::Some(#module)),
        None => quote!(::core::option::Option::None),
    };
    let doc = doc_c_str("", &spec.doc);
    let base = match &spec.extends {
        Some(path) => quote_spanned!(path_span(path)=> #path),
        None => quote!(#krate::PyAny),
    };
    let pyclass = quote!(#krate::impl_::pyclass);
    let thread_checker = if spec.unsendable {
        quote!(#pyclass::UnsendableChecker)
    } else {
        quote!(#pyclass::SendableChecker)
    };
    let dict = if spec.dict {
        quote!(#pyclass::DictSlot)
    } else {
        quote!(#pyclass::NoSlot)
    };
    let weakref = if spec.weakref {
        quote!(#pyclass::WeakRefSlot)
    } else {
        quote!(#pyclass::NoSlot)
    };
    let frozen = if spec.frozen {
        quote!(#krate::pyclass::boolean_struct::True)
    } else {
        quote!(#krate::pyclass::boolean_struct::False)
    };
    let (is_basetype, is_mapping, is_sequence, is_immutable) = (
        spec.subclass,
        spec.mapping,
        spec.sequence,
        spec.immutable_type,
    );

    let mut functions = Vec::new();
    let mut getters = Vec::new();
    let mut setters = Vec::new();
    for (index, field) in spec.fields.iter().enumerate() {
        let member = &field.member;
        let ty = &field.ty;
        let prop = c_str(&field.python_name, Span::call_site());
        let prop_doc = match field.doc.text() {
            Some(text) if !text.is_empty() => {
                let text = c_str(&text, field.doc.span);
                quote!(::core::option::Option::Some(#text))
            }
            _ => quote!(::core::option::Option::None),
        };
        if field.get {
            let get = format_ident!("__pyo3_get_{}", index);
            let spanned = ctx.krate_at(field.span);
            functions.push(quote_spanned! {field.span=>
                unsafe extern "C" fn #get(
                    slf: *mut #krate::ffi::PyObject,
                    closure: *mut ::core::ffi::c_void,
                ) -> *mut #krate::ffi::PyObject {
                    unsafe fn body(
                        py: #krate::Python<'_>,
                        slf: *mut #krate::ffi::PyObject,
                        _: *mut ::core::ffi::c_void,
                    ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                        // SAFETY (in the generated code): `slf` is the property's receiver.
                        unsafe {
                            #spanned::impl_::pyclass::slots::get_field::<#cls>(py, slf, |py, value| {
                                #[allow(unused_imports)]
                                use #spanned::impl_::pyclass::slots::{FieldByClone as _, FieldByRef as _};
                                (&&#spanned::impl_::pyclass::slots::FieldProbe::<#ty>::NEW)
                                    .field_into_ptr(py, &value.#member)
                            })
                        }
                    }
                    // SAFETY (in the generated code): called by CPython as a `getter`.
                    unsafe { #krate::impl_::trampoline::getter(slf, closure, body) }
                }
            });
            getters.push(quote!(#pyclass::GetterDef::new(#prop, #prop_doc, #get)));
        }
        if field.set {
            let set = format_ident!("__pyo3_set_{}", index);
            // Conversion errors name the Rust field, as PyO3's do.
            let field_name = match member {
                syn::Member::Named(ident) => ident.unraw().to_string(),
                syn::Member::Unnamed(_) => field.python_name.clone(),
            };
            let spanned = ctx.krate_at(field.span);
            functions.push(quote_spanned! {field.span=>
                unsafe extern "C" fn #set(
                    slf: *mut #krate::ffi::PyObject,
                    value: *mut #krate::ffi::PyObject,
                    closure: *mut ::core::ffi::c_void,
                ) -> ::core::ffi::c_int {
                    unsafe fn body(
                        py: #krate::Python<'_>,
                        slf: *mut #krate::ffi::PyObject,
                        value: *mut #krate::ffi::PyObject,
                        _: *mut ::core::ffi::c_void,
                    ) -> #krate::PyResult<::core::ffi::c_int> {
                        // SAFETY (in the generated code): the setter's own arguments.
                        unsafe {
                            #spanned::impl_::pyclass::slots::set_field::<#cls, #ty>(
                                py, slf, value, #field_name, |this, value| this.#member = value,
                            )
                        }
                    }
                    // SAFETY (in the generated code): called by CPython as a `setter`.
                    unsafe { #krate::impl_::trampoline::setter(slf, value, closure, body) }
                }
            });
            setters.push(quote!(#pyclass::SetterDef::new(#prop, #prop_doc, #set)));
        }
    }

    let mut slots = Vec::new();
    let mut class_attributes = Vec::new();
    let mut intrinsic_methods = Vec::new();
    if spec.generic {
        intrinsic_methods.push(quote!(#pyclass::MethodDef::class_method(
            c"__class_getitem__",
            c"See PEP 585",
            #pyclass::slots::class_getitem,
        )));
    }
    if let Some(variants) = &spec.variants {
        emit_enum(
            spec,
            variants,
            ctx,
            &mut functions,
            &mut slots,
            &mut class_attributes,
        );
    }
    let eq_slot = spec.variants.is_none() || spec.eq_int.is_none();
    if let (Some(span), true) = (spec.eq, eq_slot) {
        let compare = if spec.ord.is_some() {
            quote_spanned!(span=> #krate::impl_::pyclass::slots::richcompare_ord::<#cls>)
        } else {
            quote_spanned!(span=> #krate::impl_::pyclass::slots::richcompare_eq::<#cls>)
        };
        functions.push(quote! {
            unsafe extern "C" fn __pyo3_richcompare(
                slf: *mut #krate::ffi::PyObject,
                other: *mut #krate::ffi::PyObject,
                op: ::core::ffi::c_int,
            ) -> *mut #krate::ffi::PyObject {
                // SAFETY (in the generated code): called by CPython as `tp_richcompare`.
                unsafe { #krate::impl_::trampoline::richcompare(slf, other, op, #compare) }
            }
        });
        slots.push(quote!(#pyclass::SlotDef::new(
            #krate::ffi::Py_tp_richcompare,
            __pyo3_richcompare as #krate::ffi::richcmpfunc as *mut ::core::ffi::c_void,
        )));
    }
    if let Some(span) = spec.hash {
        let hash = quote_spanned!(span=> #krate::impl_::pyclass::slots::hash_derived::<#cls>);
        functions.push(quote! {
            unsafe extern "C" fn __pyo3_hash(slf: *mut #krate::ffi::PyObject) -> #krate::ffi::Py_hash_t {
                // SAFETY (in the generated code): called by CPython as `tp_hash`.
                unsafe { #krate::impl_::trampoline::ssize(slf, #hash) }
            }
        });
        slots.push(quote!(#pyclass::SlotDef::new(
            #krate::ffi::Py_tp_hash,
            __pyo3_hash as #krate::ffi::hashfunc as *mut ::core::ffi::c_void,
        )));
    }
    if let Some((format, span)) = &spec.str_format {
        let body = match format {
            None => quote_spanned!(*span=> #krate::impl_::pyclass::slots::str_display::<#cls>),
            Some(literal) => {
                let (format, fields) = format_arguments(&literal.value());
                let literal = syn::LitStr::new(&format, literal.span());
                let args = fields.iter().map(|(name, member)| {
                    let name = format_ident!("{}", name);
                    quote!(#name = value.#member)
                });
                functions.push(quote! {
                    unsafe fn __pyo3_str_body(
                        py: #krate::Python<'_>,
                        slf: *mut #krate::ffi::PyObject,
                    ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                        let mut holder = ::core::option::Option::None;
                        // SAFETY (in the generated code): `slf` is the slot's receiver.
                        let value = unsafe {
                            #krate::impl_::pyclass::slots::self_ref::<#cls>(py, &slf, &mut holder)?
                        };
                        let text = ::std::format!(#literal, #(#args),*);
                        ::core::result::Result::Ok(#krate::impl_::pyclass::slots::string_result(py, &text))
                    }
                });
                quote!(__pyo3_str_body)
            }
        };
        functions.push(quote! {
            unsafe extern "C" fn __pyo3_str(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
                // SAFETY (in the generated code): called by CPython as `tp_str`.
                unsafe { #krate::impl_::trampoline::unary(slf, #body) }
            }
        });
        slots.push(quote!(#pyclass::SlotDef::new(
            #krate::ffi::Py_tp_str,
            __pyo3_str as #krate::ffi::reprfunc as *mut ::core::ffi::c_void,
        )));
    }

    let mut slots_check = TokenStream::new();
    if spec.dict || spec.weakref {
        slots_check.extend(
            quote!(const _: () = #krate::impl_::pyclass::AssertSlotsSupported::<#cls>::OK;),
        );
    }
    if spec.immutable_type {
        slots_check.extend(
            quote!(const _: () = #krate::impl_::pyclass::AssertImmutableTypeSupported::<#cls>::OK;),
        );
    }
    let send_check = if spec.unsendable {
        TokenStream::new()
    } else {
        quote_spanned!(cls.span()=> const _: fn() = #krate::impl_::pyclass::assert_pyclass_sync::<#cls>;)
    };
    let mutable = if spec.frozen {
        TokenStream::new()
    } else {
        quote!(impl #pyclass::slots::MutablePyClass for #cls {})
    };
    let subclassable = if spec.subclass {
        quote!(impl #pyclass::PyClassSubclassable for #cls {})
    } else {
        TokenStream::new()
    };
    let extract = if spec.skip_from_py_object {
        TokenStream::new()
    } else {
        quote!(impl #pyclass::ExtractPyClassWithClone for #cls {})
    };
    // A class extending another `#[pyclass]` needs its base's value too, so only classes on
    // a native base convert from their value alone.
    let native_base = spec.extends.as_ref().is_none_or(|path| {
        path.segments
            .last()
            .is_some_and(|s| s.ident.to_string().starts_with("Py"))
    });
    let complex_items = match &spec.complex_variants {
        Some(variants) => complex_enum(spec, variants, ctx, &mut class_attributes),
        None => TokenStream::new(),
    };
    let into_pyobject = if spec.complex_variants.is_some() {
        complex_enum_into_pyobject(spec, ctx)
    } else if native_base {
        quote! {
            impl<'py> #krate::IntoPyObject<'py> for #cls {
                type Target = #cls;
                type Output = #krate::Bound<'py, #cls>;
                type Error = #krate::PyErr;

                #[inline]
                fn into_pyobject(self, py: #krate::Python<'py>) -> #krate::PyResult<#krate::Bound<'py, #cls>> {
                    #krate::Bound::new(py, self)
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let base_check = match &spec.extends {
        Some(path) => {
            let span = path_span(path);
            quote_spanned!(span=> const _: fn() = #krate::impl_::pyclass::assert_base_type::<#path>;)
        }
        None => TokenStream::new(),
    };

    // With `multiple-pymethods`, the type each `#[pymethods]` block submits its items as.
    let inventory = format_ident!("__Pyo3MethodsInventoryFor{}", cls);
    let (inventory_type, inventory_impl) = if cfg!(feature = "multiple-pymethods") {
        let vis = &spec.vis;
        (
            quote! {
                #[doc(hidden)]
                #[allow(non_camel_case_types)]
                #vis struct #inventory(&'static #pyclass::PyClassItems);

                impl #inventory {
                    #[doc(hidden)]
                    pub const fn new(items: &'static #pyclass::PyClassItems) -> Self {
                        #inventory(items)
                    }
                }

                impl #pyclass::PyClassInventory for #inventory {
                    fn items(&'static self) -> &'static #pyclass::PyClassItems {
                        self.0
                    }
                }

                #krate::inventory::collect!(#inventory);
            },
            quote! {
                type Inventory = #inventory;

                fn inventory_items() -> ::std::vec::Vec<&'static #pyclass::PyClassItems> {
                    #krate::inventory::iter::<#inventory>
                        .into_iter()
                        .map(#pyclass::PyClassInventory::items)
                        .collect()
                }
            },
        )
    } else {
        (TokenStream::new(), TokenStream::new())
    };
    quote! {
        #complex_items
        #inventory_type

        impl #cls {
            #[doc(hidden)]
            pub const _PYO3_DEF: #pyclass::AddClassToModule<#cls> = #pyclass::AddClassToModule::new();
        }

        const _: () = {
            #(#functions)*

            impl #pyclass::PyClassImpl for #cls {
                type BaseType = #base;
                type ThreadChecker = #thread_checker;
                type Dict = #dict;
                type WeakRef = #weakref;

                fn class_info() -> &'static #pyclass::PyClassInfo {
                    static INFO: #pyclass::PyClassInfo = #pyclass::PyClassInfo {
                        name: #name,
                        module: #module,
                        doc: #doc,
                        is_basetype: #is_basetype,
                        is_mapping: #is_mapping,
                        is_sequence: #is_sequence,
                        is_immutable_type: #is_immutable,
                    };
                    &INFO
                }

                fn intrinsic_items() -> &'static #pyclass::PyClassItems {
                    static ITEMS: #pyclass::PyClassItems = #pyclass::PyClassItems {
                        methods: &[#(#intrinsic_methods),*],
                        getters: &[#(#getters),*],
                        setters: &[#(#setters),*],
                        class_attributes: &[#(#class_attributes),*],
                        slots: &[#(#slots),*],
                        new_text_signature: ::core::option::Option::None,
                    };
                    &ITEMS
                }

                fn method_items() -> &'static #pyclass::PyClassItems {
                    #[allow(unused_imports)]
                    use #pyclass::{PyMethods as _, PyMethodsFallback as _};
                    #pyclass::PyClassImplCollector::<#cls>::NEW.py_methods()
                }

                fn lazy_type_object() -> &'static #pyclass::LazyTypeObject<#cls> {
                    static TYPE_OBJECT: #pyclass::LazyTypeObject<#cls> = #pyclass::LazyTypeObject::new();
                    &TYPE_OBJECT
                }

                #inventory_impl
            }

            // SAFETY (in the generated code): the type object is the one created from this
            // class's description, whose instances are laid out as `PyClassObject<Self>`.
            unsafe impl #krate::type_object::PyTypeInfo for #cls {
                const NAME: &'static str = #name;
                const MODULE: ::core::option::Option<&'static str> = #module;

                #[inline]
                fn type_object_raw(py: #krate::Python<'_>) -> *mut #krate::ffi::PyTypeObject {
                    <#cls as #pyclass::PyClassImpl>::lazy_type_object().get_raw(py)
                }
            }

            impl #krate::PyClass for #cls {
                type Frozen = #frozen;
            }

            impl #krate::types::DerefToPyAny for #cls {}

            #into_pyobject
            #subclassable
            #mutable
            #extract
            #send_check
            #slots_check
            #base_check
        };
    }
}

/// Where an error about the `extends` path should point.
fn path_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |segment| segment.ident.span())
}

/// The fields a `str = "..."` format names, and the format rewritten so that every
/// argument is named: `{x}` stays (field `x`), a positional `{0}` of a tuple struct becomes
/// `{__pyo3_field_0}` (field `0`). `{{` escapes are skipped.
fn format_arguments(format: &str) -> (String, Vec<(String, syn::Member)>) {
    let mut fields: Vec<(String, syn::Member)> = Vec::new();
    let mut rewritten = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(start) = rest.find('{') {
        rewritten.push_str(&rest[..=start]);
        rest = &rest[start + 1..];
        if let Some(stripped) = rest.strip_prefix('{') {
            rewritten.push('{');
            rest = stripped;
            continue;
        }
        let end = rest.find(['}', ':']).unwrap_or(rest.len());
        let name = rest[..end].trim();
        let (argument, member) = if !name.is_empty() && name.chars().all(|c| c.is_ascii_digit()) {
            let index: u32 = name.parse().unwrap_or_default();
            let member = syn::Member::Unnamed(syn::Index::from(index as usize));
            (format!("__pyo3_field_{index}"), Some(member))
        } else if !name.is_empty()
            && name.chars().all(|c| c == '_' || c.is_alphanumeric())
            && !name.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            let ident = syn::Ident::new(name, proc_macro2::Span::call_site());
            (name.to_owned(), Some(syn::Member::Named(ident)))
        } else {
            (name.to_owned(), None)
        };
        rewritten.push_str(&argument);
        if let Some(member) = member {
            if !fields.iter().any(|(known, _)| *known == argument) {
                fields.push((argument, member));
            }
        }
        rest = &rest[end..];
    }
    rewritten.push_str(rest);
    (rewritten, fields)
}

/// The parts of a simple enum: one class attribute per variant, `__repr__` (`Mode.A`),
/// `__int__` (the discriminant) and, with `eq_int`, comparison with integers.
fn emit_enum(
    spec: &ClassSpec,
    variants: &[crate::model::class::VariantSpec],
    ctx: &Ctx,
    functions: &mut Vec<TokenStream>,
    slots: &mut Vec<TokenStream>,
    class_attributes: &mut Vec<TokenStream>,
) {
    let krate = &ctx.krate;
    let cls = &spec.ident;
    let pyclass = quote!(#krate::impl_::pyclass);
    for variant in variants {
        let ident = &variant.ident;
        let name = &variant.python_name;
        let cfgs = &variant.cfgs;
        class_attributes.push(quote! {
            #(#cfgs)*
            #pyclass::ClassAttributeDef::new(#name, |py| {
                #krate::IntoPyObjectExt::into_py_any(#cls::#ident, py)
            })
        });
    }
    let idents: Vec<&syn::Ident> = variants.iter().map(|v| &v.ident).collect();
    let cfgs: Vec<TokenStream> = variants
        .iter()
        .map(|v| {
            let cfgs = &v.cfgs;
            quote!(#(#cfgs)*)
        })
        .collect();
    let names: Vec<String> = variants
        .iter()
        .map(|v| format!("{}.{}", spec.python_name, v.python_name))
        .collect();
    functions.push(quote! {
        fn __pyo3_variant_repr(value: &#cls) -> &'static str {
            match value {
                #(#cfgs #cls::#idents => #names,)*
            }
        }

        fn __pyo3_discriminant(value: &#cls) -> isize {
            match value {
                #(#cfgs #cls::#idents => #cls::#idents as isize,)*
            }
        }

        unsafe fn __pyo3_enum_repr_body(
            py: #krate::Python<'_>,
            slf: *mut #krate::ffi::PyObject,
        ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
            // SAFETY (in the generated code): `slf` is the slot's receiver.
            unsafe { #pyclass::slots::enum_repr::<#cls>(py, slf, __pyo3_variant_repr) }
        }

        unsafe extern "C" fn __pyo3_enum_repr(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
            // SAFETY (in the generated code): called by CPython as `tp_repr`.
            unsafe { #krate::impl_::trampoline::unary(slf, __pyo3_enum_repr_body) }
        }

        unsafe fn __pyo3_enum_int_body(
            py: #krate::Python<'_>,
            slf: *mut #krate::ffi::PyObject,
        ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
            // SAFETY (in the generated code): `slf` is the slot's receiver.
            unsafe { #pyclass::slots::enum_int::<#cls>(py, slf, __pyo3_discriminant) }
        }

        unsafe extern "C" fn __pyo3_enum_int(slf: *mut #krate::ffi::PyObject) -> *mut #krate::ffi::PyObject {
            // SAFETY (in the generated code): called by CPython as `nb_int`.
            unsafe { #krate::impl_::trampoline::unary(slf, __pyo3_enum_int_body) }
        }
    });
    slots.push(quote!(#pyclass::SlotDef::new(
        #krate::ffi::Py_tp_repr,
        __pyo3_enum_repr as #krate::ffi::reprfunc as *mut ::core::ffi::c_void,
    )));
    slots.push(quote!(#pyclass::SlotDef::new(
        #krate::ffi::Py_nb_int,
        __pyo3_enum_int as #krate::ffi::unaryfunc as *mut ::core::ffi::c_void,
    )));
    if let (Some(span), Some(_)) = (spec.eq, spec.eq_int) {
        let compare = quote_spanned!(span=> #pyclass::slots::enum_richcompare::<#cls>);
        functions.push(quote! {
            unsafe fn __pyo3_enum_richcompare_body(
                py: #krate::Python<'_>,
                slf: *mut #krate::ffi::PyObject,
                other: *mut #krate::ffi::PyObject,
                op: ::core::ffi::c_int,
            ) -> #krate::PyResult<*mut #krate::ffi::PyObject> {
                // SAFETY (in the generated code): the slot's own arguments.
                unsafe { #compare(py, slf, other, op, __pyo3_discriminant) }
            }

            unsafe extern "C" fn __pyo3_richcompare(
                slf: *mut #krate::ffi::PyObject,
                other: *mut #krate::ffi::PyObject,
                op: ::core::ffi::c_int,
            ) -> *mut #krate::ffi::PyObject {
                // SAFETY (in the generated code): called by CPython as `tp_richcompare`.
                unsafe { #krate::impl_::trampoline::richcompare(slf, other, op, __pyo3_enum_richcompare_body) }
            }
        });
        slots.push(quote!(#pyclass::SlotDef::new(
            #krate::ffi::Py_tp_richcompare,
            __pyo3_richcompare as #krate::ffi::richcmpfunc as *mut ::core::ffi::c_void,
        )));
    }
}

/// The Rust name of the subclass standing for `variant` of the complex enum `enum_ident`.
fn variant_class_ident(enum_ident: &syn::Ident, variant: &syn::Ident) -> syn::Ident {
    format_ident!("{}_{}", enum_ident, variant)
}

/// The subclasses of a complex enum, written as `#[pyclass]` structs with a `#[pymethods]`
/// block (expanded by these same macros): a `__new__` taking the variant's fields, a getter
/// per field, `__match_args__`, and for tuple variants `__len__` and `__getitem__`. Each is
/// also a class attribute of the enum class.
fn complex_enum(
    spec: &ClassSpec,
    variants: &[crate::model::class::ComplexVariantSpec],
    ctx: &Ctx,
    class_attributes: &mut Vec<TokenStream>,
) -> TokenStream {
    let krate = &ctx.krate;
    let cls = &spec.ident;
    let krate_text = krate.to_string().replace(' ', "");
    let module = spec.module.as_ref().map(|m| quote!(module = #m,));
    let vis = &spec.vis;
    let mut items = Vec::new();
    for variant in variants {
        let variant_ident = &variant.ident;
        let class = variant_class_ident(cls, variant_ident);
        let python_name = format!("{}_{}", spec.python_name, variant.python_name);
        let attribute = &variant.python_name;
        class_attributes.push(quote! {
            #krate::impl_::pyclass::ClassAttributeDef::new(#attribute, |py| {
                ::core::result::Result::Ok(py.get_type::<#class>().into_any().unbind())
            })
        });
        let names: Vec<&syn::Ident> = variant.fields.iter().map(|(name, _)| name).collect();
        let types: Vec<&syn::Type> = variant.fields.iter().map(|(_, ty)| ty).collect();
        let match_args: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let value = if variant.named {
            quote!(#cls::#variant_ident { #(#names),* })
        } else {
            quote!(#cls::#variant_ident(#(#names),*))
        };
        let pattern = if variant.named {
            quote!(#cls::#variant_ident { #(#names),* })
        } else {
            quote!(#cls::#variant_ident(#(#names),*))
        };
        let signature = match &variant.constructor {
            Some(group) => quote!(#group),
            None => quote!((#(#names),*)),
        };
        let getters = variant.fields.iter().map(|(name, ty)| {
            quote! {
                #[getter]
                fn #name(slf: #krate::PyRef<'_, Self>) -> #krate::PyResult<#krate::Py<#krate::PyAny>> {
                    let py = slf.py();
                    match &**slf.as_super() {
                        #[allow(unused_variables)]
                        #pattern => {
                            #[allow(unused_imports)]
                            use #krate::impl_::pyclass::slots::{FieldByClone as _, FieldByRef as _};
                            #krate::impl_::pyclass::slots::owned_object(
                                py,
                                (&&#krate::impl_::pyclass::slots::FieldProbe::<#ty>::NEW).field_into_ptr(py, #name),
                            )
                        }
                        #[allow(unreachable_patterns)]
                        _ => ::core::result::Result::Err(#krate::impl_::pyclass::slots::variant_changed()),
                    }
                }
            }
        });
        let tuple_methods = if variant.named {
            TokenStream::new()
        } else {
            let count = names.len();
            let indices = 0..count;
            quote! {
                fn __len__(&self) -> usize {
                    #count
                }

                fn __getitem__(slf: #krate::PyRef<'_, Self>, index: usize) -> #krate::PyResult<#krate::Py<#krate::PyAny>> {
                    let py = slf.py();
                    match &**slf.as_super() {
                        #[allow(unused_variables)]
                        #pattern => {
                            #[allow(unused_imports)]
                            use #krate::impl_::pyclass::slots::{FieldByClone as _, FieldByRef as _};
                            match index {
                                #(#indices => #krate::impl_::pyclass::slots::owned_object(
                                    py,
                                    (&&#krate::impl_::pyclass::slots::FieldProbe::<#types>::NEW).field_into_ptr(py, #names),
                                ),)*
                                _ => ::core::result::Result::Err(#krate::exceptions::PyIndexError::new_err("tuple index out of range")),
                            }
                        }
                        #[allow(unreachable_patterns)]
                        _ => ::core::result::Result::Err(#krate::impl_::pyclass::slots::variant_changed()),
                    }
                }
            }
        };
        let match_args_types = match_args.iter().map(|_| quote!(&'static str));
        items.push(quote! {
            #[doc(hidden)]
            #[allow(non_camel_case_types)]
            #[#krate::pyclass(crate = #krate_text, extends = #cls, frozen, name = #python_name, #module skip_from_py_object)]
            #vis struct #class;

            #[#krate::pymethods(crate = #krate_text)]
            impl #class {
                #[new]
                #[pyo3(signature = #signature)]
                fn __pyo3_new(#(#names: #types),*) -> #krate::PyClassInitializer<#class> {
                    #krate::PyClassInitializer::from(#value).add_subclass(#class)
                }

                #[classattr]
                const __match_args__: (#(#match_args_types,)*) = (#(#match_args,)*);

                #(#getters)*

                #tuple_methods
            }
        });
    }
    quote!(#(#items)*)
}

/// `IntoPyObject` for a complex enum: the value becomes an instance of its variant's
/// subclass.
fn complex_enum_into_pyobject(spec: &ClassSpec, ctx: &Ctx) -> TokenStream {
    let krate = &ctx.krate;
    let cls = &spec.ident;
    let arms = spec.complex_variants.iter().flatten().map(|variant| {
        let ident = &variant.ident;
        let class = variant_class_ident(cls, ident);
        let pattern = if variant.named {
            quote!(#cls::#ident { .. })
        } else {
            quote!(#cls::#ident(..))
        };
        quote! {
            #pattern => #krate::Bound::new(py, #krate::PyClassInitializer::from(self).add_subclass(#class))
                .map(|obj| #krate::Bound::into_any(obj))
        }
    });
    quote! {
        impl<'py> #krate::IntoPyObject<'py> for #cls {
            type Target = #cls;
            type Output = #krate::Bound<'py, #cls>;
            type Error = #krate::PyErr;

            fn into_pyobject(self, py: #krate::Python<'py>) -> #krate::PyResult<#krate::Bound<'py, #cls>> {
                let obj = match &self {
                    #(#arms,)*
                }?;
                obj.cast_into::<#cls>().map_err(::core::convert::Into::into)
            }
        }
    }
}
