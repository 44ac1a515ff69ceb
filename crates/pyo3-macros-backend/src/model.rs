//! Front end, step two: plain, validated descriptions of what the user asked for.
//!
//! Each model is built from the parsed item, reporting every problem it finds to `Errors`
//! and stripping the helper attributes it consumed. Models keep spans for later messages but
//! hold plain data (strings, flags) wherever the emitter needs no `syn` tree.

pub(crate) mod class;
pub(crate) mod derive;
pub(crate) mod doc;
pub(crate) mod function;
pub(crate) mod method;
pub(crate) mod module;
pub(crate) mod options;
pub(crate) mod signature;

/// Whether `name` can name a Python object (an approximation of Python's `str.isidentifier`
/// that accepts the same ASCII names and most Unicode ones).
pub(crate) fn is_python_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first == '_' || first.is_alphabetic() => {
            chars.all(|c| c == '_' || c.is_alphanumeric())
        }
        _ => false,
    }
}

/// The Python spelling of a Rust identifier: without the `r#` of raw identifiers.
pub(crate) fn python_name_of(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(unraw) => unraw.to_owned(),
        None => name,
    }
}
