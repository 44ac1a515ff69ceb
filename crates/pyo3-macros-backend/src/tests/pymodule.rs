//! `#[pymodule]` expansions that succeed, in both forms.

use super::{assert_contains, pretty};
use quote::quote;

fn expand(attr: proc_macro2::TokenStream, item: proc_macro2::TokenStream) -> String {
    pretty(crate::pymodule(attr, item))
}

#[test]
fn function_form() {
    let out = expand(
        quote!(),
        quote! {
            /// A Python module implemented in Rust.
            fn string_sum(m: &Bound<'_, PyModule>) -> PyResult<()> {
                m.add_function(wrap_pyfunction!(sum_as_string, m)?)
            }
        },
    );
    assert_contains(
        &out,
        &[
            "fn string_sum(m: &Bound<'_, PyModule>) -> PyResult<()>",
            "mod string_sum {",
            "pub static _PYO3_DEF: ::pyo3::impl_::pymodule::ModuleDef = MakeDef::make_def();",
            "#[unsafe(no_mangle)]",
            "pub unsafe extern \"C\" fn PyInit_string_sum() -> *mut ::pyo3::ffi::PyObject",
            "unsafe { ::pyo3::impl_::trampoline::module_init(&_PYO3_DEF) }",
            "impl string_sum::MakeDef {",
            "const fn make_def() -> ::pyo3::impl_::pymodule::ModuleDef",
            "fn __pyo3_init(\n            module: &::pyo3::Bound<'_, ::pyo3::types::PyModule>,\n        ) -> ::pyo3::PyResult<()> {\n            string_sum(module)\n        }",
            "::pyo3::impl_::pymodule::ModuleDef::new(\n            c\"string_sum\",\n            c\"A Python module implemented in Rust.\",\n            __pyo3_init,\n        )",
        ],
    ); // PyO3's default, gil_used = true, is the runtime's default too: nothing to emit.
    assert!(!out.contains("gil_used"), "{out}");
}

#[test]
fn function_form_with_python_token_name_and_submodule() {
    let out = expand(
        quote!(name = "renamed"),
        quote! {
            #[pyo3(submodule, gil_used = false, module = "pkg")]
            pub fn original(py: Python<'_>, m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
        },
    );
    assert_contains(
        &out,
        &[
            "pub mod original {",
            "original(module.py(), module)",
            "c\"renamed\"",
            "c\"\"",
        ],
    );
    assert!(
        !out.contains("PyInit"),
        "a submodule has no init symbol:\n{out}"
    );
    assert!(
        out.contains(".gil_used(false)"),
        "gil_used = false reaches the runtime:\n{out}"
    );
}

#[test]
fn init_symbol_follows_the_python_name() {
    let out = expand(
        quote!(),
        quote! {
            #[pyo3(name = "_native")]
            fn native(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }
        },
    );
    assert_contains(&out, &["fn PyInit__native()"]);
}

#[test]
fn declarative_form() {
    let out = expand(
        quote!(),
        quote! {
            /// Module docs.
            mod string_sum {
                use pyo3::prelude::*;

                /// Adds.
                #[pyfunction]
                fn sum_as_string(a: usize, b: usize) -> PyResult<String> { Ok((a + b).to_string()) }

                #[pymodule_export]
                use super::{other_fn, nested::{a as renamed_a}};

                #[cfg(feature = "extra")]
                #[pymodule]
                mod inner {}

                #[pymodule]
                fn inner_fn(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

                #[pyclass]
                struct Counter;

                #[pymodule_init]
                fn init(m: &Bound<'_, PyModule>) -> PyResult<()> { Ok(()) }

                fn helper() {}
            }
        },
    );
    assert_contains(
        &out,
        &[
            "pub static _PYO3_DEF: ::pyo3::impl_::pymodule::ModuleDef = ::pyo3::impl_::pymodule::ModuleDef::new(\n        c\"string_sum\",\n        c\"Module docs.\",\n        __pyo3_pymodule,\n    );",
            "fn __pyo3_pymodule(\n        module: &::pyo3::Bound<'_, ::pyo3::types::PyModule>,\n    ) -> ::pyo3::PyResult<()> {\n        use ::pyo3::impl_::pymodule::PyAddToModule as _;\n        sum_as_string::_PYO3_DEF.add_to_module(module)?;\n        other_fn::_PYO3_DEF.add_to_module(module)?;\n        renamed_a::_PYO3_DEF.add_to_module(module)?;\n        #[cfg(feature = \"extra\")] inner::_PYO3_DEF.add_to_module(module)?;\n        inner_fn::_PYO3_DEF.add_to_module(module)?;\n        Counter::_PYO3_DEF.add_to_module(module)?;\n        init(module)?;\n        ::core::result::Result::Ok(())\n    }",
            "pub unsafe extern \"C\" fn PyInit_string_sum()",
            "#[pymodule]\n    #[pyo3(submodule)]\n    mod inner {}",
            "#[pymodule]\n    #[pyo3(submodule)]\n    fn inner_fn",
        ],
    );
    assert!(!out.contains("pymodule_export"), "{out}");
    assert!(!out.contains("pymodule_init"), "{out}");
}

#[test]
fn declarative_form_passes_the_crate_path_down() {
    let out = expand(
        quote!(crate = "dep::pyo3"),
        quote! {
            mod m {
                #[pyfunction]
                fn f() {}
                #[pyfunction(crate = "other::pyo3")]
                fn g() {}
            }
        },
    );
    assert_contains(
        &out,
        &[
            "#[pyfunction]\n    #[pyo3(crate = \"dep :: pyo3\")]\n    fn f() {}",
            "#[pyfunction(crate = \"other::pyo3\")]\n    fn g() {}",
            "dep::pyo3::impl_::pymodule::ModuleDef::new",
        ],
    );
}
