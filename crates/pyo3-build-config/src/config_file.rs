//! The `key=value` text form of [`InterpreterConfig`]: the format of the file named by
//! `PYO3_CONFIG_FILE` (as maturin writes it) and of the configuration this crate's
//! build script stores in `OUT_DIR`.
//!
//! One `key=value` per line; blank lines and lines starting with `#` are skipped.
//! Every key may appear once, except `extra_build_script_line`, which is repeatable.
//! A key with an empty value is the same as an absent key.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use crate::config::{BuildFlags, InterpreterConfig, PythonVersion};
use crate::errors::{Error, Result};

/// Every key the format knows, in the order [`InterpreterConfig::to_writer`] writes them.
const KEYS: &[&str] = &[
    "implementation",
    "version",
    "shared",
    "abi3",
    "lib_name",
    "lib_dir",
    "executable",
    "pointer_width",
    "build_flags",
    "suppress_build_script_link_lines",
    "extra_build_script_line",
    "python_framework_prefix",
];

impl InterpreterConfig {
    /// Reads a configuration file.
    ///
    /// # Errors
    ///
    /// Fails if the file cannot be read, or for the reasons given at
    /// [`from_reader`](Self::from_reader); the message names the file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let file = std::fs::File::open(path).map_err(|e| {
            Error::with_source(
                format!("could not open the configuration file {}", path.display()),
                e,
            )
        })?;
        Self::from_reader(file)
            .map_err(|e| Error::new(format!("in the configuration file {}: {e}", path.display())))
    }

    /// Parses a configuration from `key=value` lines. Only `version` is required;
    /// the other keys default to CPython, shared, not abi3, and nothing known.
    ///
    /// # Errors
    ///
    /// Fails on an unknown key (the message names it), a line without `=`, a key
    /// given twice, a missing `version`, or a value that does not parse.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3_build_config::{InterpreterConfig, PythonImplementation};
    ///
    /// let text = "implementation=PyPy\nversion=3.10\nabi3=false\nlib_name=pypy3.10-c\n";
    /// let config = InterpreterConfig::from_reader(text.as_bytes()).unwrap();
    /// assert_eq!(config.implementation, PythonImplementation::PyPy);
    /// assert_eq!(config.lib_name.as_deref(), Some("pypy3.10-c"));
    /// ```
    pub fn from_reader(reader: impl Read) -> Result<Self> {
        from_reader_inner(&mut BufReader::new(reader))
    }

    /// Writes the configuration as `key=value` lines that
    /// [`from_reader`](Self::from_reader) reads back to an equal value. Fields that
    /// are `None` are left out.
    ///
    /// # Errors
    ///
    /// Fails if writing fails, or if a value contains a line break (the format
    /// could not represent it).
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3_build_config::InterpreterConfig;
    ///
    /// let config = InterpreterConfig::from_reader("version=3.9\nabi3=true\n".as_bytes()).unwrap();
    /// let mut text = Vec::new();
    /// config.to_writer(&mut text).unwrap();
    /// assert_eq!(InterpreterConfig::from_reader(&text[..]).unwrap(), config);
    /// ```
    pub fn to_writer(&self, mut writer: impl Write) -> Result<()> {
        to_writer_inner(self, &mut writer)
    }

    /// The configuration as text, as [`to_writer`](Self::to_writer) writes it.
    pub(crate) fn to_text(&self) -> Result<String> {
        let mut bytes = Vec::new();
        self.to_writer(&mut bytes)?;
        // Every value written came from a `String`, so the bytes are UTF-8.
        String::from_utf8(bytes).map_err(|e| Error::with_source("configuration is not UTF-8", e))
    }
}

fn from_reader_inner(reader: &mut dyn BufRead) -> Result<InterpreterConfig> {
    let mut seen: Vec<&'static str> = Vec::new();
    let mut version = None;
    let mut config = InterpreterConfig::for_version(PythonVersion::MIN_SUPPORTED);

    for (index, line) in reader.lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|e| Error::with_source("could not read the configuration", e))?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=').ok_or_else(|| {
            Error::new(format!(
                "line {number}: expected `key=value`, found `{line}`"
            ))
        })?;
        let key = key.trim();
        let value = value.trim();
        let known = KEYS.iter().copied().find(|k| *k == key).ok_or_else(|| {
            Error::new(format!(
                "line {number}: unknown key `{key}` (known keys: {})",
                KEYS.join(", ")
            ))
        })?;
        if known != "extra_build_script_line" {
            if seen.contains(&known) {
                return Err(Error::new(format!(
                    "line {number}: key `{known}` is given more than once"
                )));
            }
            seen.push(known);
        }
        let in_line = |e: Error| Error::new(format!("line {number}: {e}"));
        let optional = || (!value.is_empty()).then(|| value.to_owned());
        match known {
            "implementation" => config.implementation = value.parse().map_err(in_line)?,
            "version" => version = Some(value.parse::<PythonVersion>().map_err(in_line)?),
            "shared" => config.shared = parse_bool(known, value).map_err(in_line)?,
            "abi3" => config.abi3 = parse_bool(known, value).map_err(in_line)?,
            "lib_name" => config.lib_name = optional(),
            "lib_dir" => config.lib_dir = optional(),
            "executable" => config.executable = optional(),
            "pointer_width" => {
                config.pointer_width = if value.is_empty() {
                    None
                } else {
                    Some(value.parse::<u32>().map_err(|_| {
                        in_line(Error::new(format!(
                            "`pointer_width` must be a number of bits, e.g. 64, not `{value}`"
                        )))
                    })?)
                }
            }
            "build_flags" => {
                config.build_flags = value
                    .parse::<BuildFlags>()
                    .unwrap_or_else(|never| match never {})
            }
            "suppress_build_script_link_lines" => {
                config.suppress_build_script_link_lines =
                    parse_bool(known, value).map_err(in_line)?
            }
            "extra_build_script_line" => {
                if !value.is_empty() {
                    config.extra_build_script_lines.push(value.to_owned());
                }
            }
            "python_framework_prefix" => config.python_framework_prefix = optional(),
            _ => unreachable!("every entry of KEYS has an arm"),
        }
    }

    config.version =
        version.ok_or_else(|| Error::new("the key `version` is missing (e.g. `version=3.11`)"))?;
    Ok(config)
}

fn parse_bool(key: &str, value: &str) -> Result<bool> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(Error::new(format!(
            "`{key}` must be `true` or `false`, not `{value}`"
        ))),
    }
}

fn to_writer_inner(config: &InterpreterConfig, writer: &mut dyn Write) -> Result<()> {
    let mut lines: Vec<(&str, String)> = vec![
        ("implementation", config.implementation.to_string()),
        ("version", config.version.to_string()),
        ("shared", config.shared.to_string()),
        ("abi3", config.abi3.to_string()),
    ];
    let optionals = [
        ("lib_name", &config.lib_name),
        ("lib_dir", &config.lib_dir),
        ("executable", &config.executable),
    ];
    for (key, value) in optionals {
        if let Some(value) = value {
            lines.push((key, value.clone()));
        }
    }
    if let Some(width) = config.pointer_width {
        lines.push(("pointer_width", width.to_string()));
    }
    lines.push(("build_flags", config.build_flags.to_string()));
    lines.push((
        "suppress_build_script_link_lines",
        config.suppress_build_script_link_lines.to_string(),
    ));
    for line in &config.extra_build_script_lines {
        lines.push(("extra_build_script_line", line.clone()));
    }
    if let Some(prefix) = &config.python_framework_prefix {
        lines.push(("python_framework_prefix", prefix.clone()));
    }

    for (key, value) in lines {
        if value.contains(['\n', '\r']) {
            return Err(Error::new(format!(
                "the value of `{key}` contains a line break, which the configuration format cannot hold"
            )));
        }
        writeln!(writer, "{key}={value}")
            .map_err(|e| Error::with_source("could not write the configuration", e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BuildFlag, PythonImplementation};

    fn full_config() -> InterpreterConfig {
        InterpreterConfig {
            implementation: PythonImplementation::CPython,
            version: PythonVersion::PY311,
            shared: false,
            abi3: true,
            lib_name: Some("python3.11".into()),
            lib_dir: Some("/opt/python/lib".into()),
            executable: Some("/opt/python/bin/python3".into()),
            pointer_width: Some(64),
            build_flags: "Py_DEBUG,Py_GIL_DISABLED,SOMETHING_ELSE".parse().unwrap(),
            suppress_build_script_link_lines: true,
            extra_build_script_lines: vec![
                "cargo:rustc-link-arg=-Wl,-rpath,/x".into(),
                "cargo:rustc-link-lib=m".into(),
            ],
            python_framework_prefix: Some("/Library/Frameworks".into()),
        }
    }

    #[test]
    fn round_trip_full() {
        let config = full_config();
        let text = config.to_text().unwrap();
        assert_eq!(
            InterpreterConfig::from_reader(text.as_bytes()).unwrap(),
            config
        );
        assert!(text.contains("extra_build_script_line=cargo:rustc-link-lib=m\n"));
        assert!(text.contains("build_flags=Py_DEBUG,Py_GIL_DISABLED,SOMETHING_ELSE\n"));
    }

    #[test]
    fn round_trip_minimal() {
        let config = InterpreterConfig::for_version(PythonVersion::PY37);
        let text = config.to_text().unwrap();
        assert!(!text.contains("lib_dir"));
        assert_eq!(
            InterpreterConfig::from_reader(text.as_bytes()).unwrap(),
            config
        );
    }

    #[test]
    fn unknown_key_is_named() {
        let err = InterpreterConfig::from_reader("version=3.8\nlibdir=/usr/lib\n".as_bytes())
            .unwrap_err()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("unknown key `libdir`"), "{err}");
    }

    #[test]
    fn bad_version() {
        for text in ["version=3\n", "version=three.eleven\n", "version=3.11.7\n"] {
            let err = InterpreterConfig::from_reader(text.as_bytes())
                .unwrap_err()
                .to_string();
            assert!(err.contains("invalid Python version"), "{text}: {err}");
        }
    }

    #[test]
    fn missing_version_and_bad_values() {
        let err = InterpreterConfig::from_reader("shared=true\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("`version` is missing"));
        let err =
            InterpreterConfig::from_reader("version=3.9\nshared=yes\n".as_bytes()).unwrap_err();
        assert!(err
            .to_string()
            .contains("`shared` must be `true` or `false`"));
        let err =
            InterpreterConfig::from_reader("version=3.9\nversion=3.10\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("more than once"));
        let err = InterpreterConfig::from_reader("version 3.9\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("expected `key=value`"));
    }

    #[test]
    fn comments_blanks_and_crlf() {
        let text = "# written by hand\r\n\r\nversion=3.12\r\nbuild_flags=\r\nlib_dir=\r\n";
        let config = InterpreterConfig::from_reader(text.as_bytes()).unwrap();
        assert_eq!(config.version, PythonVersion::PY312);
        assert!(config.build_flags.0.is_empty());
        assert_eq!(config.lib_dir, None);
        assert!(!config.build_flags.0.contains(&BuildFlag::Py_DEBUG));
    }

    #[test]
    fn line_break_in_value_is_refused() {
        let mut config = full_config();
        config.lib_dir = Some("/a\nb".into());
        assert!(config.to_text().is_err());
    }
}
