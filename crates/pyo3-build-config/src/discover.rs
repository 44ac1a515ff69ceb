//! Asking a Python interpreter about itself: the one script this crate runs, and the
//! parsing of its answer into [`InterpreterFacts`]. Which interpreter to ask, and
//! whether its answer is acceptable, is decided in `resolve.rs`.

use std::ffi::OsStr;
use std::io::ErrorKind;
use std::process::Command;

use crate::config::{
    BuildFlag, BuildFlags, InterpreterConfig, PythonImplementation, PythonVersion,
};

/// Printed by the interpreter as `key=value` lines. Written so that Python 2 can run
/// it too: an old `python` on PATH then reports its version instead of a syntax error,
/// and the user is told which version was found.
const SCRIPT: &str = r#"
import platform, struct, sys, sysconfig
var = sysconfig.get_config_var
def emit(key, value):
    sys.stdout.write("%s=%s\n" % (key, "" if value is None else value))
emit("implementation", platform.python_implementation())
emit("version", "%d.%d" % sys.version_info[:2])
emit("shared", var("Py_ENABLE_SHARED"))
emit("ldversion", var("LDVERSION"))
libdir = var("LIBDIR")
if platform.python_implementation() == "PyPy":
    # PyPy's LIBDIR can name its bin directory; where the running libpypy was loaded from
    # is the answer (Linux).
    try:
        for line in open("/proc/self/maps"):
            path = line.split()[-1]
            if "/libpypy" in path:
                libdir = path.rsplit("/", 1)[0]
                break
    except Exception:
        pass
emit("libdir", libdir)
emit("pointer_width", struct.calcsize("P") * 8)
emit("abiflags", getattr(sys, "abiflags", ""))
emit("ext_suffix", var("EXT_SUFFIX"))
emit("Py_GIL_DISABLED", var("Py_GIL_DISABLED"))
emit("Py_DEBUG", var("Py_DEBUG"))
emit("Py_REF_DEBUG", int(hasattr(sys, "gettotalrefcount")))
emit("Py_TRACE_REFS", var("Py_TRACE_REFS"))
emit("COUNT_ALLOCS", var("COUNT_ALLOCS"))
emit("executable", sys.executable)
emit("framework_prefix", var("PYTHONFRAMEWORKPREFIX"))
"#;

/// What one interpreter reported about itself, before any policy (abi3, version
/// limits) is applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InterpreterFacts {
    pub(crate) implementation: PythonImplementation,
    pub(crate) version: PythonVersion,
    pub(crate) shared: bool,
    pub(crate) lib_name: Option<String>,
    pub(crate) lib_dir: Option<String>,
    pub(crate) executable: Option<String>,
    pub(crate) pointer_width: Option<u32>,
    pub(crate) build_flags: BuildFlags,
    pub(crate) framework_prefix: Option<String>,
}

impl InterpreterFacts {
    pub(crate) fn is_free_threaded(&self) -> bool {
        self.build_flags.0.contains(&BuildFlag::Py_GIL_DISABLED)
    }

    /// The configuration for these facts, built for `version` and `abi3` as the
    /// policy in `resolve.rs` decided.
    pub(crate) fn into_config(self, version: PythonVersion, abi3: bool) -> InterpreterConfig {
        let mut config = InterpreterConfig::for_version(version);
        config.implementation = self.implementation;
        config.shared = self.shared;
        config.abi3 = abi3;
        config.lib_name = self.lib_name;
        config.lib_dir = self.lib_dir;
        config.executable = self.executable;
        config.pointer_width = self.pointer_width;
        config.build_flags = self.build_flags;
        config.python_framework_prefix = self.framework_prefix;
        config
    }
}

/// Runs `program` once with the query script.
///
/// # Errors
///
/// A short reason, for the list of candidates shown to the user: not found, could
/// not start, exited with an error (with the last line it printed), or printed
/// something unexpected.
pub(crate) fn query(program: &OsStr) -> Result<InterpreterFacts, String> {
    let output = match Command::new(program).arg("-c").arg(SCRIPT).output() {
        Ok(output) => output,
        Err(e) if e.kind() == ErrorKind::NotFound => return Err("not found".to_owned()),
        Err(e) => return Err(format!("could not be started: {e}")),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr.lines().rev().find(|l| !l.trim().is_empty());
        return Err(match last {
            Some(line) => format!("failed ({}): {}", output.status, line.trim()),
            None => format!("failed ({})", output.status),
        });
    }
    parse_output(&String::from_utf8_lossy(&output.stdout))
}

/// Parses the script's `key=value` output.
pub(crate) fn parse_output(text: &str) -> Result<InterpreterFacts, String> {
    let get = |key: &str| -> Option<&str> {
        text.lines()
            .filter_map(|line| line.split_once('='))
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    };
    let unexpected = |what: &str| format!("printed unexpected output ({what}): {text:?}");
    // sysconfig reports flags as 0/1 integers, or nothing when the build never defines them.
    let flag = |key: &str| matches!(get(key), Some("1") | Some("True"));

    let implementation: PythonImplementation = get("implementation")
        .ok_or_else(|| unexpected("no implementation"))?
        .parse()
        .map_err(|e| format!("{e}"))?;
    let version: PythonVersion = get("version")
        .ok_or_else(|| unexpected("no version"))?
        .parse()
        .map_err(|e| format!("{e}"))?;
    let pointer_width = get("pointer_width").and_then(|w| w.parse().ok());

    let mut build_flags = BuildFlags::new();
    let known = [
        ("Py_GIL_DISABLED", BuildFlag::Py_GIL_DISABLED),
        ("Py_DEBUG", BuildFlag::Py_DEBUG),
        ("Py_REF_DEBUG", BuildFlag::Py_REF_DEBUG),
        ("Py_TRACE_REFS", BuildFlag::Py_TRACE_REFS),
        ("COUNT_ALLOCS", BuildFlag::COUNT_ALLOCS),
    ];
    for (key, build_flag) in known {
        if flag(key) {
            build_flags.0.insert(build_flag);
        }
    }

    let lib_name = match implementation {
        PythonImplementation::CPython => Some(match get("ldversion") {
            Some(ldversion) => format!("python{ldversion}"),
            None => format!("python{version}{}", get("abiflags").unwrap_or("")),
        }),
        PythonImplementation::PyPy if version >= PythonVersion::PY39 => {
            Some(format!("pypy{version}-c"))
        }
        PythonImplementation::PyPy => Some("pypy3-c".to_owned()),
        // GraalPy offers no library to link against; it only loads extension modules.
        PythonImplementation::GraalPy => None,
    };

    Ok(InterpreterFacts {
        implementation,
        version,
        shared: flag("shared") || implementation != PythonImplementation::CPython,
        lib_name,
        lib_dir: get("libdir").map(str::to_owned),
        executable: get("executable").map(str::to_owned),
        pointer_width,
        build_flags,
        framework_prefix: get("framework_prefix").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PYENV_37: &str = "implementation=CPython\nversion=3.7\nshared=1\nldversion=3.7m\n\
        libdir=/root/.pyenv/versions/3.7.16/lib\npointer_width=64\nabiflags=m\n\
        ext_suffix=.cpython-37m-x86_64-linux-gnu.so\nPy_GIL_DISABLED=\nPy_DEBUG=0\n\
        Py_REF_DEBUG=0\nPy_TRACE_REFS=0\nCOUNT_ALLOCS=0\n\
        executable=/root/.pyenv/versions/3.7.16/bin/python3.7\nframework_prefix=\n";

    #[test]
    fn parses_pyenv_37() {
        let facts = parse_output(PYENV_37).unwrap();
        assert_eq!(facts.version, PythonVersion::PY37);
        assert_eq!(facts.lib_name.as_deref(), Some("python3.7m"));
        assert_eq!(
            facts.lib_dir.as_deref(),
            Some("/root/.pyenv/versions/3.7.16/lib")
        );
        assert!(facts.shared);
        assert!(facts.build_flags.0.is_empty());
        assert_eq!(facts.pointer_width, Some(64));
        assert_eq!(facts.framework_prefix, None);
    }

    #[test]
    fn parses_free_threaded_debug() {
        let text = "implementation=CPython\nversion=3.13\nshared=0\nldversion=3.13td\n\
            Py_GIL_DISABLED=1\nPy_DEBUG=1\nPy_REF_DEBUG=1\n";
        let facts = parse_output(text).unwrap();
        assert!(facts.is_free_threaded());
        assert!(!facts.shared);
        assert_eq!(facts.lib_name.as_deref(), Some("python3.13td"));
        assert!(facts.build_flags.0.contains(&BuildFlag::Py_DEBUG));
        assert!(facts.build_flags.0.contains(&BuildFlag::Py_REF_DEBUG));
    }

    #[test]
    fn rejects_garbage() {
        assert!(parse_output("hello\n")
            .unwrap_err()
            .contains("unexpected output"));
    }
}
