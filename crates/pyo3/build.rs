//! Build script of `pyo3`: the Python cfgs, and a check that `auto-initialize` can
//! work with the configured interpreter.

fn main() {
    pyo3_build_config::print_expected_cfgs();
    let config = match pyo3_build_config::resolved() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    config.emit_pyo3_cfgs();

    let feature = |name: &str| std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some();
    let extension_module =
        feature("EXTENSION_MODULE") || std::env::var_os("PYO3_BUILD_EXTENSION_MODULE").is_some();
    if feature("AUTO_INITIALIZE") && !extension_module && !config.shared {
        eprintln!(
            "error: the `auto-initialize` feature is enabled, but the Python interpreter{} \
             has no shared libpython (its configuration says shared=false), so it cannot be \
             started from a Rust program this way.\n\
             help: use an interpreter built with `--enable-shared` (set PYO3_PYTHON to it; \
             with pyenv: PYTHON_CONFIGURE_OPTS=--enable-shared pyenv install <version>), \
             or disable `auto-initialize` and start Python yourself",
            config
                .executable
                .as_deref()
                .map(|e| format!(" {e}"))
                .unwrap_or_default()
        );
        std::process::exit(1);
    }

    // For pyo3's own tests and examples; embedding binaries elsewhere get the right
    // libpython through pyo3-ffi's link lines.
    if !extension_module {
        pyo3_build_config::add_libpython_rpath_link_args();
    }
}
