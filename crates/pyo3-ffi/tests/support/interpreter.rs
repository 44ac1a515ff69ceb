//! Shared by the layout and symbol tests: which interpreter to check against, and the cfgs
//! this test binary (and so `pyo3-ffi`) was compiled with.

use std::process::Command;

/// The interpreter `pyo3-ffi` was built for, as `pyo3-build-config` resolves it (from
/// `PYO3_PYTHON`, the config file or PATH, exactly as the build script did); `python3` if
/// the configuration names no executable (a cross or config-file build).
pub fn python() -> String {
    pyo3_build_config::get()
        .executable
        .clone()
        .unwrap_or_else(|| "python3".to_owned())
}

/// Runs `code` in the interpreter and returns its stdout, trimmed.
pub fn python_eval(code: &str) -> String {
    let python = python();
    let out = Command::new(&python)
        .arg("-c")
        .arg(code)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "{python} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The highest `Py_3_X` cfg set, as X.
pub fn cfg_minor() -> u32 {
    let flags = [
        cfg!(Py_3_7),
        cfg!(Py_3_8),
        cfg!(Py_3_9),
        cfg!(Py_3_10),
        cfg!(Py_3_11),
        cfg!(Py_3_12),
        cfg!(Py_3_13),
    ];
    let n = flags.iter().take_while(|&&f| f).count();
    assert!(n > 0, "pyo3-ffi was built without any Py_3_X cfg");
    6 + n as u32
}

/// The interpreter's minor version.
pub fn python_minor() -> u32 {
    python_eval("import sys; print(sys.version_info[1])")
        .parse()
        .unwrap()
}

/// Fails unless the interpreter is the one the cfgs describe (with the limited API the
/// cfgs give the oldest supported version, so any newer interpreter is fine).
pub fn check_interpreter_matches() {
    let (built, found) = (cfg_minor(), python_minor());
    if cfg!(Py_LIMITED_API) {
        assert!(
            found >= built,
            "pyo3-ffi targets the 3.{built} limited API but {} is 3.{found}",
            python()
        );
    } else {
        assert_eq!(
            built,
            found,
            "pyo3-ffi was built for 3.{built} but {} is 3.{found}; set PYO3_PYTHON",
            python()
        );
    }
}
