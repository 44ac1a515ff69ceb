//! Expansion tests: a `quote!` input goes through a macro's expansion, the output is
//! pretty-printed, and the tests assert on what it contains. No compiler or interpreter is
//! involved; compile-fail behaviour is covered by the UI tests in `ui-pending/`.

mod derive;
mod errors;
mod pyclass;
mod pyfunction;
mod pymodule;
mod size;

use proc_macro2::TokenStream;

/// Pretty-prints generated code so assertions read like the code a user would see.
fn pretty(tokens: TokenStream) -> String {
    let file: syn::File = syn::parse2(tokens.clone())
        .unwrap_or_else(|error| panic!("generated code does not parse: {error}\n{tokens}"));
    prettyplease::unparse(&file)
}

/// The messages of every `compile_error!` in `tokens`.
fn error_messages(tokens: TokenStream) -> Vec<String> {
    let file: syn::File = syn::parse2(tokens).expect("output parses");
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(call)
                if call
                    .mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "compile_error") =>
            {
                let message: syn::LitStr = call.mac.parse_body().expect("a string literal");
                Some(message.value())
            }
            _ => None,
        })
        .collect()
}

/// Asserts that `haystack` contains each of `needles`, ignoring whitespace (so line breaks
/// chosen by the pretty-printer do not matter), and shows the whole text if not.
#[track_caller]
fn assert_contains(haystack: &str, needles: &[&str]) {
    let squeeze = |text: &str| text.split_whitespace().collect::<String>();
    let squeezed = squeeze(haystack);
    for needle in needles {
        assert!(
            squeezed.contains(&squeeze(needle)),
            "expected to find\n    {needle}\nin\n{haystack}"
        );
    }
}
