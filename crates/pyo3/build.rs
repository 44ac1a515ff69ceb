//! Build script of `pyo3`: the Python cfgs, whether the `nightly` feature can work, and a
//! check that `auto-initialize` can work with the configured interpreter.

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

    // `limited_api_only`: this crate may rely on the limited API alone. Set for abi3 builds,
    // and for PyPy and GraalPy, whose emulations of the C API implement the limited API
    // but not CPython's object layouts, which the full-API fast paths read directly.
    println!("cargo:rustc-check-cfg=cfg(limited_api_only)");
    if config.abi3 || config.implementation.is_pypy() || config.implementation.is_graalpy() {
        println!("cargo:rustc-cfg=limited_api_only");
    }

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

    // `nightly` turns `Ungil` into an auto trait, which only a nightly compiler accepts;
    // on any other, `marker.rs` stops the build with a message saying so.
    println!("cargo:rustc-check-cfg=cfg(pyo3_nightly_toolchain)");
    if feature("NIGHTLY") && rustc_is_nightly() {
        println!("cargo:rustc-cfg=pyo3_nightly_toolchain");
    }

    // For pyo3's own tests and examples; embedding binaries elsewhere get the right
    // libpython through pyo3-ffi's link lines.
    if !extension_module {
        pyo3_build_config::add_libpython_rpath_link_args();
    }
}

/// Whether the compiler cargo uses is a nightly (or locally built) one, from the release
/// line of `rustc -vV` (`release: 1.93.0-nightly`).
fn rustc_is_nightly() -> bool {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let Ok(output) = std::process::Command::new(rustc).arg("-vV").output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("release: "))
        .is_some_and(|release| release.contains("-nightly") || release.contains("-dev"))
}
