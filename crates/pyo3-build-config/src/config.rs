//! The data that describes one Python installation as the build sees it:
//! implementation, version, ABI and how to link. Reading and writing it as text
//! lives in `config_file.rs`; deriving cfgs from it lives in `cfgs.rs`.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;

use crate::errors::{Error, Result};

/// Everything the build needs to know about the target Python installation.
///
/// One value is resolved when this crate is built (see [`get`](crate::get)); it can
/// also be read from a `key=value` file with [`InterpreterConfig::from_path`].
///
/// # Examples
///
/// ```
/// use pyo3_build_config::{InterpreterConfig, PythonVersion};
///
/// let config = InterpreterConfig::from_reader("version=3.12\n".as_bytes()).unwrap();
/// assert_eq!(config.version, PythonVersion { major: 3, minor: 12 });
/// assert!(config.shared);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpreterConfig {
    /// Which Python implementation (CPython, PyPy, GraalPy).
    pub implementation: PythonImplementation,
    /// The Python version the build targets. With `abi3` this is the oldest version
    /// the stable-ABI build must run on, not the interpreter's own version.
    pub version: PythonVersion,
    /// Whether the interpreter was built with a shared libpython (`Py_ENABLE_SHARED`).
    pub shared: bool,
    /// Whether to build against the stable ABI (`Py_LIMITED_API`).
    pub abi3: bool,
    /// The library to link, without `lib` prefix or suffix, e.g. `python3.11` or `python3.7m`.
    pub lib_name: Option<String>,
    /// The directory holding the library named by `lib_name`.
    pub lib_dir: Option<String>,
    /// The interpreter executable the configuration was taken from, if any.
    pub executable: Option<String>,
    /// Width of a pointer in bits for the interpreter (32 or 64).
    pub pointer_width: Option<u32>,
    /// Compile-time flags of the interpreter that change its ABI.
    pub build_flags: BuildFlags,
    /// When true, `pyo3-ffi`'s build script prints no `rustc-link-*` lines: the user
    /// links libpython themselves (for example through `extra_build_script_lines`).
    pub suppress_build_script_link_lines: bool,
    /// Lines printed verbatim by `pyo3-ffi`'s build script (e.g. `cargo:rustc-link-arg=...`).
    pub extra_build_script_lines: Vec<String>,
    /// On macOS, the prefix of a framework build of Python (`PYTHONFRAMEWORKPREFIX`).
    pub python_framework_prefix: Option<String>,
}

impl InterpreterConfig {
    /// Whether the interpreter is a free-threaded build (`Py_GIL_DISABLED`, 3.13t and later).
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3_build_config::InterpreterConfig;
    ///
    /// let text = "version=3.13\nbuild_flags=Py_GIL_DISABLED\n";
    /// assert!(InterpreterConfig::from_reader(text.as_bytes()).unwrap().is_free_threaded());
    /// ```
    pub fn is_free_threaded(&self) -> bool {
        self.build_flags.0.contains(&BuildFlag::Py_GIL_DISABLED)
    }

    /// A configuration for `version` with every other field at its default: CPython,
    /// shared, not abi3, no library or executable known.
    pub(crate) fn for_version(version: PythonVersion) -> Self {
        InterpreterConfig {
            implementation: PythonImplementation::CPython,
            version,
            shared: true,
            abi3: false,
            lib_name: None,
            lib_dir: None,
            executable: None,
            pointer_width: None,
            build_flags: BuildFlags::new(),
            suppress_build_script_link_lines: false,
            extra_build_script_lines: Vec::new(),
            python_framework_prefix: None,
        }
    }
}

/// A Python language version, `major.minor` (the patch level never changes the ABI).
///
/// # Examples
///
/// ```
/// use pyo3_build_config::PythonVersion;
///
/// let v: PythonVersion = "3.11".parse().unwrap();
/// assert_eq!(v.to_string(), "3.11");
/// assert!(v > PythonVersion::PY37);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PythonVersion {
    /// The major version, 3 for every supported interpreter.
    pub major: u8,
    /// The minor version.
    pub minor: u8,
}

impl PythonVersion {
    /// Python 3.7, the oldest version this crate supports.
    pub const PY37: Self = Self::py3(7);
    /// Python 3.8.
    pub const PY38: Self = Self::py3(8);
    /// Python 3.9.
    pub const PY39: Self = Self::py3(9);
    /// Python 3.10.
    pub const PY310: Self = Self::py3(10);
    /// Python 3.11.
    pub const PY311: Self = Self::py3(11);
    /// Python 3.12.
    pub const PY312: Self = Self::py3(12);
    /// Python 3.13, the newest version this crate knows.
    pub const PY313: Self = Self::py3(13);

    /// The oldest supported version.
    pub(crate) const MIN_SUPPORTED: Self = Self::PY37;
    /// The newest known version: newer interpreters are only usable through abi3.
    pub(crate) const MAX_SUPPORTED: Self = Self::PY313;
    /// The newest version an `abi3-py3X` feature can name (`abi3-py314`).
    pub(crate) const ABI3_MAX: Self = Self::py3(14);

    const fn py3(minor: u8) -> Self {
        PythonVersion { major: 3, minor }
    }
}

impl fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl FromStr for PythonVersion {
    type Err = Error;

    /// Parses `"3.11"`. A patch level (`"3.11.7"`) is not accepted: the
    /// configuration is about ABI, which only `major.minor` decides.
    fn from_str(s: &str) -> Result<Self> {
        let bad = || {
            Error::new(format!(
                "invalid Python version `{s}`: expected `major.minor`, e.g. `3.11`"
            ))
        };
        let (major, minor) = s.trim().split_once('.').ok_or_else(bad)?;
        let major = major.parse::<u8>().map_err(|_| bad())?;
        let minor = minor.parse::<u8>().map_err(|_| bad())?;
        Ok(PythonVersion { major, minor })
    }
}

/// The implementation of the Python language an interpreter provides.
///
/// # Examples
///
/// ```
/// use pyo3_build_config::PythonImplementation;
///
/// let implementation: PythonImplementation = "PyPy".parse().unwrap();
/// assert_eq!(implementation, PythonImplementation::PyPy);
/// assert_eq!(implementation.to_string(), "PyPy");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PythonImplementation {
    /// The reference implementation.
    CPython,
    /// PyPy, through its `cpyext` emulation of the C API.
    PyPy,
    /// GraalPy, the GraalVM implementation.
    GraalPy,
}

impl PythonImplementation {
    /// Whether this is PyPy.
    pub fn is_pypy(self) -> bool {
        self == PythonImplementation::PyPy
    }

    /// Whether this is GraalPy.
    pub fn is_graalpy(self) -> bool {
        self == PythonImplementation::GraalPy
    }
}

impl fmt::Display for PythonImplementation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PythonImplementation::CPython => "CPython",
            PythonImplementation::PyPy => "PyPy",
            PythonImplementation::GraalPy => "GraalPy",
        })
    }
}

impl FromStr for PythonImplementation {
    type Err = Error;

    /// Accepts the names `platform.python_implementation()` returns.
    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "CPython" => Ok(PythonImplementation::CPython),
            "PyPy" => Ok(PythonImplementation::PyPy),
            "GraalVM" | "GraalPy" => Ok(PythonImplementation::GraalPy),
            other => Err(Error::new(format!(
                "unknown Python implementation `{other}`: expected CPython, PyPy or GraalPy"
            ))),
        }
    }
}

/// A compile-time flag of the interpreter that changes its ABI.
///
/// The variant names are the C macro names, hence the casing.
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BuildFlag {
    /// A debug build (`--with-pydebug`).
    Py_DEBUG,
    /// Reference-count debugging: objects carry no extra fields but `_Py_RefTotal` exists.
    Py_REF_DEBUG,
    /// Every object carries list links (`--with-trace-refs`).
    Py_TRACE_REFS,
    /// A free-threaded build (3.13t and later).
    Py_GIL_DISABLED,
    /// Allocation counting, removed in CPython 3.9.
    COUNT_ALLOCS,
    /// Any other flag, kept as written.
    Other(String),
}

impl fmt::Display for BuildFlag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BuildFlag::Py_DEBUG => "Py_DEBUG",
            BuildFlag::Py_REF_DEBUG => "Py_REF_DEBUG",
            BuildFlag::Py_TRACE_REFS => "Py_TRACE_REFS",
            BuildFlag::Py_GIL_DISABLED => "Py_GIL_DISABLED",
            BuildFlag::COUNT_ALLOCS => "COUNT_ALLOCS",
            BuildFlag::Other(name) => name,
        })
    }
}

impl FromStr for BuildFlag {
    type Err = std::convert::Infallible;

    /// Never fails: unknown names become [`BuildFlag::Other`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "Py_DEBUG" => BuildFlag::Py_DEBUG,
            "Py_REF_DEBUG" => BuildFlag::Py_REF_DEBUG,
            "Py_TRACE_REFS" => BuildFlag::Py_TRACE_REFS,
            "Py_GIL_DISABLED" => BuildFlag::Py_GIL_DISABLED,
            "COUNT_ALLOCS" => BuildFlag::COUNT_ALLOCS,
            other => BuildFlag::Other(other.to_owned()),
        })
    }
}

/// The set of [`BuildFlag`]s of an interpreter. Written as a comma-separated list.
///
/// # Examples
///
/// ```
/// use pyo3_build_config::{BuildFlag, BuildFlags};
///
/// let flags: BuildFlags = "Py_DEBUG,Py_REF_DEBUG".parse().unwrap();
/// assert!(flags.0.contains(&BuildFlag::Py_DEBUG));
/// assert_eq!(flags.to_string(), "Py_DEBUG,Py_REF_DEBUG");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BuildFlags(pub HashSet<BuildFlag>);

impl BuildFlags {
    /// An empty set.
    pub fn new() -> Self {
        BuildFlags(HashSet::new())
    }
}

impl fmt::Display for BuildFlags {
    /// Sorted, so that the same set always prints the same way.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut flags: Vec<&BuildFlag> = self.0.iter().collect();
        flags.sort();
        for (i, flag) in flags.into_iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{flag}")?;
        }
        Ok(())
    }
}

impl FromStr for BuildFlags {
    type Err = std::convert::Infallible;

    /// Splits on commas, ignoring blanks around names and empty entries.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(BuildFlags(
            s.split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| BuildFlag::from_str(name).unwrap_or_else(|never| match never {}))
                .collect(),
        ))
    }
}
