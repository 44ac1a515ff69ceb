//! Inputs with mistakes: every mistake is reported, in one expansion, with its message.

use super::error_messages;
use crate::diagnostics;
use quote::quote;

fn pyfunction_errors(
    attr: proc_macro2::TokenStream,
    item: proc_macro2::TokenStream,
) -> Vec<String> {
    error_messages(crate::pyfunction(attr, item))
}

fn pymodule_errors(item: proc_macro2::TokenStream) -> Vec<String> {
    error_messages(crate::pymodule(quote!(), item))
}

#[test]
fn all_shape_errors_are_reported_together() {
    let errors = pyfunction_errors(
        quote!(),
        quote!(
            async fn f<T, const N: usize>(x: impl Clone, (a, b): (u8, u8)) {}
        ),
    );
    // `async fn` is an error only without the `experimental-async` feature.
    let asyncness = (!cfg!(feature = "experimental-async")).then_some(diagnostics::ASYNC_FN);
    assert_eq!(
        errors,
        asyncness
            .into_iter()
            .chain([
                diagnostics::GENERIC_TYPE_PARAMETER,
                diagnostics::CONST_GENERIC_PARAMETER,
                diagnostics::IMPL_TRAIT_PARAMETER,
                diagnostics::PARAMETER_PATTERN,
            ])
            .collect::<Vec<_>>()
    );
}

#[test]
fn cancel_handle_mistakes() {
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                fn f(#[pyo3(cancel_handle)] c: CancelHandle) {}
            )
        ),
        [diagnostics::CANCEL_HANDLE_WITHOUT_ASYNC]
    );
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                fn f(#[pyo3(cancel_handle, from_py_with = g)] c: CancelHandle) {}
            )
        ),
        [diagnostics::CANCEL_HANDLE_WITH_FROM_PY_WITH]
    );
    #[cfg(feature = "experimental-async")]
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                async fn f(
                    #[pyo3(cancel_handle)] a: CancelHandle,
                    #[pyo3(cancel_handle)] b: CancelHandle,
                ) {
                }
            )
        ),
        [diagnostics::CANCEL_HANDLE_TWICE]
    );
}

#[test]
fn methods_and_unsafe_functions_are_rejected() {
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                fn f(&self) {}
            )
        ),
        [diagnostics::PYFUNCTION_ON_METHOD]
    );
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                unsafe fn f() {}
            )
        ),
        [diagnostics::UNSAFE_FN]
    );
}

#[test]
fn pyfunction_on_a_struct() {
    assert_eq!(
        pyfunction_errors(
            quote!(),
            quote!(
                struct S;
            )
        ),
        [diagnostics::PYFUNCTION_NOT_FN]
    );
}

#[test]
fn option_errors() {
    let errors = pyfunction_errors(
        quote!(name = "a b", submodule),
        quote! {
            #[pyo3(crate = "not a path", name = "x")]
            fn f() {}
        },
    );
    assert_eq!(
        errors,
        [
            diagnostics::invalid_python_name("a b"),
            diagnostics::option_not_for("submodule", "pyfunction"),
            diagnostics::INVALID_CRATE_PATH.to_owned(),
            diagnostics::duplicate_option("name"),
        ]
    );
    let errors = pyfunction_errors(
        quote!(frobnicate = 1),
        quote!(
            fn f() {}
        ),
    );
    assert_eq!(
        errors,
        [
            "unknown option `frobnicate`; expected one of `name`, `crate`, `text_signature`, \
          `signature`, `pass_module`"
        ]
    );
}

#[test]
fn signature_is_checked_against_the_parameters() {
    let errors = pyfunction_errors(
        quote!(signature = (b, a, c, py)),
        quote!(
            fn f(py: Python<'_>, a: i32, b: i32, d: i32) {}
        ),
    );
    assert_eq!(
        errors,
        [
            diagnostics::signature_out_of_order("a", "b"),
            diagnostics::signature_unknown_parameter("c"),
            diagnostics::signature_lists_python_token("py"),
            diagnostics::signature_missing_parameter("d"),
        ]
    );
    let errors = pyfunction_errors(
        quote!(signature = (a)),
        quote!(
            fn f(a: i32, b: i32) {}
        ),
    );
    assert_eq!(errors, [diagnostics::signature_missing_parameter("b")]);
}

#[test]
fn signature_grammar() {
    let errors = pyfunction_errors(
        quote!(signature = (a = 1, b, *, /, **kw, c)),
        quote!(
            fn f(a: i32, b: i32, kw: i32, c: i32) {}
        ),
    );
    assert_eq!(
        errors,
        [
            diagnostics::signature_required_after_default("b"),
            diagnostics::signature_misplaced("/", diagnostics::SIGNATURE_RULE_SLASH_BEFORE_STAR),
            diagnostics::signature_misplaced("**kwargs", diagnostics::SIGNATURE_RULE_KWARGS_LAST),
        ]
    );
    let errors = pyfunction_errors(
        quote!(signature = (a, *args)),
        quote!(
            fn f(a: i32, args: i32) {}
        ),
    );
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn pass_module_needs_a_parameter() {
    let errors = pyfunction_errors(
        quote!(pass_module),
        quote!(
            fn f() {}
        ),
    );
    assert_eq!(errors, [diagnostics::PASS_MODULE_WITHOUT_PARAMETER]);
}

#[test]
fn parameter_options() {
    let errors = pyfunction_errors(
        quote!(),
        quote!(
            fn f(py: Python<'_>, #[pyo3(from_py_with = get)] a: i32) {}
        ),
    );
    assert!(errors.is_empty(), "{errors:?}");
    let errors = pyfunction_errors(
        quote!(),
        quote!(
            fn f(#[pyo3(from_py_with = get)] py: Python<'_>) {}
        ),
    );
    assert_eq!(errors, [diagnostics::FROM_PY_WITH_NOT_ARGUMENT]);
}

#[test]
fn interior_nul_in_docs() {
    let errors = pyfunction_errors(
        quote!(),
        quote!(
            #[doc = "a\0b"]
            fn f() {}
        ),
    );
    assert_eq!(errors, [diagnostics::DOC_CONTAINS_NUL]);
}

#[test]
fn failed_expansion_keeps_the_item_without_helper_attributes() {
    let out = crate::pyfunction(
        quote!(),
        quote!(
            #[pyo3(name = "x")]
            async fn f(#[pyo3(from_py_with = g)] a: i32) {}
        ),
    );
    let text = out.to_string();
    assert!(text.contains("async fn f (a : i32)"), "{text}");
    assert!(!text.contains("# [pyo3"), "{text}");
}

#[test]
fn pymodule_mistakes() {
    assert_eq!(
        pymodule_errors(quote!(
            struct S;
        )),
        [diagnostics::PYMODULE_WRONG_ITEM]
    );
    assert_eq!(
        pymodule_errors(quote!(
            mod m;
        )),
        [diagnostics::PYMODULE_MOD_WITHOUT_BODY]
    );
    assert_eq!(
        pymodule_errors(quote!(
            fn m() -> PyResult<()> {
                Ok(())
            }
        )),
        [diagnostics::PYMODULE_FN_PARAMETERS]
    );
    assert_eq!(
        pymodule_errors(quote!(
            fn m(a: i32, b: &Bound<'_, PyModule>) -> PyResult<()> {
                Ok(())
            }
        )),
        [diagnostics::PYMODULE_FN_PARAMETERS]
    );
    assert_eq!(
        error_messages(crate::pymodule(
            quote!(text_signature = None),
            quote!(
                fn m(m: &M) {}
            )
        )),
        [diagnostics::option_not_for("text_signature", "pymodule")]
    );
}

#[test]
fn two_init_functions() {
    let errors = pymodule_errors(quote! {
        mod m {
            #[pymodule_init]
            fn first(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
            #[pymodule_init]
            fn second(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
        }
    });
    assert_eq!(
        errors,
        [
            diagnostics::PYMODULE_TWO_INIT_FNS,
            diagnostics::PYMODULE_FIRST_INIT_FN
        ]
    );
}

#[test]
fn declarative_module_item_mistakes() {
    let errors = pymodule_errors(quote! {
        mod m {
            #[pymodule_export]
            use super::*;
            #[pymodule_export]
            struct NotAUse;
            #[pymodule_export]
            static C: i32 = 1;
            #[pymodule_init]
            static S: i32 = 1;
        }
    });
    assert_eq!(
        errors,
        [
            diagnostics::PYMODULE_EXPORT_GLOB,
            diagnostics::PYMODULE_EXPORT_NOT_USE,
            diagnostics::PYMODULE_EXPORT_NOT_USE,
            diagnostics::PYMODULE_INIT_NOT_FN,
        ]
    );
}

#[test]
fn stray_helpers() {
    let errors = error_messages(crate::pymodule_export(
        quote!(),
        quote!(
            use a::b;
        ),
    ));
    assert_eq!(
        errors,
        [diagnostics::helper_outside_module("pymodule_export")]
    );
}
