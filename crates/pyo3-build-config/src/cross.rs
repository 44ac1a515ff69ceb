//! Cross-compilation as PyO3's build-config API presents it to build scripts: detecting
//! that host and target differ ([`cross_compiling_from_to`]), the `PYO3_CROSS_*`
//! variables gathered in a [`CrossCompileConfig`], and finding the target's
//! `_sysconfigdata_*.py` files under `PYO3_CROSS_LIB_DIR` ([`find_all_sysconfigdata`]).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use target_lexicon::{Architecture, OperatingSystem, Triple, Vendor};

use crate::config::{InterpreterConfig, PythonImplementation, PythonVersion};
use crate::errors::{Error, Result};

/// What is known about the target installation of a cross-compiling build: the
/// `PYO3_CROSS_*` variables and the target triple.
#[derive(Debug, PartialEq, Eq)]
pub struct CrossCompileConfig {
    /// The directory holding the target's Python library (`PYO3_CROSS_LIB_DIR`).
    pub lib_dir: Option<PathBuf>,
    /// `PYO3_CROSS_PYTHON_VERSION`, without a trailing `t`.
    version: Option<PythonVersion>,
    /// `PYO3_CROSS_PYTHON_IMPLEMENTATION`.
    implementation: Option<PythonImplementation>,
    /// The target triple.
    target: Triple,
    /// `t` when `PYO3_CROSS_PYTHON_VERSION` names a free-threaded build (e.g. `3.13t`).
    abiflags: Option<String>,
}

/// The `PYO3_CROSS*` variables; an empty value counts as unset, as everywhere in this
/// crate.
struct CrossVars {
    cross: Option<OsString>,
    lib_dir: Option<OsString>,
    version: Option<OsString>,
    implementation: Option<OsString>,
}

impl CrossVars {
    fn from_env() -> Self {
        let in_build_script = std::env::var_os("OUT_DIR").is_some();
        let var = |name: &str| {
            if in_build_script {
                println!("cargo:rerun-if-env-changed={name}");
            }
            std::env::var_os(name).filter(|v| !v.is_empty())
        };
        CrossVars {
            cross: var("PYO3_CROSS"),
            lib_dir: var("PYO3_CROSS_LIB_DIR"),
            version: var("PYO3_CROSS_PYTHON_VERSION"),
            implementation: var("PYO3_CROSS_PYTHON_IMPLEMENTATION"),
        }
    }

    fn any(&self) -> bool {
        self.cross.is_some()
            || self.lib_dir.is_some()
            || self.version.is_some()
            || self.implementation.is_some()
    }

    fn utf8<'a>(value: &'a OsString, name: &str) -> Result<&'a str> {
        value
            .to_str()
            .ok_or_else(|| Error::new(format!("{name} is not a valid UTF-8 string")))
    }

    fn into_config(self, target: &Triple) -> Result<CrossCompileConfig> {
        let lib_dir = match &self.lib_dir {
            Some(dir) => Some(PathBuf::from(Self::utf8(dir, "PYO3_CROSS_LIB_DIR")?)),
            None => None,
        };
        let (version, abiflags) = match &self.version {
            Some(value) => {
                let text = Self::utf8(value, "PYO3_CROSS_PYTHON_VERSION")?;
                let (text, abiflags) = match text.strip_suffix('t') {
                    Some(text) => (text, Some("t".to_owned())),
                    None => (text, None),
                };
                let version = text.parse::<PythonVersion>().map_err(|e| {
                    Error::with_source("failed to parse PYO3_CROSS_PYTHON_VERSION", e)
                })?;
                (Some(version), abiflags)
            }
            None => (None, None),
        };
        let implementation = match &self.implementation {
            Some(value) => Some(
                Self::utf8(value, "PYO3_CROSS_PYTHON_IMPLEMENTATION")?
                    .parse::<PythonImplementation>()
                    .map_err(|e| {
                        Error::with_source("failed to parse PYO3_CROSS_PYTHON_IMPLEMENTATION", e)
                    })?,
            ),
            None => None,
        };
        Ok(CrossCompileConfig {
            lib_dir,
            version,
            implementation,
            target: target.clone(),
            abiflags,
        })
    }
}

/// Whether a build on `host` for `target` is a real cross-compilation, one where the
/// target's interpreter cannot run on the host. Same architecture, vendor and OS is not
/// (a musl target on a gnu host runs); neither is 32-bit x86 Windows from 64-bit x86
/// Windows, nor one macOS architecture from the other.
fn is_cross_compiling(host: &Triple, target: &Triple) -> bool {
    let same_vendor = host.vendor == target.vendor
        || (host.vendor == Vendor::Pc && target.vendor.as_str() == "win7");
    let mut compatible = host.architecture == target.architecture
        && same_vendor
        && host.operating_system == target.operating_system;
    compatible |= target.operating_system == OperatingSystem::Windows
        && host.operating_system == OperatingSystem::Windows
        && matches!(target.architecture, Architecture::X86_32(_))
        && host.architecture == Architecture::X86_64;
    compatible |= matches!(target.operating_system, OperatingSystem::Darwin(_))
        && matches!(host.operating_system, OperatingSystem::Darwin(_));
    !compatible
}

/// Detects cross-compilation from `host` to `target` and gathers what is known about
/// the target installation.
///
/// Returns `Some` when any of `PYO3_CROSS`, `PYO3_CROSS_LIB_DIR`,
/// `PYO3_CROSS_PYTHON_VERSION` or `PYO3_CROSS_PYTHON_IMPLEMENTATION` is set (to a
/// non-empty value), or when the host cannot run the target's interpreter; `None`
/// otherwise. In a build script, it asks cargo to re-run when those variables change.
///
/// # Errors
///
/// When a variable is not UTF-8, or the version or implementation does not parse.
///
/// # Examples
///
/// ```
/// use pyo3_build_config::{cross_compiling_from_to, Triple};
///
/// let host: Triple = "x86_64-unknown-linux-gnu".parse().unwrap();
/// let arm: Triple = "aarch64-unknown-linux-gnu".parse().unwrap();
/// # if std::env::var_os("PYO3_CROSS").is_none() && std::env::var_os("PYO3_CROSS_LIB_DIR").is_none()
/// #     && std::env::var_os("PYO3_CROSS_PYTHON_VERSION").is_none()
/// #     && std::env::var_os("PYO3_CROSS_PYTHON_IMPLEMENTATION").is_none() {
/// assert!(cross_compiling_from_to(&host, &arm)?.is_some());
/// assert!(cross_compiling_from_to(&host, &host)?.is_none());
/// # }
/// # Ok::<(), pyo3_build_config::errors::Error>(())
/// ```
pub fn cross_compiling_from_to(
    host: &Triple,
    target: &Triple,
) -> Result<Option<CrossCompileConfig>> {
    let vars = CrossVars::from_env();
    if vars.any() || is_cross_compiling(host, target) {
        vars.into_config(target).map(Some)
    } else {
        Ok(None)
    }
}

/// Finds the `_sysconfigdata_*.py` files under the cross-compilation library directory
/// (`lib_dir`), for the target's version and architecture.
///
/// The search descends into `lib` and `build` directories, `lib.<os>-<arch>-...`
/// directories built for the target, and `python3.X` (`pypy3.X`, `lib_pypy`,
/// `graalpy...`, `lib_graalpython`) directories, of the cross version when it is known.
/// When several files match, those whose path names the target architecture are
/// preferred. With `_PYTHON_SYSCONFIGDATA_NAME` set, only the file of that name (without
/// `.py`) is kept. Paths are canonical, sorted and without duplicates; without `lib_dir`
/// the list is empty.
///
/// # Errors
///
/// When a directory of the search cannot be listed.
pub fn find_all_sysconfigdata(cross: &CrossCompileConfig) -> Result<Vec<PathBuf>> {
    let Some(lib_dir) = &cross.lib_dir else {
        return Ok(Vec::new());
    };
    let found = search_lib_dir(lib_dir, cross).map_err(|e| {
        Error::with_source(
            format!(
                "failed to search the lib dir at 'PYO3_CROSS_LIB_DIR={}'",
                lib_dir.display()
            ),
            e,
        )
    })?;
    let wanted_stem = std::env::var_os("_PYTHON_SYSCONFIGDATA_NAME").filter(|v| !v.is_empty());
    let mut paths: Vec<PathBuf> = found
        .iter()
        .filter_map(|path| std::fs::canonicalize(path).ok())
        .filter(|path| match &wanted_stem {
            Some(stem) => path.file_stem() == Some(stem.as_os_str()),
            None => true,
        })
        .collect();
    paths.sort();
    paths.dedup();
    Ok(paths)
}

fn version_dir_matches(name: &str, prefix: &str, version: Option<PythonVersion>) -> bool {
    match version {
        Some(version) => name.starts_with(&format!("{prefix}{version}")),
        None => name.starts_with(&format!("{prefix}3.")),
    }
}

fn search_lib_dir(dir: &Path, cross: &CrossCompileConfig) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Error::with_source(
            format!("failed to list the entries in '{}'", dir.display()),
            e,
        )
    })?;
    let os = cross.target.operating_system.to_string();
    let arch = cross.target.architecture.to_string();
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("_sysconfigdata_") && name.ends_with("py") {
            found.push(entry.path());
            continue;
        }
        if !entry.path().is_dir() {
            continue;
        }
        let descend = if name == "build" || name == "lib" {
            true
        } else if name.starts_with("lib.") {
            name.contains(&os) && name.contains(&arch)
        } else {
            version_dir_matches(&name, "python", cross.version)
                || name == "lib_pypy"
                || version_dir_matches(&name, "pypy", cross.version)
                || name == "lib_graalpython"
                || match cross.version {
                    Some(version) => name.starts_with(&format!("graalpy{version}")),
                    None => name.starts_with("graalpy2"),
                }
        };
        if descend {
            found.extend(search_lib_dir(&entry.path(), cross)?);
        }
    }
    if found.len() > 1 {
        let for_arch: Vec<PathBuf> = found
            .iter()
            .filter(|path| path.to_string_lossy().contains(&arch))
            .cloned()
            .collect();
        if !for_arch.is_empty() {
            found = for_arch;
        }
    }
    Ok(found)
}

impl InterpreterConfig {
    /// Generates Windows import libraries for the configured Python, as PyO3 does with its
    /// `generate-import-lib` feature. This crate does not generate them (the feature is
    /// accepted by `pyo3-ffi` but has no effect), so this does nothing and succeeds: off
    /// Windows there is nothing to generate, on Windows `lib_dir` must name a directory
    /// holding `python3X.lib`.
    ///
    /// # Errors
    ///
    /// None at present; the `Result` is PyO3's signature.
    pub fn generate_import_libs(&mut self) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triple(s: &str) -> Triple {
        s.parse().unwrap()
    }

    #[test]
    fn which_host_target_pairs_are_cross() {
        let cross = |h: &str, t: &str| is_cross_compiling(&triple(h), &triple(t));
        assert!(!cross(
            "x86_64-unknown-linux-gnu",
            "x86_64-unknown-linux-gnu"
        ));
        assert!(!cross(
            "x86_64-unknown-linux-gnu",
            "x86_64-unknown-linux-musl"
        ));
        assert!(cross(
            "x86_64-unknown-linux-gnu",
            "aarch64-unknown-linux-gnu"
        ));
        assert!(cross("x86_64-unknown-linux-gnu", "x86_64-pc-windows-msvc"));
        assert!(!cross("x86_64-pc-windows-msvc", "i686-pc-windows-msvc"));
        assert!(!cross("x86_64-pc-windows-msvc", "x86_64-win7-windows-msvc"));
        assert!(cross("i686-pc-windows-msvc", "x86_64-pc-windows-msvc"));
        assert!(!cross("aarch64-apple-darwin", "x86_64-apple-darwin"));
    }

    fn vars(pairs: &[(&str, &str)]) -> CrossVars {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| OsString::from(v))
        };
        CrossVars {
            cross: get("PYO3_CROSS"),
            lib_dir: get("PYO3_CROSS_LIB_DIR"),
            version: get("PYO3_CROSS_PYTHON_VERSION"),
            implementation: get("PYO3_CROSS_PYTHON_IMPLEMENTATION"),
        }
    }

    #[test]
    fn config_from_cross_variables() {
        let target = triple("aarch64-unknown-linux-gnu");
        let config = vars(&[
            ("PYO3_CROSS_LIB_DIR", "/sysroot/usr/lib"),
            ("PYO3_CROSS_PYTHON_VERSION", "3.13t"),
            ("PYO3_CROSS_PYTHON_IMPLEMENTATION", "CPython"),
        ])
        .into_config(&target)
        .unwrap();
        assert_eq!(config.lib_dir, Some(PathBuf::from("/sysroot/usr/lib")));
        assert_eq!(config.version, Some(PythonVersion::PY313));
        assert_eq!(config.abiflags.as_deref(), Some("t"));
        assert_eq!(config.implementation, Some(PythonImplementation::CPython));
        assert_eq!(config.target, target);

        assert!(vars(&[("PYO3_CROSS", "1")]).any());
        assert!(!vars(&[]).any());
        let err = vars(&[("PYO3_CROSS_PYTHON_VERSION", "3.x")])
            .into_config(&target)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("failed to parse PYO3_CROSS_PYTHON_VERSION"),
            "{err}"
        );
        let err = vars(&[("PYO3_CROSS_PYTHON_IMPLEMENTATION", "Jython")])
            .into_config(&target)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("failed to parse PYO3_CROSS_PYTHON_IMPLEMENTATION"),
            "{err}"
        );
    }

    fn cross_for(
        lib_dir: &Path,
        target: &str,
        version: Option<PythonVersion>,
    ) -> CrossCompileConfig {
        CrossCompileConfig {
            lib_dir: Some(lib_dir.to_owned()),
            version,
            implementation: None,
            target: triple(target),
            abiflags: None,
        }
    }

    fn touch(path: &Path) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "build_time_vars = {}\n").unwrap();
    }

    #[test]
    fn finds_sysconfigdata_in_a_lib_dir_layout() {
        let root =
            std::env::temp_dir().join(format!("pyo3-find-sysconfigdata-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        // A Debian-style multiarch install, two versions, two architectures.
        touch(&root.join("python3.11/_sysconfigdata__linux_aarch64-linux-gnu.py"));
        touch(&root.join("python3.11/_sysconfigdata__linux_x86_64-linux-gnu.py"));
        touch(&root.join("python3.12/_sysconfigdata__linux_aarch64-linux-gnu.py"));
        // A source build tree for another OS, and unrelated directories.
        touch(&root.join("build/lib.macosx-11-arm64-3.12/_sysconfigdata__darwin_darwin.py"));
        touch(&root.join("site-packages/_sysconfigdata__linux_aarch64-linux-gnu.py"));
        touch(&root.join("python3.11/not_sysconfig.py"));

        let canonical = |rel: &str| std::fs::canonicalize(root.join(rel)).unwrap();
        let v311 = Some(PythonVersion::PY311);
        let found =
            find_all_sysconfigdata(&cross_for(&root, "aarch64-unknown-linux-gnu", v311)).unwrap();
        assert_eq!(
            found,
            [canonical(
                "python3.11/_sysconfigdata__linux_aarch64-linux-gnu.py"
            )]
        );
        // Without a version, every python3.X directory is searched.
        let found =
            find_all_sysconfigdata(&cross_for(&root, "aarch64-unknown-linux-gnu", None)).unwrap();
        assert_eq!(
            found,
            [
                canonical("python3.11/_sysconfigdata__linux_aarch64-linux-gnu.py"),
                canonical("python3.12/_sysconfigdata__linux_aarch64-linux-gnu.py"),
            ]
        );
        // No lib dir: nothing to search.
        let mut none = cross_for(&root, "aarch64-unknown-linux-gnu", None);
        none.lib_dir = None;
        assert!(find_all_sysconfigdata(&none).unwrap().is_empty());
        // A lib dir that does not exist is an error naming it.
        let missing = root.join("missing");
        let err = find_all_sysconfigdata(&cross_for(&missing, "aarch64-unknown-linux-gnu", None))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(&format!(
                "failed to search the lib dir at 'PYO3_CROSS_LIB_DIR={}'",
                missing.display()
            )),
            "{err}"
        );
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn generate_import_libs_is_a_no_op() {
        let mut config = InterpreterConfig::for_version(PythonVersion::PY312);
        let before = config.clone();
        config.generate_import_libs().unwrap();
        assert_eq!(config, before);
    }
}
