//! Compile-fail tests: each macro misuse gives a message pointing at the user's code.
//! See `tests/ui/README.md`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    for dir in ["pyfunction", "pymodule", "pyclass", "pymethods", "derive"] {
        t.compile_fail(format!("tests/ui/{dir}/*.rs"));
    }
}
