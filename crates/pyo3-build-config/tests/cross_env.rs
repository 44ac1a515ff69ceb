//! Cross-compilation detection from the `PYO3_CROSS_*` variables, end to end through the
//! public API: `cross_compiling_from_to`, `find_all_sysconfigdata` (with
//! `_PYTHON_SYSCONFIGDATA_NAME`), `parse_sysconfigdata` and
//! `InterpreterConfig::from_sysconfigdata` on a real installation's file.
//!
//! One test function, since it changes the process environment.

use std::path::{Path, PathBuf};
use std::process::Command;

use pyo3_build_config::{
    cross_compiling_from_to, find_all_sysconfigdata, parse_sysconfigdata, InterpreterConfig, Triple,
};

/// The interpreter the crate was configured with (`PYO3_PYTHON` or discovery), and the
/// directory of its `_sysconfigdata_*.py` and its version.
fn installation() -> (PathBuf, String, String) {
    let python = pyo3_build_config::get()
        .executable
        .clone()
        .expect("the tests need an interpreter");
    let out = Command::new(&python)
        .arg("-c")
        .arg(
            "import os, sys, sysconfig\n\
             mod = __import__(sysconfig._get_sysconfigdata_name())\n\
             print(os.path.realpath(mod.__file__))\n\
             print('%d.%d' % sys.version_info[:2])",
        )
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let file = PathBuf::from(lines.next().unwrap());
    let version = lines.next().unwrap().to_owned();
    (file, version, python)
}

#[test]
fn cross_variables_and_sysconfigdata() {
    for name in [
        "PYO3_CROSS",
        "PYO3_CROSS_LIB_DIR",
        "PYO3_CROSS_PYTHON_VERSION",
        "PYO3_CROSS_PYTHON_IMPLEMENTATION",
        "_PYTHON_SYSCONFIGDATA_NAME",
    ] {
        std::env::remove_var(name);
    }
    let host: Triple = "x86_64-unknown-linux-gnu".parse().unwrap();
    let arm: Triple = "aarch64-unknown-linux-gnu".parse().unwrap();

    // Without variables, only a different target is a cross build.
    assert_eq!(cross_compiling_from_to(&host, &host).unwrap(), None);
    let to_arm = cross_compiling_from_to(&host, &arm).unwrap().unwrap();
    assert_eq!(to_arm.lib_dir, None);
    assert!(find_all_sysconfigdata(&to_arm).unwrap().is_empty());

    // PYO3_CROSS alone forces cross mode; an empty value counts as unset.
    std::env::set_var("PYO3_CROSS", "");
    assert_eq!(cross_compiling_from_to(&host, &host).unwrap(), None);
    std::env::set_var("PYO3_CROSS", "1");
    assert!(cross_compiling_from_to(&host, &host).unwrap().is_some());
    std::env::remove_var("PYO3_CROSS");

    // Point PYO3_CROSS_LIB_DIR at a real installation's lib directory (the parent of
    // `python3.X/`), as for a sysroot.
    let (file, version, _python) = installation();
    let lib_dir: &Path = file.parent().unwrap().parent().unwrap();
    std::env::set_var("PYO3_CROSS_LIB_DIR", lib_dir);
    std::env::set_var("PYO3_CROSS_PYTHON_VERSION", &version);
    let native: Triple = Triple::host();
    let cross = cross_compiling_from_to(&native, &native).unwrap().unwrap();
    assert_eq!(cross.lib_dir.as_deref(), Some(lib_dir));
    let found = find_all_sysconfigdata(&cross).unwrap();
    assert_eq!(found, std::slice::from_ref(&file));

    // _PYTHON_SYSCONFIGDATA_NAME keeps only the file of that name.
    std::env::set_var("_PYTHON_SYSCONFIGDATA_NAME", "_sysconfigdata_other");
    assert!(find_all_sysconfigdata(&cross).unwrap().is_empty());
    let stem = file.file_stem().unwrap().to_owned();
    std::env::set_var("_PYTHON_SYSCONFIGDATA_NAME", &stem);
    assert_eq!(
        find_all_sysconfigdata(&cross).unwrap(),
        std::slice::from_ref(&file)
    );

    // The file describes the installation.
    let data = parse_sysconfigdata(&file).unwrap();
    assert_eq!(data.get_value("VERSION"), Some(version.as_str()));
    let config = InterpreterConfig::from_sysconfigdata(&data).unwrap();
    assert_eq!(config.version.to_string(), version);
    assert_eq!(config.lib_dir.as_deref(), lib_dir.to_str());
    assert_eq!(config.executable, None);

    // Bad variables are reported.
    std::env::set_var("PYO3_CROSS_PYTHON_VERSION", "3");
    let err = cross_compiling_from_to(&native, &native)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("failed to parse PYO3_CROSS_PYTHON_VERSION"),
        "{err}"
    );
}
