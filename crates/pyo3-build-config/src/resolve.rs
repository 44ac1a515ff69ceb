//! Which Python installation the build is for, decided once in this crate's build
//! script: the precedence of the environment variables, the list of interpreters
//! to try, and the version/abi3 policy applied to what is found.
//!
//! Everything here reads the environment through an [`Env`] snapshot and runs
//! interpreters through an injected function, so the precedence and the policy are
//! unit-tested without an interpreter.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::config::{InterpreterConfig, PythonImplementation, PythonVersion};
use crate::discover::InterpreterFacts;
use crate::errors::{Error, Result};

/// Every environment variable that changes the resolved configuration. Build scripts
/// print `cargo:rerun-if-env-changed` for each.
pub(crate) const ENV_VARS: &[&str] = &[
    "PYO3_PYTHON",
    "PYO3_CONFIG_FILE",
    "PYO3_BUILD_EXTENSION_MODULE",
    "PYO3_NO_PYTHON",
    "PYO3_ENVIRONMENT_SIGNATURE",
    "PYO3_PRINT_CONFIG",
    "PYO3_CROSS",
    "PYO3_CROSS_LIB_DIR",
    "PYO3_CROSS_PYTHON_VERSION",
    "PYO3_CROSS_PYTHON_IMPLEMENTATION",
    "PYO3_USE_ABI3_FORWARD_COMPATIBILITY",
    "VIRTUAL_ENV",
    "CONDA_PREFIX",
];

/// Variables cargo sets for build scripts that the resolution reads too (the target and
/// this crate's `extension-module` feature); cargo re-runs the script when they change.
pub(crate) const CARGO_VARS: &[&str] = &["CARGO_CFG_TARGET_OS", "CARGO_FEATURE_EXTENSION_MODULE"];

/// A snapshot of the variables in [`ENV_VARS`] and [`CARGO_VARS`]. An empty value counts
/// as unset.
#[derive(Debug, Clone, Default)]
pub(crate) struct Env {
    vars: BTreeMap<String, OsString>,
}

impl Env {
    /// Reads [`ENV_VARS`] from the process environment.
    pub(crate) fn from_process() -> Self {
        let vars = ENV_VARS
            .iter()
            .chain(CARGO_VARS)
            .filter_map(|name| std::env::var_os(name).map(|value| ((*name).to_owned(), value)))
            .collect();
        Env { vars }
    }

    /// A snapshot made of the given pairs (for tests and tools).
    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        let vars = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        Env { vars }
    }

    pub(crate) fn get_os(&self, name: &str) -> Option<&OsString> {
        self.vars.get(name).filter(|value| !value.is_empty())
    }

    pub(crate) fn get(&self, name: &str) -> Option<String> {
        self.get_os(name)
            .map(|value| value.to_string_lossy().into_owned())
    }

    /// True when the variable is set to anything but `0` or `false`.
    pub(crate) fn is_on(&self, name: &str) -> bool {
        self.get(name)
            .is_some_and(|value| !matches!(value.trim(), "0" | "false" | "False"))
    }
}

/// What the `abi3` / `abi3-py3X` features of this crate ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Abi3Request {
    /// Any abi3 feature is on.
    pub(crate) enabled: bool,
    /// The oldest version named by an `abi3-py3X` feature, if any.
    pub(crate) min: Option<PythonVersion>,
}

impl Abi3Request {
    /// From cargo's `CARGO_FEATURE_*` variables, looked up through `is_on`.
    pub(crate) fn from_features(is_on: impl Fn(&str) -> bool) -> Self {
        let known = PythonVersion::MIN_SUPPORTED.minor..=PythonVersion::ABI3_MAX.minor;
        let min = known
            .into_iter()
            .find(|minor| is_on(&format!("CARGO_FEATURE_ABI3_PY3{minor}")))
            .map(|minor| PythonVersion { major: 3, minor });
        Abi3Request {
            enabled: min.is_some() || is_on("CARGO_FEATURE_ABI3"),
            min,
        }
    }

    /// Reads the feature variables of the running build script.
    pub(crate) fn from_cargo_env() -> Self {
        Self::from_features(|name| std::env::var_os(name).is_some())
    }
}

/// An interpreter to try, and the reason it is on the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) program: OsString,
    pub(crate) origin: &'static str,
}

/// Where the configuration comes from, by precedence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// `PYO3_CONFIG_FILE`.
    ConfigFile(PathBuf),
    /// `PYO3_CROSS*`: built from variables, no interpreter runs.
    Cross,
    /// `PYO3_NO_PYTHON` with an abi3 feature.
    NoPython,
    /// Interpreters to run, in order; the first acceptable one wins.
    Interpreters(Vec<Candidate>),
}

/// Decides where the configuration comes from. A pure function of `env` and `abi3`.
///
/// Precedence: `PYO3_CONFIG_FILE`; then cross-compilation variables; then
/// `PYO3_NO_PYTHON` (abi3 only); then `PYO3_PYTHON` alone if set; otherwise the
/// active virtualenv, the active conda environment, `python3` and `python` on PATH.
pub(crate) fn plan(env: &Env, abi3: Abi3Request) -> Result<Source> {
    if let Some(path) = env.get_os("PYO3_CONFIG_FILE") {
        let path = PathBuf::from(path);
        if !path.is_absolute() {
            return Err(Error::new(format!(
                "PYO3_CONFIG_FILE must be an absolute path, but is `{}`",
                path.display()
            )));
        }
        return Ok(Source::ConfigFile(path));
    }

    let cross_disabled = matches!(env.get("PYO3_CROSS").as_deref(), Some("0" | "false"));
    let cross_requested = env.get("PYO3_CROSS").is_some()
        || env.get("PYO3_CROSS_LIB_DIR").is_some()
        || env.get("PYO3_CROSS_PYTHON_VERSION").is_some();
    if cross_requested && !cross_disabled {
        return Ok(Source::Cross);
    }

    if env.is_on("PYO3_NO_PYTHON") {
        if !abi3.enabled {
            return Err(Error::new(
                "PYO3_NO_PYTHON is set, but no `abi3` feature is enabled: a version-specific \
                 build needs an interpreter to learn its version.\n\
                 help: enable an `abi3-py3X` feature, or unset PYO3_NO_PYTHON, or describe the \
                 target in a file named by PYO3_CONFIG_FILE",
            ));
        }
        return Ok(Source::NoPython);
    }

    if let Some(program) = env.get_os("PYO3_PYTHON") {
        return Ok(Source::Interpreters(vec![Candidate {
            program: program.clone(),
            origin: "PYO3_PYTHON",
        }]));
    }

    let mut candidates = Vec::new();
    let in_prefix = |prefix: &OsString| -> OsString {
        let mut path = PathBuf::from(prefix);
        if cfg!(windows) {
            path.push("python.exe");
        } else {
            path.push("bin");
            path.push("python");
        }
        path.into_os_string()
    };
    if let Some(venv) = env.get_os("VIRTUAL_ENV") {
        candidates.push(Candidate {
            program: in_prefix(venv),
            origin: "VIRTUAL_ENV",
        });
    }
    if let Some(conda) = env.get_os("CONDA_PREFIX") {
        candidates.push(Candidate {
            program: in_prefix(conda),
            origin: "CONDA_PREFIX",
        });
    }
    for name in ["python3", "python"] {
        candidates.push(Candidate {
            program: name.into(),
            origin: "PATH",
        });
    }
    Ok(Source::Interpreters(candidates))
}

/// The outcome of resolution: the configuration and files whose change must re-run it.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub(crate) config: InterpreterConfig,
    pub(crate) watched_files: Vec<PathBuf>,
    /// Messages for `cargo:warning` lines.
    pub(crate) warnings: Vec<String>,
}

/// Resolves the configuration, running interpreters through `query`.
///
/// # Errors
///
/// The message lists every interpreter tried, why each was refused, and the
/// variables that change the choice.
pub(crate) fn resolve(
    env: &Env,
    abi3: Abi3Request,
    query: &dyn Fn(&Candidate) -> std::result::Result<InterpreterFacts, String>,
) -> Result<Resolved> {
    let forward = env.is_on("PYO3_USE_ABI3_FORWARD_COMPATIBILITY");
    match plan(env, abi3)? {
        Source::ConfigFile(path) => {
            let mut config = InterpreterConfig::from_path(&path)?;
            apply_abi3_to_config(&mut config, abi3, forward).map_err(|reason| {
                Error::new(format!(
                    "the configuration file {} (PYO3_CONFIG_FILE) cannot be used: {reason}",
                    path.display()
                ))
            })?;
            Ok(Resolved {
                config,
                watched_files: vec![path],
                warnings: Vec::new(),
            })
        }
        Source::Cross => Ok(Resolved {
            config: cross_config(env, abi3, forward)?,
            watched_files: Vec::new(),
            warnings: Vec::new(),
        }),
        Source::NoPython => Ok(Resolved {
            config: no_python_config(abi3),
            watched_files: Vec::new(),
            warnings: Vec::new(),
        }),
        Source::Interpreters(candidates) => {
            let mut refusals = Vec::new();
            for candidate in &candidates {
                let outcome = query(candidate).and_then(|facts| {
                    let (version, use_abi3) = choose_abi(
                        facts.version,
                        facts.implementation,
                        facts.is_free_threaded(),
                        abi3,
                        forward,
                    )?;
                    Ok(facts.into_config(version, use_abi3))
                });
                match outcome {
                    Ok(config) => {
                        return Ok(Resolved {
                            config,
                            watched_files: Vec::new(),
                            warnings: Vec::new(),
                        })
                    }
                    Err(reason) => refusals.push((candidate, reason)),
                }
            }
            // As PyO3: with an `abi3-py3X` minimum, a build that does not link libpython
            // needs nothing from an interpreter, so it goes on without one.
            if abi3.min.is_some() && !links_libpython(env) {
                let mut warning =
                    String::from("Compiling without a working Python interpreter. Tried:");
                for (candidate, reason) in &refusals {
                    warning.push_str(&format!(
                        "\n  - {}: {reason}",
                        candidate.program.to_string_lossy()
                    ));
                }
                return Ok(Resolved {
                    config: no_python_config(abi3),
                    watched_files: Vec::new(),
                    warnings: vec![warning],
                });
            }
            Err(no_interpreter_error(&refusals, abi3))
        }
    }
}

/// The configuration of a build without an interpreter: the stable ABI of the abi3
/// minimum, CPython, shared, nothing else known.
fn no_python_config(abi3: Abi3Request) -> InterpreterConfig {
    let mut config =
        InterpreterConfig::for_version(abi3.min.unwrap_or(PythonVersion::MIN_SUPPORTED));
    config.abi3 = true;
    config
}

/// Whether the build links libpython, so needs to know where it is: always on Windows,
/// AIX and Android, elsewhere unless an extension module is being built.
fn links_libpython(env: &Env) -> bool {
    let extension_module = env.get_os("CARGO_FEATURE_EXTENSION_MODULE").is_some()
        || env.get_os("PYO3_BUILD_EXTENSION_MODULE").is_some();
    let target_os = env.get("CARGO_CFG_TARGET_OS").unwrap_or_default();
    matches!(target_os.as_str(), "windows" | "aix" | "android") || !extension_module
}

/// The version and ABI to build for, given what was found and what the features ask.
///
/// Without abi3: the interpreter's version, which must be 3.7 to 3.13; a newer one is
/// accepted as an abi3 build for 3.13 only with `PYO3_USE_ABI3_FORWARD_COMPATIBILITY`.
/// With abi3: the `abi3-py3X` minimum (which the interpreter must reach), or with bare
/// `abi3` the interpreter's version capped to 3.13. PyPy, GraalPy and free-threaded
/// builds have no stable ABI, so for them abi3 is dropped and the build is
/// version-specific.
///
/// # Errors
///
/// A reason in words, for the list of refused candidates.
pub(crate) fn choose_abi(
    found: PythonVersion,
    implementation: PythonImplementation,
    free_threaded: bool,
    abi3: Abi3Request,
    forward_compatibility: bool,
) -> std::result::Result<(PythonVersion, bool), String> {
    let min = PythonVersion::MIN_SUPPORTED;
    let max = PythonVersion::MAX_SUPPORTED;
    let name = format!("{implementation} {found}");
    if found < min {
        return Err(format!(
            "{name} is older than the oldest supported version, {min}"
        ));
    }
    let has_stable_abi = implementation == PythonImplementation::CPython && !free_threaded;
    if abi3.enabled && has_stable_abi {
        return match abi3.min {
            Some(wanted) if found < wanted => Err(format!(
                "{name} is older than {wanted}, the minimum set by the `abi3-py3{}` feature",
                wanted.minor
            )),
            Some(wanted) => Ok((wanted, true)),
            None => Ok((found.min(max), true)),
        };
    }
    if found <= max {
        return Ok((found, false));
    }
    if forward_compatibility && has_stable_abi {
        return Ok((max, true));
    }
    let mut reason = format!("{name} is newer than the newest supported version, {max}");
    if has_stable_abi {
        reason.push_str(
            "; set PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1 to build for the stable ABI of 3.13",
        );
    }
    Err(reason)
}

/// Applies the abi3 features and the version policy to a configuration read from a file.
fn apply_abi3_to_config(
    config: &mut InterpreterConfig,
    abi3: Abi3Request,
    forward: bool,
) -> std::result::Result<(), String> {
    // A file that already says abi3 asks for a build that runs on its version and later.
    let request = if config.abi3 && !abi3.enabled {
        Abi3Request {
            enabled: true,
            min: Some(config.version),
        }
    } else {
        abi3
    };
    let (version, use_abi3) = choose_abi(
        config.version,
        config.implementation,
        config.is_free_threaded(),
        request,
        forward,
    )?;
    config.version = version;
    config.abi3 = use_abi3;
    Ok(())
}

/// A configuration for cross-compilation from `PYO3_CROSS_*`, without running Python.
fn cross_config(env: &Env, abi3: Abi3Request, forward: bool) -> Result<InterpreterConfig> {
    let lib_dir = env.get("PYO3_CROSS_LIB_DIR");
    let implementation = match env.get("PYO3_CROSS_PYTHON_IMPLEMENTATION") {
        Some(name) => name.parse()?,
        None => PythonImplementation::CPython,
    };
    let version = match (env.get("PYO3_CROSS_PYTHON_VERSION"), &lib_dir) {
        (Some(version), _) => version
            .parse::<PythonVersion>()
            .map_err(|e| Error::new(format!("PYO3_CROSS_PYTHON_VERSION: {e}")))?,
        (None, Some(dir)) => version_from_lib_dir(Path::new(dir))?,
        (None, None) => {
            return Err(Error::new(
                "cross-compiling was requested (PYO3_CROSS is set), but neither \
                 PYO3_CROSS_PYTHON_VERSION nor PYO3_CROSS_LIB_DIR is set.\n\
                 help: set PYO3_CROSS_PYTHON_VERSION (e.g. 3.11) and, to link, PYO3_CROSS_LIB_DIR",
            ))
        }
    };
    let (built_version, use_abi3) = choose_abi(version, implementation, false, abi3, forward)
        .map_err(|reason| Error::new(format!("cross-compiling: {reason}")))?;

    let mut config = InterpreterConfig::for_version(built_version);
    config.implementation = implementation;
    config.abi3 = use_abi3;
    config.lib_name = match implementation {
        PythonImplementation::CPython => {
            // 3.7 still names its library with the `m` ABI flag.
            let flagged = format!("python{version}m");
            let has_flagged = lib_dir.as_ref().is_some_and(|dir| {
                library_files(Path::new(dir))
                    .iter()
                    .any(|f| f.starts_with(&format!("lib{flagged}.")))
            });
            Some(
                if has_flagged || version == PythonVersion::PY37 && lib_dir.is_none() {
                    flagged
                } else {
                    format!("python{version}")
                },
            )
        }
        PythonImplementation::PyPy => Some(format!("pypy{version}-c")),
        PythonImplementation::GraalPy => None,
    };
    if let Some(dir) = &lib_dir {
        let files = library_files(Path::new(dir));
        let has = |suffix: &str| {
            let name = config.lib_name.as_deref().unwrap_or("");
            files.iter().any(|f| *f == format!("lib{name}{suffix}"))
        };
        // Only a static archive and no shared library means a static interpreter.
        config.shared = has(".so") || !has(".a");
    }
    config.lib_dir = lib_dir;
    Ok(config)
}

fn library_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Finds the single `libpython3.X` in a cross-compilation library directory.
fn version_from_lib_dir(dir: &Path) -> Result<PythonVersion> {
    let mut found: Vec<PythonVersion> = library_files(dir)
        .iter()
        .filter_map(|name| {
            let rest = name.strip_prefix("libpython3.")?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let minor = digits.parse().ok()?;
            Some(PythonVersion { major: 3, minor })
        })
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [version] => Ok(*version),
        [] => Err(Error::new(format!(
            "PYO3_CROSS_LIB_DIR={} holds no libpython3.X library, so the version is unknown.\n\
             help: set PYO3_CROSS_PYTHON_VERSION (e.g. 3.11)",
            dir.display()
        ))),
        several => Err(Error::new(format!(
            "PYO3_CROSS_LIB_DIR={} holds libraries for several versions ({}).\n\
             help: set PYO3_CROSS_PYTHON_VERSION to choose one",
            dir.display(),
            several
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn no_interpreter_error(refusals: &[(&Candidate, String)], abi3: Abi3Request) -> Error {
    let mut message = String::from("no usable Python interpreter was found. Tried:\n");
    for (candidate, reason) in refusals {
        let program = candidate.program.to_string_lossy();
        let origin = match candidate.origin {
            "PATH" => "on PATH".to_owned(),
            other => format!("from {other}"),
        };
        message.push_str(&format!("  - {program} ({origin}): {reason}\n"));
    }
    let explicit = refusals.iter().any(|(c, _)| c.origin == "PYO3_PYTHON");
    message.push_str(if explicit {
        "help: point PYO3_PYTHON at a CPython 3.7 to 3.13 interpreter \
         (e.g. PYO3_PYTHON=/usr/bin/python3.11), or unset it to search VIRTUAL_ENV, \
         CONDA_PREFIX and PATH"
    } else {
        "help: set PYO3_PYTHON to the path of a CPython 3.7 to 3.13 interpreter \
         (e.g. PYO3_PYTHON=/usr/bin/python3.11), or PYO3_CONFIG_FILE to a configuration file"
    });
    if abi3.min.is_some() {
        message.push_str(
            "\nhelp: with an `abi3-py3X` feature, PYO3_NO_PYTHON=1 builds without an interpreter",
        );
    }
    Error::new(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BuildFlag;

    fn no_abi3() -> Abi3Request {
        Abi3Request::default()
    }

    fn abi3_from(minor: u8) -> Abi3Request {
        Abi3Request {
            enabled: true,
            min: Some(PythonVersion { major: 3, minor }),
        }
    }

    fn programs(source: Source) -> Vec<(String, &'static str)> {
        match source {
            Source::Interpreters(list) => list
                .into_iter()
                .map(|c| (c.program.to_string_lossy().into_owned(), c.origin))
                .collect(),
            other => panic!("expected interpreters, got {other:?}"),
        }
    }

    fn facts(minor: u8) -> InterpreterFacts {
        crate::discover::parse_output(&format!(
            "implementation=CPython\nversion=3.{minor}\nshared=1\nldversion=3.{minor}\nlibdir=/x/lib\n"
        ))
        .unwrap()
    }

    #[test]
    fn default_candidates() {
        let list = programs(plan(&Env::default(), no_abi3()).unwrap());
        assert_eq!(
            list,
            [("python3".into(), "PATH"), ("python".into(), "PATH")]
        );
    }

    #[test]
    fn venv_then_conda_then_path() {
        let env = Env::from_pairs(&[("VIRTUAL_ENV", "/v"), ("CONDA_PREFIX", "/c")]);
        let list = programs(plan(&env, no_abi3()).unwrap());
        assert_eq!(
            list,
            [
                ("/v/bin/python".into(), "VIRTUAL_ENV"),
                ("/c/bin/python".into(), "CONDA_PREFIX"),
                ("python3".into(), "PATH"),
                ("python".into(), "PATH"),
            ]
        );
    }

    #[test]
    fn pyo3_python_is_the_only_candidate() {
        let env = Env::from_pairs(&[("PYO3_PYTHON", "/opt/py"), ("VIRTUAL_ENV", "/v")]);
        let list = programs(plan(&env, no_abi3()).unwrap());
        assert_eq!(list, [("/opt/py".into(), "PYO3_PYTHON")]);
    }

    #[test]
    fn config_file_beats_everything() {
        let env = Env::from_pairs(&[
            ("PYO3_CONFIG_FILE", "/cfg.txt"),
            ("PYO3_PYTHON", "/opt/py"),
            ("PYO3_CROSS_LIB_DIR", "/lib"),
            ("PYO3_NO_PYTHON", "1"),
        ]);
        assert_eq!(
            plan(&env, no_abi3()).unwrap(),
            Source::ConfigFile("/cfg.txt".into())
        );
        let relative = Env::from_pairs(&[("PYO3_CONFIG_FILE", "cfg.txt")]);
        assert!(plan(&relative, no_abi3())
            .unwrap_err()
            .to_string()
            .contains("absolute"));
    }

    #[test]
    fn cross_beats_no_python_and_interpreters() {
        let env = Env::from_pairs(&[("PYO3_CROSS_PYTHON_VERSION", "3.10"), ("PYO3_PYTHON", "/p")]);
        assert_eq!(plan(&env, no_abi3()).unwrap(), Source::Cross);
        let off = Env::from_pairs(&[("PYO3_CROSS", "0"), ("PYO3_CROSS_LIB_DIR", "/l")]);
        assert!(matches!(
            plan(&off, no_abi3()).unwrap(),
            Source::Interpreters(_)
        ));
    }

    #[test]
    fn empty_values_count_as_unset() {
        let env = Env::from_pairs(&[("PYO3_PYTHON", ""), ("PYO3_CONFIG_FILE", "")]);
        assert_eq!(programs(plan(&env, no_abi3()).unwrap()).len(), 2);
    }

    #[test]
    fn no_python_needs_abi3() {
        let env = Env::from_pairs(&[("PYO3_NO_PYTHON", "1")]);
        assert!(plan(&env, no_abi3())
            .unwrap_err()
            .to_string()
            .contains("abi3"));
        assert_eq!(plan(&env, abi3_from(9)).unwrap(), Source::NoPython);
        let resolved = resolve(&env, abi3_from(9), &|_| unreachable!()).unwrap();
        assert_eq!(resolved.config.version, PythonVersion::PY39);
        assert!(resolved.config.abi3);
    }

    #[test]
    fn cross_config_from_variables() {
        let env = Env::from_pairs(&[
            ("PYO3_CROSS_PYTHON_VERSION", "3.7"),
            ("PYO3_CROSS_PYTHON_IMPLEMENTATION", "CPython"),
        ]);
        let config = resolve(&env, no_abi3(), &|_| unreachable!())
            .unwrap()
            .config;
        assert_eq!(config.version, PythonVersion::PY37);
        assert_eq!(config.lib_name.as_deref(), Some("python3.7m"));
        assert_eq!(config.executable, None);
        let env = Env::from_pairs(&[("PYO3_CROSS", "1")]);
        assert!(resolve(&env, no_abi3(), &|_| unreachable!()).is_err());
    }

    #[test]
    fn version_policy() {
        use PythonImplementation::*;
        let v = |minor| PythonVersion { major: 3, minor };
        assert_eq!(
            choose_abi(v(11), CPython, false, no_abi3(), false),
            Ok((v(11), false))
        );
        assert!(choose_abi(v(6), CPython, false, no_abi3(), false).is_err());
        let too_new = choose_abi(v(14), CPython, false, no_abi3(), false).unwrap_err();
        assert!(
            too_new.contains("PYO3_USE_ABI3_FORWARD_COMPATIBILITY"),
            "{too_new}"
        );
        assert_eq!(
            choose_abi(v(14), CPython, false, no_abi3(), true),
            Ok((v(13), true))
        );
        assert!(choose_abi(v(14), CPython, true, no_abi3(), true).is_err());
        // abi3-py39 on 3.8 is refused, on 3.12 and 3.14 builds for 3.9.
        assert!(choose_abi(v(8), CPython, false, abi3_from(9), false)
            .unwrap_err()
            .contains("abi3-py39"));
        assert_eq!(
            choose_abi(v(12), CPython, false, abi3_from(9), false),
            Ok((v(9), true))
        );
        assert_eq!(
            choose_abi(v(14), CPython, false, abi3_from(9), false),
            Ok((v(9), true))
        );
        // Bare abi3 follows the interpreter, capped at the newest known version.
        let bare = Abi3Request {
            enabled: true,
            min: None,
        };
        assert_eq!(
            choose_abi(v(10), CPython, false, bare, false),
            Ok((v(10), true))
        );
        assert_eq!(
            choose_abi(v(15), CPython, false, bare, false),
            Ok((v(13), true))
        );
        // No stable ABI on PyPy or free-threaded builds.
        assert_eq!(
            choose_abi(v(10), PyPy, false, bare, false),
            Ok((v(10), false))
        );
        assert_eq!(
            choose_abi(v(13), CPython, true, bare, false),
            Ok((v(13), false))
        );
    }

    #[test]
    fn falls_through_candidates_and_lists_refusals() {
        let env = Env::from_pairs(&[("VIRTUAL_ENV", "/v")]);
        let query = |c: &Candidate| match c.program.to_str().unwrap() {
            "/v/bin/python" => Err("not found".to_owned()),
            "python3" => Ok(facts(6)),
            _ => Ok(facts(12)),
        };
        let config = resolve(&env, no_abi3(), &query).unwrap().config;
        assert_eq!(config.version, PythonVersion::PY312);
        assert_eq!(config.lib_name.as_deref(), Some("python3.12"));

        let nothing = |c: &Candidate| match c.program.to_str().unwrap() {
            "python3" => Ok(facts(14)),
            _ => Err("not found".to_owned()),
        };
        let err = resolve(&env, no_abi3(), &nothing).unwrap_err().to_string();
        assert!(
            err.contains("/v/bin/python (from VIRTUAL_ENV): not found"),
            "{err}"
        );
        assert!(
            err.contains("python3 (on PATH): CPython 3.14 is newer"),
            "{err}"
        );
        assert!(err.contains("python (on PATH): not found"), "{err}");
        assert!(err.contains("PYO3_PYTHON"), "{err}");
    }

    #[test]
    fn abi3_features_from_cargo_variables() {
        let on = [
            "CARGO_FEATURE_ABI3",
            "CARGO_FEATURE_ABI3_PY310",
            "CARGO_FEATURE_ABI3_PY311",
        ];
        let request = Abi3Request::from_features(|name| on.contains(&name));
        assert_eq!(request, abi3_from(10));
        let bare = Abi3Request::from_features(|name| name == "CARGO_FEATURE_ABI3");
        assert_eq!(
            bare,
            Abi3Request {
                enabled: true,
                min: None
            }
        );
    }

    #[test]
    fn abi3_py314_is_the_newest_abi3_feature() {
        let only_314 = ["CARGO_FEATURE_ABI3", "CARGO_FEATURE_ABI3_PY314"];
        assert_eq!(
            Abi3Request::from_features(|name| only_314.contains(&name)),
            abi3_from(14)
        );
        // abi3-py313 turns abi3-py314 on too (feature graph); the lowest minimum wins.
        let both = [
            "CARGO_FEATURE_ABI3",
            "CARGO_FEATURE_ABI3_PY313",
            "CARGO_FEATURE_ABI3_PY314",
        ];
        assert_eq!(
            Abi3Request::from_features(|name| both.contains(&name)),
            abi3_from(13)
        );
    }

    #[test]
    fn abi3_minimum_above_the_interpreter_without_libpython_builds_without_it() {
        // An extension module on Linux: as PyO3, the interpreter (3.13, older than the
        // abi3-py314 minimum) is set aside with a warning and the build targets 3.14's
        // stable ABI.
        let env = Env::from_pairs(&[
            ("PYO3_PYTHON", "/py313"),
            ("CARGO_CFG_TARGET_OS", "linux"),
            ("CARGO_FEATURE_EXTENSION_MODULE", "1"),
        ]);
        let query = |_: &Candidate| Ok(facts(13));
        let resolved = resolve(&env, abi3_from(14), &query).unwrap();
        assert_eq!(
            resolved.config.version,
            PythonVersion {
                major: 3,
                minor: 14
            }
        );
        assert!(resolved.config.abi3);
        assert_eq!(resolved.config.lib_name, None);
        assert_eq!(
            resolved.config.cfg_names(),
            [
                "Py_3_7",
                "Py_3_8",
                "Py_3_9",
                "Py_3_10",
                "Py_3_11",
                "Py_3_12",
                "Py_3_13",
                "Py_3_14",
                "Py_LIMITED_API"
            ]
        );
        assert_eq!(resolved.warnings.len(), 1);
        let warning = &resolved.warnings[0];
        assert!(
            warning.starts_with("Compiling without a working Python interpreter."),
            "{warning}"
        );
        assert!(
            warning.contains("/py313: CPython 3.13 is older than 3.14, the minimum set by the `abi3-py314` feature"),
            "{warning}"
        );
        // PYO3_BUILD_EXTENSION_MODULE counts as the feature.
        let env = Env::from_pairs(&[("PYO3_BUILD_EXTENSION_MODULE", "1")]);
        let resolved = resolve(&env, abi3_from(14), &query).unwrap();
        assert_eq!(resolved.config.version.minor, 14);
    }

    #[test]
    fn abi3_minimum_above_the_interpreter_refused_when_libpython_is_linked() {
        let query = |_: &Candidate| Ok(facts(13));
        // Not an extension module: libpython is linked, so the interpreter is required.
        let env = Env::from_pairs(&[("PYO3_PYTHON", "/py313")]);
        let err = resolve(&env, abi3_from(14), &query)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(
                "CPython 3.13 is older than 3.14, the minimum set by the `abi3-py314` feature"
            ),
            "{err}"
        );
        // Windows always links the import library.
        let env = Env::from_pairs(&[
            ("PYO3_PYTHON", "/py313"),
            ("CARGO_CFG_TARGET_OS", "windows"),
            ("CARGO_FEATURE_EXTENSION_MODULE", "1"),
        ]);
        assert!(resolve(&env, abi3_from(14), &query).is_err());
        // A satisfying interpreter is used as before, without warnings.
        let env = Env::from_pairs(&[("PYO3_PYTHON", "/py313")]);
        let resolved = resolve(&env, abi3_from(13), &query).unwrap();
        assert_eq!(
            (resolved.config.version.minor, resolved.config.abi3),
            (13, true)
        );
        assert!(resolved.warnings.is_empty());
    }

    #[test]
    fn config_file_gets_abi3_features() {
        let mut config = InterpreterConfig::for_version(PythonVersion::PY311);
        apply_abi3_to_config(&mut config, abi3_from(8), false).unwrap();
        assert_eq!((config.version, config.abi3), (PythonVersion::PY38, true));

        let mut old = InterpreterConfig::for_version(PythonVersion::PY38);
        assert!(apply_abi3_to_config(&mut old, abi3_from(10), false).is_err());

        let mut ft = InterpreterConfig::for_version(PythonVersion::PY313);
        ft.build_flags.0.insert(BuildFlag::Py_GIL_DISABLED);
        apply_abi3_to_config(&mut ft, abi3_from(8), false).unwrap();
        assert!(!ft.abi3);
    }
}
