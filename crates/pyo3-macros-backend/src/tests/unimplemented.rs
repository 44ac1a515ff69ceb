//! The macros of later steps: one clear error, item kept, helper attributes removed.

use super::error_messages;
use crate::diagnostics;
use quote::quote;

#[test]
fn pyclass_reports_and_keeps_the_item() {
    let out = crate::pyclass(
        quote!(),
        quote!(
            struct Point {
                #[pyo3(get)]
                x: i32,
            }
        ),
    );
    let text = out.to_string();
    assert!(text.contains("struct Point { x : i32"), "{text}");
    assert!(!text.contains("# [pyo3"), "{text}");
    assert_eq!(
        error_messages(out),
        [diagnostics::attribute_not_implemented("pyclass")]
    );
}

#[test]
fn pymethods_strips_method_helpers() {
    let out = crate::pymethods(
        quote!(),
        quote! {
            impl Point {
                #[new]
                #[pyo3(signature = (x))]
                fn new(#[pyo3(from_py_with = f)] x: i32) -> Self { Point { x } }
                #[getter]
                fn x(&self) -> i32 { self.x }
            }
        },
    );
    let text = out.to_string();
    assert!(
        !text.contains("# [new]") && !text.contains("pyo3") && !text.contains("getter"),
        "{text}"
    );
    assert_eq!(
        error_messages(out),
        [diagnostics::attribute_not_implemented("pymethods")]
    );
}
