//! The `--cfg` names dependents see (`Py_3_7` ... `Py_3_13`, `Py_LIMITED_API`,
//! `Py_GIL_DISABLED`, `PyPy`, `GraalPy`), derived from an [`InterpreterConfig`], and
//! the list declared to rustc's check-cfg so that a misspelt cfg warns.

use crate::config::{InterpreterConfig, PythonVersion};

impl InterpreterConfig {
    /// The cfg names for this configuration, e.g. `["Py_3_7", "Py_3_8", "Py_LIMITED_API"]`.
    ///
    /// `Py_3_N` is set for every minor version from 3.7 up to `version` (which, for an
    /// abi3 build, is the oldest version the build must run on).
    pub(crate) fn cfg_names(&self) -> Vec<String> {
        let mut names = Vec::new();
        if self.version.major == 3 {
            let first = PythonVersion::MIN_SUPPORTED.minor;
            for minor in first..=self.version.minor {
                names.push(format!("Py_3_{minor}"));
            }
        }
        if self.abi3 {
            names.push("Py_LIMITED_API".to_owned());
        } else if self.is_free_threaded() {
            names.push("Py_GIL_DISABLED".to_owned());
        }
        if self.implementation.is_pypy() {
            names.push("PyPy".to_owned());
        }
        if self.implementation.is_graalpy() {
            names.push("GraalPy".to_owned());
        }
        names
    }

    /// The `cargo:rustc-cfg=...` lines that [`emit_pyo3_cfgs`](Self::emit_pyo3_cfgs) prints.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3_build_config::InterpreterConfig;
    ///
    /// let config = InterpreterConfig::from_reader("version=3.8\nabi3=true\n".as_bytes()).unwrap();
    /// assert_eq!(
    ///     config.build_script_outputs(),
    ///     ["cargo:rustc-cfg=Py_3_7", "cargo:rustc-cfg=Py_3_8", "cargo:rustc-cfg=Py_LIMITED_API"]
    /// );
    /// ```
    pub fn build_script_outputs(&self) -> Vec<String> {
        self.cfg_names()
            .into_iter()
            .map(|name| format!("cargo:rustc-cfg={name}"))
            .collect()
    }

    /// Prints the cfgs for this configuration as build-script output. Call it from a
    /// build script; [`use_pyo3_cfgs`](crate::use_pyo3_cfgs) does so for the resolved
    /// configuration.
    pub fn emit_pyo3_cfgs(&self) {
        for line in self.build_script_outputs() {
            println!("{line}");
        }
    }
}

/// Every cfg this crate may set, as `cargo:rustc-check-cfg=...` lines.
pub(crate) fn expected_cfg_lines() -> Vec<String> {
    let mut names: Vec<String> = [
        "Py_LIMITED_API",
        "Py_GIL_DISABLED",
        "PyPy",
        "GraalPy",
        "pyo3_disable_reference_pool",
        "pyo3_leak_on_drop_without_reference_pool",
        "py_sys_config, values(\"Py_DEBUG\", \"Py_REF_DEBUG\", \"Py_TRACE_REFS\", \"COUNT_ALLOCS\")",
    ]
    .iter()
    .map(|name| (*name).to_owned())
    .collect();
    // Code written for PyO3 0.27 may test versions up to 3.15 (its newest abi3 target, 3.14,
    // and the one in development).
    let known = PythonVersion::MIN_SUPPORTED.minor..=15;
    names.extend(known.map(|minor| format!("Py_3_{minor}")));
    names
        .into_iter()
        .map(|name| format!("cargo:rustc-check-cfg=cfg({name})"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BuildFlag, PythonImplementation};

    fn config(version: PythonVersion, abi3: bool) -> InterpreterConfig {
        let mut config = InterpreterConfig::for_version(version);
        config.abi3 = abi3;
        config
    }

    #[test]
    fn version_specific() {
        assert_eq!(
            config(PythonVersion::PY310, false).cfg_names(),
            ["Py_3_7", "Py_3_8", "Py_3_9", "Py_3_10"]
        );
        assert_eq!(config(PythonVersion::PY37, false).cfg_names(), ["Py_3_7"]);
    }

    #[test]
    fn abi3_uses_the_minimum() {
        assert_eq!(
            config(PythonVersion::PY39, true).cfg_names(),
            ["Py_3_7", "Py_3_8", "Py_3_9", "Py_LIMITED_API"]
        );
    }

    #[test]
    fn free_threaded_and_implementations() {
        let mut ft = config(PythonVersion::PY313, false);
        ft.build_flags.0.insert(BuildFlag::Py_GIL_DISABLED);
        let names = ft.cfg_names();
        assert_eq!(names.len(), 8);
        assert_eq!(names.last().unwrap(), "Py_GIL_DISABLED");

        let mut pypy = config(PythonVersion::PY310, false);
        pypy.implementation = PythonImplementation::PyPy;
        assert!(pypy.cfg_names().contains(&"PyPy".to_owned()));
        pypy.implementation = PythonImplementation::GraalPy;
        assert!(pypy.cfg_names().contains(&"GraalPy".to_owned()));
    }

    #[test]
    fn expected_cfgs_cover_all_versions() {
        let lines = expected_cfg_lines();
        assert!(lines.contains(&"cargo:rustc-check-cfg=cfg(Py_3_7)".to_owned()));
        assert!(lines.contains(&"cargo:rustc-check-cfg=cfg(Py_3_13)".to_owned()));
        assert!(lines.contains(&"cargo:rustc-check-cfg=cfg(Py_3_15)".to_owned()));
        assert!(lines.contains(&"cargo:rustc-check-cfg=cfg(Py_LIMITED_API)".to_owned()));
        assert!(
            lines.contains(&"cargo:rustc-check-cfg=cfg(pyo3_disable_reference_pool)".to_owned())
        );
        // 7 names, then Py_3_7 ..= Py_3_15.
        assert_eq!(lines.len(), 7 + 9);
    }
}
