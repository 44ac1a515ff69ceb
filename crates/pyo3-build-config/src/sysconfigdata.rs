//! Reading a `_sysconfigdata_*.py` file, the build-time variables a CPython (or PyPy)
//! installation records, and turning them into an [`InterpreterConfig`]: how a
//! cross-compiling build learns about a target installation it cannot run.

use std::collections::HashMap;
use std::path::Path;

use crate::config::{
    BuildFlag, BuildFlags, InterpreterConfig, PythonImplementation, PythonVersion,
};
use crate::errors::{Error, Result};
use crate::python_script::{host_interpreter, run_script};

/// The variables of a `_sysconfigdata_*.py` file (its `build_time_vars` dict), each value
/// as Python's `str()` of it. Made by [`parse_sysconfigdata`](crate::parse_sysconfigdata).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sysconfigdata(HashMap<String, String>);

impl Sysconfigdata {
    /// The value of the variable `k`, if the file defines it.
    pub fn get_value<S: AsRef<str>>(&self, k: S) -> Option<&str> {
        self.0.get(k.as_ref()).map(String::as_str)
    }

    /// A table made of the given pairs (for tests).
    #[cfg(test)]
    pub(crate) fn from_pairs(pairs: &[(&str, &str)]) -> Self {
        Sysconfigdata(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

/// Appended to the file's source: writes every variable as `key NUL value NUL`. Conda
/// builds link libpython statically yet ship it shared; they are recognised by the
/// placeholder prefix they are built in, as PyO3 does.
const DUMP_SCRIPT: &str = r#"
import sys as _pyo3_sys
for _pyo3_key, _pyo3_val in build_time_vars.items():
    if _pyo3_key == "Py_ENABLE_SHARED" and "_h_env_placehold" in str(build_time_vars.get("prefix")):
        _pyo3_val = 1
    _pyo3_sys.stdout.write("%s\0%s\0" % (_pyo3_key, _pyo3_val))
"#;

/// Reads a `_sysconfigdata_*.py` file. The file is Python source, so the host interpreter
/// (`PYO3_PYTHON`, the active virtualenv or conda environment, or `python3` on PATH)
/// evaluates it; the file may describe another platform's installation.
///
/// # Errors
///
/// When the file cannot be read, no interpreter is found, or the file does not define
/// `build_time_vars`.
///
/// # Examples
///
/// ```no_run
/// use pyo3_build_config::{parse_sysconfigdata, InterpreterConfig};
///
/// let data = parse_sysconfigdata("/opt/target/lib/python3.12/_sysconfigdata__linux_aarch64-linux-gnu.py")?;
/// let config = InterpreterConfig::from_sysconfigdata(&data)?;
/// println!("the target is Python {}", config.version);
/// # Ok::<(), pyo3_build_config::errors::Error>(())
/// ```
pub fn parse_sysconfigdata(sysconfigdata_path: impl AsRef<Path>) -> Result<Sysconfigdata> {
    parse_sysconfigdata_inner(sysconfigdata_path.as_ref())
}

fn parse_sysconfigdata_inner(path: &Path) -> Result<Sysconfigdata> {
    let source = std::fs::read_to_string(path).map_err(|e| {
        Error::with_source(format!("failed to read config from {}", path.display()), e)
    })?;
    let script = format!("{source}\n{DUMP_SCRIPT}");
    let output = run_script(&host_interpreter()?, &script, Vec::new())?;
    Ok(parse_dump(&output))
}

/// Splits `key NUL value NUL ...`.
fn parse_dump(output: &str) -> Sysconfigdata {
    let mut parts = output.split('\0');
    let mut vars = HashMap::new();
    while let (Some(key), Some(value)) = (parts.next(), parts.next()) {
        vars.insert(key.to_owned(), value.to_owned());
    }
    Sysconfigdata(vars)
}

impl InterpreterConfig {
    /// The configuration described by a parsed `_sysconfigdata_*.py` file (see
    /// [`parse_sysconfigdata`](crate::parse_sysconfigdata)), as PyO3 derives it:
    ///
    /// - the implementation from `SOABI` (`cpython-...`, `pypy...`, `graalpy...`);
    /// - the version from `VERSION`;
    /// - `shared` from `Py_ENABLE_SHARED` (or a macOS framework build, `PYTHONFRAMEWORK`);
    /// - the library name from `LDVERSION` (else the version, with `m` on 3.7 and `t` for
    ///   free-threaded builds), the directory from `LIBDIR`;
    /// - the pointer width from `SIZEOF_VOID_P`, the build flags from the variables of
    ///   the same name set to `1` (`Py_DEBUG` implies `Py_REF_DEBUG`);
    /// - `abi3` when the `abi3` feature of this crate is on (in a build script) or
    ///   `PYO3_USE_ABI3_FORWARD_COMPATIBILITY=1`.
    ///
    /// No executable is recorded: the installation need not run on the host.
    ///
    /// # Errors
    ///
    /// When `SOABI` or `VERSION` is missing or unrecognised, or `Py_ENABLE_SHARED` is not
    /// a boolean.
    pub fn from_sysconfigdata(sysconfigdata: &Sysconfigdata) -> Result<Self> {
        let soabi = sysconfigdata
            .get_value("SOABI")
            .ok_or_else(|| Error::new("SOABI not found in sysconfigdata file"))?;
        let implementation = implementation_from_soabi(soabi)?;
        let version: PythonVersion = sysconfigdata
            .get_value("VERSION")
            .ok_or_else(|| Error::new("VERSION not found in sysconfigdata file"))?
            .parse()
            .map_err(|e| Error::with_source("could not parse value of VERSION", e))?;
        let shared = match sysconfigdata.get_value("Py_ENABLE_SHARED") {
            Some("1" | "true" | "True") => true,
            Some("0" | "false" | "False") => false,
            _ => {
                return Err(Error::new(
                    "expected a bool (1/true/True or 0/false/False) for Py_ENABLE_SHARED",
                ))
            }
        };
        let framework = sysconfigdata
            .get_value("PYTHONFRAMEWORK")
            .is_some_and(|name| !name.is_empty());
        let gil_disabled = sysconfigdata.get_value("Py_GIL_DISABLED") == Some("1");
        let lib_name = default_lib_name_unix(
            version,
            implementation,
            sysconfigdata.get_value("LDVERSION"),
            gil_disabled,
        )?;
        let pointer_width = sysconfigdata
            .get_value("SIZEOF_VOID_P")
            .and_then(|bytes| bytes.parse::<u32>().ok())
            .map(|bytes| bytes * 8);

        let mut build_flags = BuildFlags::new();
        for flag in [
            BuildFlag::Py_DEBUG,
            BuildFlag::Py_REF_DEBUG,
            BuildFlag::Py_TRACE_REFS,
            BuildFlag::Py_GIL_DISABLED,
            BuildFlag::COUNT_ALLOCS,
        ] {
            if sysconfigdata.get_value(flag.to_string()) == Some("1") {
                build_flags.0.insert(flag);
            }
        }
        if build_flags.0.contains(&BuildFlag::Py_DEBUG) {
            build_flags.0.insert(BuildFlag::Py_REF_DEBUG);
        }

        let mut config = InterpreterConfig::for_version(version);
        config.implementation = implementation;
        config.shared = shared || framework;
        config.abi3 = abi3_requested();
        config.lib_name = Some(lib_name);
        config.lib_dir = sysconfigdata.get_value("LIBDIR").map(str::to_owned);
        config.pointer_width = pointer_width;
        config.build_flags = build_flags;
        config.python_framework_prefix = sysconfigdata
            .get_value("PYTHONFRAMEWORKPREFIX")
            .map(str::to_owned);
        Ok(config)
    }
}

fn implementation_from_soabi(soabi: &str) -> Result<PythonImplementation> {
    if soabi.starts_with("pypy") {
        Ok(PythonImplementation::PyPy)
    } else if soabi.starts_with("cpython") {
        Ok(PythonImplementation::CPython)
    } else if soabi.starts_with("graalpy") {
        Ok(PythonImplementation::GraalPy)
    } else {
        Err(Error::new(format!(
            "unsupported Python interpreter (SOABI is `{soabi}`)"
        )))
    }
}

/// The library to link on Unix when only the version (and maybe `LDVERSION`) is known.
fn default_lib_name_unix(
    version: PythonVersion,
    implementation: PythonImplementation,
    ld_version: Option<&str>,
    gil_disabled: bool,
) -> Result<String> {
    match implementation {
        PythonImplementation::CPython => match ld_version {
            Some(ld_version) => Ok(format!("python{ld_version}")),
            None if version == PythonVersion::PY37 => Ok("python3.7m".to_owned()),
            None if gil_disabled => {
                if version < PythonVersion::PY313 {
                    return Err(Error::new(format!(
                        "free-threaded builds need Python 3.13 or later, found {version}"
                    )));
                }
                Ok(format!("python{version}t"))
            }
            None => Ok(format!("python{version}")),
        },
        PythonImplementation::PyPy => Ok(match ld_version {
            Some(ld_version) => format!("pypy{ld_version}-c"),
            None => format!("pypy{version}-c"),
        }),
        PythonImplementation::GraalPy => Ok("python-native".to_owned()),
    }
}

/// Whether a build script with this crate's `abi3` feature is running, or forward
/// compatibility is requested.
fn abi3_requested() -> bool {
    std::env::var_os("CARGO_FEATURE_ABI3").is_some()
        || std::env::var_os("PYO3_USE_ABI3_FORWARD_COMPATIBILITY").is_some_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_dump() {
        let data = parse_dump("A\x001\x00EMPTY\x00\x00MULTI\x00x\ny\x00");
        assert_eq!(data.get_value("A"), Some("1"));
        assert_eq!(data.get_value("EMPTY"), Some(""));
        assert_eq!(data.get_value("MULTI"), Some("x\ny"));
        assert_eq!(data.get_value("MISSING"), None);
    }

    #[test]
    fn config_from_linux_cpython_variables() {
        let data = Sysconfigdata::from_pairs(&[
            ("SOABI", "cpython-312-aarch64-linux-gnu"),
            ("VERSION", "3.12"),
            ("Py_ENABLE_SHARED", "0"),
            ("LDVERSION", "3.12"),
            ("LIBDIR", "/opt/target/lib"),
            ("SIZEOF_VOID_P", "8"),
            ("Py_DEBUG", "0"),
        ]);
        let config = InterpreterConfig::from_sysconfigdata(&data).unwrap();
        assert_eq!(config.implementation, PythonImplementation::CPython);
        assert_eq!(config.version, PythonVersion::PY312);
        assert!(!config.shared);
        assert_eq!(config.lib_name.as_deref(), Some("python3.12"));
        assert_eq!(config.lib_dir.as_deref(), Some("/opt/target/lib"));
        assert_eq!(config.pointer_width, Some(64));
        assert_eq!(config.executable, None);
        assert!(config.build_flags.0.is_empty());
    }

    #[test]
    fn debug_free_threaded_and_framework_variables() {
        let data = Sysconfigdata::from_pairs(&[
            ("SOABI", "cpython-313td-darwin"),
            ("VERSION", "3.13"),
            ("Py_ENABLE_SHARED", "False"),
            ("PYTHONFRAMEWORK", "Python"),
            ("PYTHONFRAMEWORKPREFIX", "/Library/Frameworks"),
            ("Py_DEBUG", "1"),
            ("Py_GIL_DISABLED", "1"),
            ("SIZEOF_VOID_P", "4"),
        ]);
        let config = InterpreterConfig::from_sysconfigdata(&data).unwrap();
        assert!(config.shared, "a framework build links shared");
        assert_eq!(
            config.python_framework_prefix.as_deref(),
            Some("/Library/Frameworks")
        );
        assert_eq!(config.lib_name.as_deref(), Some("python3.13t"));
        assert_eq!(config.pointer_width, Some(32));
        assert!(config.is_free_threaded());
        assert!(config.build_flags.0.contains(&BuildFlag::Py_REF_DEBUG));
    }

    #[test]
    fn pypy_and_old_cpython_library_names() {
        let pypy = Sysconfigdata::from_pairs(&[
            ("SOABI", "pypy310-pp73-x86_64-linux-gnu"),
            ("VERSION", "3.10"),
            ("Py_ENABLE_SHARED", "1"),
        ]);
        let config = InterpreterConfig::from_sysconfigdata(&pypy).unwrap();
        assert_eq!(config.implementation, PythonImplementation::PyPy);
        assert_eq!(config.lib_name.as_deref(), Some("pypy3.10-c"));
        let py37 = Sysconfigdata::from_pairs(&[
            ("SOABI", "cpython-37m-x86_64-linux-gnu"),
            ("VERSION", "3.7"),
            ("Py_ENABLE_SHARED", "true"),
        ]);
        let config = InterpreterConfig::from_sysconfigdata(&py37).unwrap();
        assert_eq!(config.lib_name.as_deref(), Some("python3.7m"));
    }

    #[test]
    fn missing_or_bad_variables_are_errors() {
        let err = |pairs: &[(&str, &str)]| {
            InterpreterConfig::from_sysconfigdata(&Sysconfigdata::from_pairs(pairs))
                .unwrap_err()
                .to_string()
        };
        assert_eq!(err(&[]), "SOABI not found in sysconfigdata file");
        assert!(err(&[("SOABI", "jython-27")]).starts_with("unsupported Python interpreter"));
        assert_eq!(
            err(&[("SOABI", "cpython-312")]),
            "VERSION not found in sysconfigdata file"
        );
        assert!(err(&[("SOABI", "cpython-312"), ("VERSION", "three")])
            .starts_with("could not parse value of VERSION"));
        assert_eq!(
            err(&[("SOABI", "cpython-312"), ("VERSION", "3.12")]),
            "expected a bool (1/true/True or 0/false/False) for Py_ENABLE_SHARED"
        );
        assert!(err(&[
            ("SOABI", "cpython-312t"),
            ("VERSION", "3.12"),
            ("Py_ENABLE_SHARED", "1"),
            ("Py_GIL_DISABLED", "1"),
        ])
        .contains("free-threaded builds need Python 3.13"));
    }

    /// Reads the real `_sysconfigdata_*.py` of the interpreter the tests run with.
    #[test]
    fn parses_a_real_sysconfigdata_file() {
        let python = host_interpreter().unwrap();
        let script = "import sysconfig, os, sys\n\
            name = sysconfig._get_sysconfigdata_name()\n\
            mod = __import__(name)\n\
            print(os.path.abspath(mod.__file__))\n\
            print('%d.%d' % sys.version_info[:2])\n\
            print(sysconfig.get_config_var('LIBDIR'))";
        let out = run_script(&python, script, Vec::new()).unwrap();
        let mut lines = out.lines();
        let (path, version, libdir) = (
            lines.next().unwrap(),
            lines.next().unwrap(),
            lines.next().unwrap(),
        );
        let data = crate::parse_sysconfigdata(path).unwrap();
        assert_eq!(data.get_value("VERSION"), Some(version));
        assert!(data.get_value("SOABI").unwrap().starts_with("cpython-"));
        let config = InterpreterConfig::from_sysconfigdata(&data).unwrap();
        assert_eq!(config.version.to_string(), version);
        assert_eq!(config.lib_dir.as_deref(), Some(libdir));
        assert_eq!(config.pointer_width, Some(usize::BITS));

        let err = crate::parse_sysconfigdata("/nonexistent/_sysconfigdata_x.py")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("failed to read config from /nonexistent/_sysconfigdata_x.py"),
            "{err}"
        );
    }
}
