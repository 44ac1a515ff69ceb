//! Custom keywords of the option syntax (`crate` is Rust's own keyword, `Token![crate]`).

syn::custom_keyword!(name);
syn::custom_keyword!(text_signature);
syn::custom_keyword!(signature);
syn::custom_keyword!(pass_module);
syn::custom_keyword!(submodule);
syn::custom_keyword!(module);
syn::custom_keyword!(gil_used);
syn::custom_keyword!(from_py_with);
syn::custom_keyword!(None);
