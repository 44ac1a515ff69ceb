//! `#[pyclass]` and `#[pymethods]` expansions.

use super::{assert_contains, error_messages, pretty};
use quote::quote;

#[test]
fn struct_with_properties() {
    let out = pretty(crate::pyclass(
        quote!(module = "shapes", subclass),
        quote! {
            /// A point.
            struct Point {
                #[pyo3(get, set)]
                x: i64,
                y: i64,
            }
        },
    ));
    assert_contains(
        &out,
        &[
            "struct Point {",
            "impl ::pyo3::impl_::pyclass::PyClassImpl for Point {",
            "type BaseType = ::pyo3::PyAny;",
            "name: \"Point\"",
            "module: ::core::option::Option::Some(\"shapes\")",
            "doc: c\"A point.\"",
            "is_basetype: true",
            "GetterDef::new(c\"x\"",
            "SetterDef::new(c\"x\"",
            "impl ::pyo3::impl_::pyclass::PyClassSubclassable for Point {}",
            "unsafe impl ::pyo3::type_object::PyTypeInfo for Point {",
            "type Frozen = ::pyo3::pyclass::boolean_struct::False;",
            "assert_pyclass_sync::<Point>",
        ],
    );
    assert!(
        !out.contains("#[pyo3"),
        "helper attributes must be removed:\n{out}"
    );
    assert!(!out.contains("c\"y\""), "`y` has no accessors:\n{out}");
}

#[test]
fn frozen_unsendable_class_with_derived_slots() {
    let out = pretty(crate::pyclass(
        quote!(frozen, eq, hash, unsendable, str = "({x})"),
        quote! { struct P { x: i64 } },
    ));
    assert_contains(
        &out,
        &[
            "type Frozen = ::pyo3::pyclass::boolean_struct::True;",
            "type ThreadChecker = ::pyo3::impl_::pyclass::UnsendableChecker;",
            "richcompare_eq::<P>",
            "hash_derived::<P>",
            "::std::format!(\"({x})\", x = value.x)",
        ],
    );
    assert!(
        !out.contains("assert_pyclass_sync"),
        "unsendable classes need not be Sync"
    );
}

#[test]
fn methods_of_every_kind() {
    let out = pretty(crate::pymethods(
        quote!(),
        quote! {
            impl Counter {
                #[new]
                #[pyo3(signature = (start, step = 1))]
                fn new(start: i64, step: i64) -> Self { Counter { start, step } }
                fn incr(&mut self) {}
                #[getter]
                fn value(&self) -> i64 { 0 }
                #[staticmethod]
                fn zero() -> i64 { 0 }
                #[classmethod]
                fn make(cls: &Bound<'_, PyType>) -> i64 { 0 }
                #[classattr]
                const LIMIT: i64 = 10;
                fn __add__(&self, other: i64) -> i64 { 0 }
                fn __len__(&self) -> usize { 0 }
            }
        },
    ));
    assert_contains(
        &out,
        &[
            "impl ::pyo3::impl_::pyclass::PyMethods<Counter>",
            "func_name: \"Counter.__new__\"",
            "new_text_signature: ::core::option::Option::Some(\"(start, step=1)\")",
            "func_name: \"Counter.incr\"",
            "slots::self_mut::<",
            "assert_mutable::<Counter>",
            "MethodDef::method(c\"incr\"",
            "MethodDef::static_method(c\"zero\"",
            "MethodDef::class_method(c\"make\"",
            "GetterDef::new(c\"value\"",
            "ClassAttributeDef::new(\"LIMIT\"",
            "::pyo3::ffi::Py_nb_add",
            "::pyo3::ffi::Py_mp_length",
            "::pyo3::ffi::Py_tp_new",
        ],
    );
    assert!(
        !out.contains("#[new]"),
        "helper attributes must be removed:\n{out}"
    );
}

#[test]
fn mistakes_are_reported_together() {
    let errors = error_messages(crate::pymethods(
        quote!(),
        quote! {
            impl Counter {
                #[new]
                fn a() -> Self { Counter }
                #[new]
                fn b() -> Self { Counter }
                fn __len__(&self, extra: i64) -> usize { 0 }
                fn no_receiver() {}
            }
        },
    ));
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("only one `#[new]`")));
    assert!(errors
        .iter()
        .any(|e| e.contains("`__len__` takes 0 arguments")));
    assert!(errors.iter().any(|e| e.contains("needs a receiver")));
}

#[test]
fn class_option_rules() {
    let errors = error_messages(crate::pyclass(
        quote!(hash, ord),
        quote! { struct C<T> { value: T } },
    ));
    assert!(
        errors
            .iter()
            .any(|e| e.contains("generic or lifetime parameters")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("requires `frozen`")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the `ord` option requires `eq`")),
        "{errors:?}"
    );
}
