//! Expansions of the conversion derives.

use super::{assert_contains, error_messages, pretty};
use crate::diagnostics;
use quote::quote;

#[test]
fn struct_by_attribute_item_and_default() {
    let out = pretty(crate::derive_from_py_object(quote! {
        struct S {
            a: i32,
            #[pyo3(item("key"))]
            b: String,
            #[pyo3(attribute("other"), default)]
            c: u8,
        }
    }));
    assert_contains(
        &out,
        &[
            "impl<'__pyo3_a, 'py> ::pyo3::FromPyObject<'__pyo3_a, 'py> for S",
            "::pyo3::impl_::frompyobject::attribute(obj, \"a\")?",
            "::pyo3::impl_::frompyobject::field(&value, \"S\", \"a\")?",
            "::pyo3::impl_::frompyobject::item(obj, \"key\")?",
            "::pyo3::impl_::frompyobject::present(obj, ::pyo3::impl_::frompyobject::attribute(obj, \"other\")",
            "::core::default::Default::default()",
            "::core::result::Result::Ok(S { a: field_0, b: field_1, c: field_2",
        ],
    );
}

#[test]
fn enum_lists_variants_and_annotations() {
    let out = pretty(crate::derive_from_py_object(quote! {
        enum E<T> {
            #[pyo3(annotation = "int")]
            A(i64),
            B { x: T },
        }
    }));
    assert_contains(
        &out,
        &[
            "T: ::pyo3::conversion::FromPyObjectOwned<'py>",
            "::pyo3::impl_::frompyobject::field(obj, \"E::A\", \"0\")?",
            "enum_error(obj.py(), \"E\", &[\"A\", \"B\"], &[\"int\", \"B\"], errors",
        ],
    );
}

#[test]
fn into_py_object_shapes() {
    let out = pretty(crate::derive_into_py_object_ref(quote! {
        struct P { #[pyo3(item("X"))] x: i32, y: i32 }
    }));
    assert_contains(
        &out,
        &[
            "impl<'__pyo3_a, 'py> ::pyo3::IntoPyObject<'py> for &'__pyo3_a P",
            "let P { x: field_0, y: field_1 } = self;",
            "set_field(&dict, \"X\", field_0)?;",
        ],
    );
    let out = pretty(crate::derive_into_py_object(quote! {
        struct T(i32, String);
    }));
    assert_contains(
        &out,
        &["new_tuple(py, ::std::vec![", "into_any(py, field_1)?"],
    );
}

#[test]
fn derive_mistakes() {
    let errors = error_messages(crate::derive_from_py_object(quote!(
        struct S;
    )));
    assert_eq!(errors, [diagnostics::DERIVE_NO_FIELDS]);
    let errors = error_messages(crate::derive_from_py_object(quote!(
        #[pyo3(transparent)]
        struct S {
            a: i32,
            b: i32,
        }
    )));
    assert_eq!(errors, [diagnostics::DERIVE_TRANSPARENT_ONE_FIELD]);
    let errors = error_messages(crate::derive_from_py_object(quote!(
        struct S(#[pyo3(item)] i32, i32);
    )));
    assert_eq!(errors, [diagnostics::DERIVE_ACCESS_ON_UNNAMED]);
}
