//! Running a Python script with an interpreter and collecting what it prints: for
//! [`InterpreterConfig::run_python_script`] and for reading `_sysconfigdata_*.py` files,
//! which only an interpreter can evaluate.

use std::ffi::{OsStr, OsString};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::config::InterpreterConfig;
use crate::errors::{Error, Result};

impl InterpreterConfig {
    /// Runs `script` with this configuration's interpreter ([`executable`]) and returns
    /// what it printed on stdout.
    ///
    /// The script is fed to the interpreter on stdin; `PYTHONIOENCODING` is `utf-8`.
    ///
    /// # Errors
    ///
    /// When the interpreter cannot be started, the script fails (the error holds the end
    /// of its stderr), or its output is not UTF-8.
    ///
    /// # Panics
    ///
    /// When [`executable`] is `None`, as in PyO3.
    ///
    /// [`executable`]: InterpreterConfig::executable
    ///
    /// # Examples
    ///
    /// ```no_run
    /// let config = pyo3_build_config::get();
    /// let out = config.run_python_script("import sys; print(sys.version_info[0])").unwrap();
    /// assert_eq!(out.trim(), "3");
    /// ```
    pub fn run_python_script(&self, script: &str) -> Result<String> {
        run_script(Path::new(self.script_interpreter()), script, Vec::new())
    }

    /// As [`run_python_script`](Self::run_python_script), with extra environment
    /// variables for the interpreter (e.g. `PYTHONPATH`).
    ///
    /// # Errors
    ///
    /// As [`run_python_script`](Self::run_python_script).
    ///
    /// # Panics
    ///
    /// When [`executable`](InterpreterConfig::executable) is `None`.
    pub fn run_python_script_with_envs<I, K, V>(&self, script: &str, envs: I) -> Result<String>
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        let envs = envs
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        run_script(Path::new(self.script_interpreter()), script, envs)
    }

    fn script_interpreter(&self) -> &str {
        self.executable
            .as_deref()
            .expect("the interpreter configuration names no executable to run the script with")
    }
}

/// Runs `script` (on stdin) with `interpreter` and returns its stdout.
pub(crate) fn run_script(
    interpreter: &Path,
    script: &str,
    envs: Vec<(OsString, OsString)>,
) -> Result<String> {
    let spawned = Command::new(interpreter)
        .env("PYTHONIOENCODING", "utf-8")
        .envs(envs)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = spawned.map_err(|e| {
        Error::with_source(
            format!(
                "failed to run the Python interpreter at {}",
                interpreter.display()
            ),
            e,
        )
    })?;
    let written = child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes());
    let output = child.wait_with_output().map_err(|e| {
        Error::with_source(
            format!(
                "failed to run the Python interpreter at {}",
                interpreter.display()
            ),
            e,
        )
    })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(Error::new(format!(
            "Python script failed ({}) with {}:\n{}",
            output.status,
            interpreter.display(),
            tail.join("\n")
        )));
    }
    // A script that exits before reading all of stdin closes the pipe; its exit status,
    // checked above, is what matters then.
    if let Err(e) = written {
        if e.kind() != ErrorKind::BrokenPipe {
            return Err(Error::with_source("failed to pass the script to Python", e));
        }
    }
    String::from_utf8(output.stdout)
        .map_err(|e| Error::with_source("the Python script's output is not UTF-8", e))
}

/// The host interpreter to run helper scripts with, found as the build does:
/// `PYO3_PYTHON`, else the active virtualenv's or conda environment's `python`, else
/// `python3` (or `python`) on PATH.
pub(crate) fn host_interpreter() -> Result<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(python) = var("PYO3_PYTHON") {
        return Ok(PathBuf::from(python));
    }
    let in_prefix = |prefix: OsString| {
        let mut path = PathBuf::from(prefix);
        if cfg!(windows) {
            path.push("python.exe");
        } else {
            path.push("bin");
            path.push("python");
        }
        path
    };
    if let Some(venv) = var("VIRTUAL_ENV") {
        return Ok(in_prefix(venv));
    }
    if let Some(conda) = var("CONDA_PREFIX") {
        return Ok(in_prefix(conda));
    }
    for name in ["python3", "python"] {
        let found = Command::new(name)
            .arg("-c")
            .arg("")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|status| status.success());
        if found {
            return Ok(PathBuf::from(name));
        }
    }
    Err(Error::new(
        "no Python 3.x interpreter found: set PYO3_PYTHON to one",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_interpreter() -> InterpreterConfig {
        let mut config = InterpreterConfig::for_version(crate::PythonVersion::PY313);
        config.executable = Some(
            host_interpreter()
                .expect("the tests need a Python interpreter")
                .to_string_lossy()
                .into_owned(),
        );
        config
    }

    #[test]
    fn runs_a_script_and_returns_stdout() {
        let config = with_interpreter();
        let out = config
            .run_python_script("import sys\nprint('a', 1 + 1)\nsys.stdout.write('é')")
            .unwrap();
        assert_eq!(out, "a 2\né");
    }

    #[test]
    fn passes_extra_environment_variables() {
        let config = with_interpreter();
        let script =
            "import os; print(os.environ['PYO3_TEST_VALUE'], os.environ['PYTHONIOENCODING'])";
        let out = config
            .run_python_script_with_envs(script, [("PYO3_TEST_VALUE", "given")])
            .unwrap();
        assert_eq!(out.trim(), "given utf-8");
    }

    #[test]
    fn a_failing_script_is_an_error_with_its_stderr() {
        let config = with_interpreter();
        let err = config
            .run_python_script("raise ValueError('bad input')")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("Python script failed"), "{err}");
        assert!(err.contains("ValueError: bad input"), "{err}");
    }

    #[test]
    fn a_missing_interpreter_is_an_error() {
        let mut config = InterpreterConfig::for_version(crate::PythonVersion::PY313);
        config.executable = Some("/nonexistent/python3".to_owned());
        let err = config
            .run_python_script("print(1)")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("failed to run the Python interpreter at /nonexistent/python3"),
            "{err}"
        );
    }

    #[test]
    #[should_panic(expected = "names no executable")]
    fn no_executable_panics_as_in_pyo3() {
        let config = InterpreterConfig::for_version(crate::PythonVersion::PY313);
        let _ = config.run_python_script("print(1)");
    }
}
