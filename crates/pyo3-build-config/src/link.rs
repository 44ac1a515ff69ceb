//! What `pyo3-ffi`'s build script prints: cfgs, how to link libpython (through an
//! import stub where that is needed, see `stub.rs`), the user's extra lines, and the
//! configuration as `links` metadata for dependents' build scripts.

use std::path::{Path, PathBuf};

use crate::config::InterpreterConfig;
use crate::errors::{Error, Result};
use crate::resolve::ENV_VARS;
use crate::stub;

/// What the build script knows about the build, from cargo's variables.
#[derive(Debug, Clone)]
pub(crate) struct BuildContext {
    pub(crate) target_os: String,
    /// Host and target are the same (no cross-compilation).
    pub(crate) native: bool,
    pub(crate) extension_module: bool,
    pub(crate) out_dir: PathBuf,
    pub(crate) cc: Vec<String>,
}

impl BuildContext {
    fn from_cargo_env() -> Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let out_dir = var("OUT_DIR")
            .ok_or_else(|| Error::new("OUT_DIR is not set: this must run from a build script"))?;
        Ok(BuildContext {
            target_os: var("CARGO_CFG_TARGET_OS").unwrap_or_default(),
            native: var("TARGET") == var("HOST"),
            extension_module: std::env::var_os("PYO3_BUILD_EXTENSION_MODULE").is_some()
                || std::env::var_os("CARGO_FEATURE_EXTENSION_MODULE").is_some(),
            out_dir: PathBuf::from(out_dir),
            cc: var("CC")
                .unwrap_or_else(|| "cc".to_owned())
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        })
    }
}

/// The build-script output for linking libpython, and warnings to show.
#[derive(Debug, Default)]
pub(crate) struct LinkPlan {
    pub(crate) lines: Vec<String>,
    pub(crate) warnings: Vec<String>,
}

/// The whole of `pyo3-ffi`'s build script.
pub(crate) fn ffi_build() -> Result<()> {
    // A failed build script always runs again, so these are only needed on success;
    // printed after the checks, they stay out of the way of an error message.
    let config = crate::resolved()?;
    for var in ENV_VARS.iter().chain(&["CC"]) {
        println!("cargo:rerun-if-env-changed={var}");
    }
    if std::env::var_os("PYO3_PRINT_CONFIG").is_some_and(|v| v == "1") {
        return Err(Error::new(format!(
            "PYO3_PRINT_CONFIG=1 is set: here is the configuration, and the build stops.\n\n{}",
            config.to_text()?
        )));
    }
    check_pointer_width(config)?;
    let context = BuildContext::from_cargo_env()?;

    config.emit_pyo3_cfgs();
    crate::print_expected_cfgs();

    let needs_link = !context.extension_module || context.target_os == "windows";
    if needs_link && !config.suppress_build_script_link_lines {
        let plan = link_plan(config, &context);
        for line in plan.lines {
            println!("{line}");
        }
        for warning in plan.warnings {
            for line in warning.lines() {
                println!("cargo:warning={line}");
            }
        }
    }
    for line in &config.extra_build_script_lines {
        println!("{line}");
    }
    println!("cargo:PYO3_CONFIG={}", hex(config.to_text()?.as_bytes()));
    Ok(())
}

/// An interpreter of one pointer width cannot be linked into a target of another.
fn check_pointer_width(config: &InterpreterConfig) -> Result<()> {
    let target = std::env::var("CARGO_CFG_TARGET_POINTER_WIDTH")
        .ok()
        .and_then(|w| w.parse::<u32>().ok());
    match (config.pointer_width, target) {
        (Some(python), Some(target)) if python != target => Err(Error::new(format!(
            "the Python interpreter{} is {python}-bit, but the build target is {target}-bit.\n\
             help: set PYO3_PYTHON to a {target}-bit interpreter",
            config
                .executable
                .as_deref()
                .map(|e| format!(" {e}"))
                .unwrap_or_default()
        ))),
        _ => Ok(()),
    }
}

/// How to link the configured libpython into an embedding binary.
pub(crate) fn link_plan(config: &InterpreterConfig, context: &BuildContext) -> LinkPlan {
    let mut plan = LinkPlan::default();
    let Some(lib_name) = config.lib_name.as_deref() else {
        plan.warnings.push(
            "pyo3-ffi: the Python configuration names no library to link (lib_name), so \
             libpython is not linked; an embedding binary will fail to link.\n\
             Set PYO3_PYTHON to an interpreter, or give lib_name and lib_dir in PYO3_CONFIG_FILE."
                .to_owned(),
        );
        return plan;
    };
    let lib_dir = config.lib_dir.as_deref().map(Path::new);

    let wants_stub = config.shared
        && context.native
        && context.target_os == "linux"
        && lib_dir.is_some_and(|dir| dir.is_absolute() && !is_default_library_dir(dir));
    if let (true, Some(dir)) = (wants_stub, lib_dir) {
        match stub::build_import_stub(dir, lib_name, &context.out_dir, &context.cc) {
            Ok(stub) => {
                plan.lines.push(format!(
                    "cargo:rustc-link-search=native={}",
                    stub.dir.display()
                ));
                plan.lines.push(format!("cargo:rustc-link-lib={lib_name}"));
                plan.lines
                    .push(format!("cargo:rerun-if-changed={}", stub.target.display()));
                return plan;
            }
            Err(e) => plan.warnings.push(format!(
                "pyo3-ffi: could not generate an import stub for lib{lib_name}.so ({e}).\n\
                 Linking {} directly: at run time the loader may pick another libpython of \
                 the same version from the system directories.\n\
                 Set LD_LIBRARY_PATH={} when running, or call \
                 pyo3_build_config::add_libpython_rpath_link_args() in your build script.",
                dir.display(),
                dir.display()
            )),
        }
    }
    if let Some(dir) = lib_dir {
        plan.lines
            .push(format!("cargo:rustc-link-search=native={}", dir.display()));
    }
    plan.lines.push(format!("cargo:rustc-link-lib={lib_name}"));
    plan
}

/// Directories the linker and the loader search anyway: a library there is the one
/// the loader finds by soname, so it needs no stub.
fn is_default_library_dir(dir: &Path) -> bool {
    let is_default = |dir: &Path| {
        let roots = ["/lib", "/usr/lib", "/lib64", "/usr/lib64"];
        roots.iter().any(|root| dir == Path::new(root))
            || dir.parent().is_some_and(|parent| {
                roots.iter().any(|root| parent == Path::new(root))
                    && dir
                        .file_name()
                        .is_some_and(|name| name.to_string_lossy().contains("-linux-"))
            })
    };
    is_default(dir) || std::fs::canonicalize(dir).is_ok_and(|real| is_default(&real))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    text.trim()
        .as_bytes()
        .chunks(2)
        .map(|pair| {
            let pair = std::str::from_utf8(pair).ok().filter(|p| p.len() == 2)?;
            u8::from_str_radix(pair, 16).ok()
        })
        .collect()
}

impl InterpreterConfig {
    /// In the build script of a crate that depends on `pyo3-ffi`: the configuration
    /// `pyo3-ffi` was built with, from the `DEP_PYTHON_PYO3_CONFIG` variable cargo
    /// sets. `None` when the variable is absent.
    #[doc(hidden)]
    pub fn from_cargo_dep_env() -> Option<Result<Self>> {
        let text = std::env::var("DEP_PYTHON_PYO3_CONFIG").ok()?;
        Some(
            unhex(&text)
                .ok_or_else(|| Error::new("DEP_PYTHON_PYO3_CONFIG is not valid hex"))
                .and_then(|bytes| Self::from_reader(&bytes[..])),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PythonVersion;

    fn context(extension_module: bool) -> BuildContext {
        BuildContext {
            target_os: "linux".into(),
            native: true,
            extension_module,
            out_dir: std::env::temp_dir(),
            cc: vec!["cc".into()],
        }
    }

    #[test]
    fn hex_round_trip() {
        let text = "version=3.11\nlib_dir=/a b/ü\n";
        assert_eq!(unhex(&hex(text.as_bytes())).unwrap(), text.as_bytes());
        assert!(unhex("abc").is_none());
        assert!(unhex("zz").is_none());
    }

    #[test]
    fn default_dirs() {
        assert!(is_default_library_dir(Path::new("/usr/lib")));
        assert!(is_default_library_dir(Path::new(
            "/usr/lib/x86_64-linux-gnu"
        )));
        assert!(!is_default_library_dir(Path::new(
            "/root/.pyenv/versions/3.11.7/lib"
        )));
        assert!(!is_default_library_dir(Path::new("/usr/lib/python3.11")));
    }

    #[test]
    fn system_library_is_linked_plainly() {
        let mut config = InterpreterConfig::for_version(PythonVersion::PY311);
        config.lib_name = Some("python3.11".into());
        config.lib_dir = Some("/usr/lib/x86_64-linux-gnu".into());
        let plan = link_plan(&config, &context(false));
        assert_eq!(
            plan.lines,
            [
                "cargo:rustc-link-search=native=/usr/lib/x86_64-linux-gnu",
                "cargo:rustc-link-lib=python3.11"
            ]
        );
        assert!(plan.warnings.is_empty());
    }

    #[test]
    fn failed_stub_falls_back_with_a_warning() {
        let mut config = InterpreterConfig::for_version(PythonVersion::PY311);
        config.lib_name = Some("python3.11".into());
        config.lib_dir = Some("/nonexistent/python/lib".into());
        let plan = link_plan(&config, &context(false));
        assert_eq!(
            plan.lines,
            [
                "cargo:rustc-link-search=native=/nonexistent/python/lib",
                "cargo:rustc-link-lib=python3.11"
            ]
        );
        assert!(plan.warnings[0].contains("LD_LIBRARY_PATH"));
    }

    #[test]
    fn no_library_name_warns() {
        let config = InterpreterConfig::for_version(PythonVersion::PY39);
        let plan = link_plan(&config, &context(false));
        assert!(plan.lines.is_empty());
        assert!(plan.warnings[0].contains("lib_name"));
    }
}
