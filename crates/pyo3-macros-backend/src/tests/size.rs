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
