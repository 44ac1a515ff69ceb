//! Keeps the generated code small: DESIGN.md's first principle, measured in tokens.

use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

fn count_tokens(tokens: TokenStream) -> usize {
    tokens
        .into_iter()
        .map(|tree| match tree {
            TokenTree::Group(group) => 2 + count_tokens(group.stream()),
            _ => 1,
        })
        .sum()
}

#[test]
fn two_argument_pyfunction_stays_small() {
    let item = quote! {
        fn sum_as_string(a: usize, b: usize) -> PyResult<String> { Ok((a + b).to_string()) }
    };
    let generated = count_tokens(crate::pyfunction(quote!(), item.clone())) - count_tokens(item);
    println!("generated tokens for a 2-argument #[pyfunction]: {generated}");
    assert!(generated < 600, "generated code grew to {generated} tokens");
}

#[test]
fn full_signature_pyfunction_stays_small() {
    let attr = quote!(signature = (a, b = 1, /, c = None, *args, d, e = 5, **kwargs));
    let item = quote! {
        fn f(a: i64, b: i64, c: Option<i64>, args: &Bound<'_, PyTuple>, d: bool, e: u8,
             kwargs: Option<&Bound<'_, PyDict>>) {}
    };
    let generated = count_tokens(crate::pyfunction(attr, item.clone())) - count_tokens(item);
    println!("generated tokens for a 7-parameter #[pyfunction] with a full signature: {generated}");
    assert!(
        generated < 1100,
        "generated code grew to {generated} tokens"
    );
}

#[test]
fn pyclass_with_two_properties_stays_small() {
    let item = quote! {
        struct Counter {
            #[pyo3(get, set)]
            count: i64,
            #[pyo3(get)]
            step: i64,
        }
    };
    let stripped = quote! { struct Counter { count: i64, step: i64 } };
    let generated = count_tokens(crate::pyclass(quote!(), item)) - count_tokens(stripped);
    println!("generated tokens for a #[pyclass] with 3 accessors: {generated}");
    // About 900 tokens of impls per class, and about 230 per accessor trampoline.
    assert!(
        generated < 1700,
        "generated code grew to {generated} tokens"
    );
}

#[test]
fn pymethods_method_stays_small() {
    let item = quote! {
        impl Counter {
            fn incr(&mut self, by: i64) -> i64 { self.count += by; self.count }
        }
    };
    let generated = count_tokens(crate::pymethods(quote!(), item.clone())) - count_tokens(item);
    println!("generated tokens for a #[pymethods] block of one method: {generated}");
    assert!(generated < 700, "generated code grew to {generated} tokens");
}
