//! `#[pyfunction]` expansions that succeed.

use super::{assert_contains, pretty};
use quote::quote;

fn expand(attr: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
    pretty(crate::pyfunction(attr, item))
}

#[test]
fn two_argument_function() {
    let out = expand(
        quote!(),
        quote! {
            /// Formats the sum of two numbers as string.
            fn sum_as_string(a: usize, b: usize) -> PyResult<String> {
                Ok((a + b).to_string())
            }
        },
    );
    assert_contains(
        &out,
        &[
            "fn sum_as_string(a: usize, b: usize) -> PyResult<String>",
            "mod sum_as_string {",
            "pub(crate) struct MakeDef;",
            "pub const _PYO3_DEF: ::pyo3::impl_::pyfunction::PyFunctionDef = MakeDef::_PYO3_DEF;",
            "impl sum_as_string::MakeDef {",
            "func_name: \"sum_as_string\"",
            "positional_parameter_names: &[\"a\", \"b\"]",
            "positional_only_parameters: 0,",
            "required_positional_parameters: 2,",
            "keyword_only_parameters: &[],",
            "let mut output = [::core::option::Option::None; 2];",
            "DESCRIPTION.extract_arguments_fastcall(py, args, nargs, kwnames, &mut output)?",
            "let mut holder_0 = ::pyo3::impl_::extract_argument::FunctionArgumentHolder::INIT;",
            "::pyo3::impl_::extract_argument::unwrap_required_argument(output[0])",
            "&mut holder_1,",
            "\"b\",",
            "let result = sum_as_string(arg_0, arg_1);",
            "::pyo3::impl_::wrap::converter(&result).into_return_ptr(py, result)",
            "::pyo3::impl_::trampoline::fastcall_with_keywords(slf, args, nargs, kwnames, __pyo3_impl",
            "::pyo3::impl_::pyfunction::PyFunctionDef::new(\n                c\"sum_as_string\",\n                c\"sum_as_string(a, b)\\n--\\n\\nFormats the sum of two numbers as string.\",",
        ],
    );
}

#[test]
fn python_token_takes_no_slot() {
    let out = expand(
        quote!(),
        quote! {
            fn f<'py>(py: Python<'py>, x: i32, token: pyo3::Python<'_>) -> i32 { x }
        },
    );
    assert_contains(
        &out,
        &[
            "positional_parameter_names: &[\"x\"]",
            "required_positional_parameters: 1,",
            "let result = f(py, arg_1, py);",
            "c\"f(x)\\n--\\n\\n\"",
        ],
    );
    assert!(
        !out.contains("holder_0") && !out.contains("holder_2"),
        "{out}"
    );
}

#[test]
fn zero_arguments_still_check_the_call() {
    let out = expand(
        quote!(),
        quote!(
            fn nothing() {}
        ),
    );
    assert_contains(
        &out,
        &[
            "let mut output = [::core::option::Option::None; 0];",
            "extract_arguments_fastcall(py, args, nargs, kwnames, &mut output)?",
            "let result = nothing();",
            "c\"nothing()\\n--\\n\\n\"",
        ],
    );
}

#[test]
fn options_from_attribute_arguments_and_pyo3_attributes() {
    let out = expand(
        quote!(name = "renamed"),
        quote! {
            #[pyo3(crate = "my::pyo3", text_signature = "(x, /)")]
            pub(crate) fn original(x: &str) -> usize { x.len() }
        },
    );
    assert_contains(
        &out,
        &[
            "pub(crate) mod original {",
            "pub const _PYO3_DEF: my::pyo3::impl_::pyfunction::PyFunctionDef",
            "func_name: \"renamed\"",
            "c\"renamed\"",
            "c\"renamed(x, /)\\n--\\n\\n\"",
            "let result = original(arg_0);",
        ],
    );
    assert!(
        !out.contains("#[pyo3"),
        "pyo3 attributes must be removed:\n{out}"
    );
    let elsewhere = out.replace("my::pyo3::", "");
    assert!(
        !elsewhere.contains("::pyo3::"),
        "the crate path must be used everywhere:\n{out}"
    );
}

#[test]
fn text_signature_none_drops_the_prefix() {
    let out = expand(
        quote!(text_signature = None),
        quote! {
            /// Line one.
            /// Line "two" ü.
            fn f(a: i32) {}
        },
    );
    assert_contains(&out, &["c\"Line one.\\nLine \\\"two\\\" ü.\""]);
}

#[test]
fn plain_signature_is_accepted() {
    let out = expand(
        quote!(signature = (a, b)),
        quote!(
            fn f(a: i32, b: i32) {}
        ),
    );
    assert_contains(&out, &["required_positional_parameters: 2,"]);
}

#[test]
fn raw_identifiers_lose_their_prefix_in_python() {
    let out = expand(
        quote!(),
        quote!(
            fn r#type(r#in: i32) {}
        ),
    );
    assert_contains(&out, &["mod r#type {", "func_name: \"type\"", "&[\"in\"]"]);
}

#[test]
fn macro_docs_are_joined_at_compile_time() {
    let out = expand(
        quote!(),
        quote! {
            /// Intro.
            #[doc = include_str!("extra.md")]
            fn f() {}
        },
    );
    assert_contains(
        &out,
        &[
            "::core::concat!(\"f()\\n--\\n\\n\", \"Intro.\", \"\\n\", include_str!(\"extra.md\"), \"\\0\")",
            "::core::ffi::CStr::from_bytes_with_nul(TEXT.as_bytes())",
        ],
    );
}

#[test]
fn pyfunction_declared_in_a_function_body() {
    let out = expand(
        quote!(),
        quote!(
            fn inner(x: u8) -> u8 {
                x
            }
        ),
    );
    // The impl names the function by its bare name: valid wherever the function is.
    assert_contains(
        &out,
        &["impl inner::MakeDef {", "let result = inner(arg_0);"],
    );
}

#[cfg(feature = "experimental-async")]
#[test]
fn async_function_returns_a_coroutine() {
    let out = expand(
        quote!(),
        quote! {
            async fn wait(seconds: f64, #[pyo3(cancel_handle)] cancel: CancelHandle) -> u32 { 1 }
        },
    );
    assert_contains(
        &out,
        &[
            "async fn wait(seconds: f64, cancel: CancelHandle) -> u32",
            "positional_parameter_names: &[\"seconds\"]",
            "let __cancel_handle = ::pyo3::coroutine::CancelHandle::new();",
            "let __throw_callback = __cancel_handle.throw_callback();",
            "::pyo3::impl_::coroutine::new_coroutine(",
            "\"wait\",",
            "::core::option::Option::Some(__throw_callback),",
            "async move { wait(arg_0, __cancel_handle).await },",
        ],
    );
}
