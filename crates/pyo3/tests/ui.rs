//! Compile-fail tests: each macro misuse gives a message pointing at the user's code.
//! See `tests/ui/README.md`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    // On a nightly toolchain with the `nightly` feature, `Ungil` is an auto trait: only
    // its own tests run (their expected output is nightly's).
    if cfg!(all(feature = "nightly", pyo3_nightly_toolchain)) {
        t.compile_fail("tests/ui/nightly/*.rs");
        t.pass("tests/ui/nightly_pass/*.rs");
        return;
    }
    // With `experimental-async`, `Coroutine` is a `#[pyclass]` of pyo3 itself, and rustc
    // names it in the "trait is implemented for" hints of unrelated mistakes: the other
    // folders' expected output is for the default features, so only `async/` runs then.
    if cfg!(feature = "experimental-async") {
        t.compile_fail("tests/ui/async/*.rs");
        return;
    }
    for dir in ["pyfunction", "pymodule", "pyclass", "pymethods", "derive"] {
        t.compile_fail(format!("tests/ui/{dir}/*.rs"));
    }
    // Without the feature, `async fn` is refused.
    t.compile_fail("tests/ui/async_disabled/*.rs");
}
