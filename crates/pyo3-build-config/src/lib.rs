//! Build-time knowledge of the Python installation: which interpreter, which
//! version and ABI, how to link libpython, and which `--cfg`s dependents see.
//!
//! The interpreter is found once, by this crate's own build script, which stores the
//! result in `OUT_DIR`; [`get`] returns it. Every build script that depends on this
//! crate therefore sees the same configuration without running Python again.
//!
//! Where the configuration comes from, in order of precedence:
//!
//! 1. `PYO3_CONFIG_FILE`: an absolute path to a `key=value` file (see
//!    [`InterpreterConfig::from_reader`]), as maturin writes for cross builds;
//! 2. `PYO3_CROSS_LIB_DIR`, `PYO3_CROSS_PYTHON_VERSION`,
//!    `PYO3_CROSS_PYTHON_IMPLEMENTATION` (or `PYO3_CROSS=1`): built from the variables;
//! 3. `PYO3_NO_PYTHON` with an `abi3-py3X` feature: no interpreter, the abi3 minimum;
//! 4. `PYO3_PYTHON`: that interpreter and no other;
//! 5. otherwise the first usable of `$VIRTUAL_ENV/bin/python`,
//!    `$CONDA_PREFIX/bin/python`, `python3` and `python` on PATH.
//!
//! CPython 3.7 to 3.13 is supported; with an `abi3` feature, or with
//! `PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1`, a newer interpreter builds for the stable
//! ABI of the newest known version. `abi3-py37` ... `abi3-py314` set the oldest version
//! the stable-ABI build must run on. As in PyO3, when no interpreter of 5. is usable
//! (none found, or older than that minimum) and the build does not link libpython (an
//! extension module, not on Windows, AIX or Android), it goes on without one, for the
//! minimum's stable ABI, with a warning.
//!
//! For build scripts that handle cross-compilation themselves, the crate also offers
//! PyO3's helpers: [`cross_compiling_from_to`], [`find_all_sysconfigdata`],
//! [`parse_sysconfigdata`] with [`InterpreterConfig::from_sysconfigdata`], and
//! [`InterpreterConfig::run_python_script`].
//!
//! # Examples
//!
//! A build script of a crate using PyO3's cfgs:
//!
//! ```no_run
//! // build.rs
//! pyo3_build_config::print_expected_cfgs();
//! pyo3_build_config::use_pyo3_cfgs();
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cfgs;
mod config;
mod config_file;
mod cross;
// Discovery itself runs in this crate's build script, which compiles these two
// modules through `#[path]`; the library keeps them for `ENV_VARS` and for their tests.
#[allow(dead_code)]
mod discover;
mod elf;
pub mod errors;
mod link;
mod python_script;
#[allow(dead_code)]
mod resolve;
mod stub;
mod sysconfigdata;

/// Types that PyO3 names under its internal `impl_` module, reachable here under the same
/// path.
pub mod impl_ {
    pub use crate::sysconfigdata::Sysconfigdata;
}

use std::sync::OnceLock;

pub use crate::config::{
    BuildFlag, BuildFlags, InterpreterConfig, PythonImplementation, PythonVersion,
};
pub use crate::cross::{cross_compiling_from_to, find_all_sysconfigdata, CrossCompileConfig};
use crate::errors::{Error, Result};
pub use crate::sysconfigdata::parse_sysconfigdata;
/// A target triple (from `target-lexicon`), the type [`cross_compiling_from_to`] takes.
pub use target_lexicon::Triple;

/// The configuration this crate's build script resolved, as `key=value` text.
const RESOLVED_CONFIG: &str = include_str!(concat!(env!("OUT_DIR"), "/interpreter-config.txt"));
/// Why resolution failed, or empty when it succeeded.
const RESOLVE_ERROR: &str = include_str!(concat!(env!("OUT_DIR"), "/resolve-error.txt"));

/// The resolved configuration, or the message explaining why there is none.
#[doc(hidden)]
pub fn resolved() -> Result<&'static InterpreterConfig> {
    static CONFIG: OnceLock<std::result::Result<InterpreterConfig, String>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            if !RESOLVE_ERROR.is_empty() {
                return Err(RESOLVE_ERROR.to_owned());
            }
            InterpreterConfig::from_reader(RESOLVED_CONFIG.as_bytes())
                .map_err(|e| format!("the stored configuration is unreadable: {e}"))
        })
        .as_ref()
        .map_err(|message| Error::new(message.clone()))
}

/// The interpreter configuration resolved when this crate was built.
///
/// # Panics
///
/// Panics, with a message listing what was tried and what to set, if no usable
/// Python installation was found. In a build script that message is what the user sees.
///
/// # Examples
///
/// ```no_run
/// let config = pyo3_build_config::get();
/// println!("building for Python {}", config.version);
/// ```
pub fn get() -> &'static InterpreterConfig {
    match resolved() {
        Ok(config) => config,
        Err(e) => panic!("{e}"),
    }
}

/// Prints `cargo:rustc-cfg` lines for the resolved configuration: `Py_3_7` up to the
/// target version, `Py_LIMITED_API` for abi3, `Py_GIL_DISABLED`, `PyPy`, `GraalPy`; and,
/// first, the [`print_expected_cfgs`] declarations, so that code using them compiles
/// without `unexpected_cfgs` warnings.
///
/// # Panics
///
/// As [`get`].
pub fn use_pyo3_cfgs() {
    print_expected_cfgs();
    get().emit_pyo3_cfgs();
}

/// Prints `cargo:rustc-check-cfg` lines declaring every cfg [`use_pyo3_cfgs`] may set,
/// so that rustc warns about misspelt ones (`Py_3_1O`) but not about these.
pub fn print_expected_cfgs() {
    for line in cfgs::expected_cfg_lines() {
        println!("{line}");
    }
}

/// Prints cfgs describing the Rust toolchain. Every feature this implementation relies
/// on is available at its minimum supported Rust version, so this prints nothing; it
/// exists because build scripts written for PyO3 call it.
pub fn print_feature_cfgs() {}

/// Prints the link arguments an extension module needs for the target being built.
///
/// On macOS, an extension module leaves Python's symbols undefined, to be found in the
/// interpreter that loads it (`-undefined dynamic_lookup`). Elsewhere nothing is needed.
pub fn add_extension_module_link_args() {
    if target_os().as_deref() == Some("macos") {
        println!("cargo:rustc-cdylib-link-arg=-undefined");
        println!("cargo:rustc-cdylib-link-arg=dynamic_lookup");
    }
}

/// Prints `cargo:rustc-link-arg=-Wl,-rpath,<lib_dir>` when the resolved libpython is
/// shared, so that this package's binaries find it at run time.
///
/// Cargo applies the argument to the calling package's own binaries, tests and
/// examples only. On Linux, `pyo3-ffi` already makes embedding binaries load the
/// configured libpython (see its build script), so this is rarely needed there.
///
/// # Panics
///
/// As [`get`].
pub fn add_libpython_rpath_link_args() {
    let config = get();
    if let (true, Some(lib_dir)) = (config.shared, &config.lib_dir) {
        if target_os().as_deref() != Some("windows") {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{lib_dir}");
        }
    }
}

/// On macOS with a framework build of Python, prints an rpath to the framework
/// directory. Does nothing on other systems.
///
/// # Panics
///
/// As [`get`].
pub fn add_python_framework_link_args() {
    if target_os().as_deref() == Some("macos") {
        if let Some(prefix) = &get().python_framework_prefix {
            println!("cargo:rustc-link-arg=-Wl,-rpath,{prefix}");
        }
    }
}

/// The whole of `pyo3-ffi`'s build script: cfgs, libpython link lines, extra lines and
/// `links` metadata. Not for other callers.
///
/// # Errors
///
/// When no usable interpreter was found (the message says what was tried), when
/// `PYO3_PRINT_CONFIG=1` asks to print the configuration and stop, or when the
/// interpreter cannot serve the build target.
#[doc(hidden)]
pub fn pyo3_ffi_build() -> Result<()> {
    link::ffi_build()
}

/// The operating system of the build target, in a build script.
fn target_os() -> Option<String> {
    std::env::var("CARGO_CFG_TARGET_OS").ok()
}
