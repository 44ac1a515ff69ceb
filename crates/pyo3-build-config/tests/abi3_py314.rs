//! The `abi3-py314` feature end to end: a throwaway crate depending on this workspace's
//! `pyo3-ffi` (and, for feature resolution, `pyo3`) is resolved and built by cargo.
//!
//! - cargo accepts `abi3-py314` on all three crates, and `abi3-py313` turns it on, as in
//!   PyO3 0.27 (checked with `cargo metadata`);
//! - with a CPython 3.13 interpreter, which is older than the 3.14 minimum, an extension
//!   module builds anyway for the stable ABI of 3.14, with a warning (PyO3's behaviour);
//!   the dependent's build script sees `Py_3_14` and `Py_LIMITED_API`;
//! - without `extension-module` (libpython is linked, so the interpreter is needed) the
//!   build fails, naming the feature.
//!
//! The 3.13 interpreter is `PYO3_TEST_PYTHON313` if set, else pyenv's newest 3.13.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .to_owned()
}

fn python313() -> PathBuf {
    if let Some(python) = std::env::var_os("PYO3_TEST_PYTHON313") {
        return PathBuf::from(python);
    }
    let root = Command::new("pyenv")
        .arg("root")
        .output()
        .expect("this test needs pyenv (or PYO3_TEST_PYTHON313)");
    let versions = PathBuf::from(String::from_utf8(root.stdout).unwrap().trim()).join("versions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&versions)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            name.starts_with("3.13.") && !name.ends_with('t')
        })
        .collect();
    found.sort();
    let dir = found.pop().expect("no CPython 3.13 under pyenv");
    dir.join("bin").join("python3.13")
}

/// Writes a crate with `deps` as its dependencies; its build script prints the cfgs that
/// `pyo3_build_config::use_pyo3_cfgs` gives it and its library fails to compile unless
/// they say "stable ABI of 3.14".
fn write_crate(dir: &Path, deps: &str) {
    let ws = workspace();
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"abi3-py314-user\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\n{deps}\n\n[build-dependencies]\n\
             pyo3-build-config = {{ path = {:?} }}\n\n[workspace]\n",
            ws.join("crates/pyo3-build-config")
        )
        .replace("{ws}", ws.to_str().unwrap()),
    )
    .unwrap();
    std::fs::write(
        dir.join("build.rs"),
        "fn main() {\n    pyo3_build_config::use_pyo3_cfgs();\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("src/lib.rs"),
        "//! Compiles only for the stable ABI of 3.14.\n\
         #[cfg(not(all(Py_3_14, Py_LIMITED_API)))]\n\
         compile_error!(\"not built for the stable ABI of 3.14\");\n\
         /// A use of the FFI crate.\n\
         pub fn check() -> i32 {\n    pyo3_ffi::Py_file_input\n}\n",
    )
    .unwrap();
    // The workspace's lock file keeps the versions (and an offline cargo) the same.
    std::fs::copy(ws.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

fn cargo(dir: &Path, args: &[&str], python: &Path) -> Output {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()));
    cmd.args(args)
        .arg("--offline")
        .current_dir(dir)
        .env("PYO3_PYTHON", python)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("abi3-py314-target"),
        );
    for var in [
        "PYO3_CONFIG_FILE",
        "PYO3_NO_PYTHON",
        "PYO3_CROSS",
        "PYO3_CROSS_LIB_DIR",
        "PYO3_CROSS_PYTHON_VERSION",
        "PYO3_CROSS_PYTHON_IMPLEMENTATION",
        "PYO3_BUILD_EXTENSION_MODULE",
        "PYO3_USE_ABI3_FORWARD_COMPATIBILITY",
        "PYO3_PRINT_CONFIG",
    ] {
        cmd.env_remove(var);
    }
    cmd.output().expect("cannot run cargo")
}

fn resolved_features(metadata: &str, package: &str) -> Vec<String> {
    // Each node of the resolve section reads `{"id":"path+file:///.../crates/pyo3-ffi#0.27.2",
    // ...,"features":["abi3",...]}`; a plain text scan keeps the test free of a JSON
    // dependency.
    let start = metadata
        .find("\"resolve\"")
        .expect("metadata has a resolve section");
    let suffix = format!("/crates/{package}#");
    let mut rest = &metadata[start..];
    while let Some(at) = rest.find("{\"id\":\"") {
        rest = &rest[at + 7..];
        let id = &rest[..rest.find('"').unwrap()];
        if !id.contains(&suffix) {
            continue;
        }
        let features = &rest[rest.find("\"features\":[").unwrap() + 12..];
        let features = &features[..features.find(']').unwrap()];
        return features
            .split(',')
            .map(|f| f.trim_matches('"').to_owned())
            .filter(|f| !f.is_empty())
            .collect();
    }
    panic!("{package} is not in the resolve graph");
}

#[test]
fn abi3_py314_feature() {
    let python = python313();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("abi3-py314");
    let _ = std::fs::remove_dir_all(&root);

    // Feature resolution, through pyo3: abi3-py313 turns on abi3-py314 everywhere.
    let via_pyo3 = root.join("via-pyo3");
    write_crate(
        &via_pyo3,
        "pyo3 = { path = \"{ws}/crates/pyo3\", default-features = false, features = [\"abi3-py313\"] }\n\
         pyo3-ffi = { path = \"{ws}/crates/pyo3-ffi\" }",
    );
    let out = cargo(&via_pyo3, &["metadata", "--format-version", "1"], &python);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let metadata = String::from_utf8(out.stdout).unwrap();
    for package in ["pyo3", "pyo3-ffi", "pyo3-build-config"] {
        let features = resolved_features(&metadata, package);
        for wanted in ["abi3", "abi3-py313", "abi3-py314"] {
            assert!(
                features.iter().any(|f| f == wanted),
                "{package} lacks {wanted}: {features:?}"
            );
        }
    }

    // An extension module with abi3-py314 and a 3.13 interpreter: built for 3.14's
    // stable ABI, without the interpreter, with a warning.
    let ext = root.join("extension");
    write_crate(
        &ext,
        "pyo3-ffi = { path = \"{ws}/crates/pyo3-ffi\", features = [\"abi3-py314\", \"extension-module\"] }",
    );
    let out = cargo(&ext, &["build"], &python);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("Compiling without a working Python interpreter."),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "CPython 3.13 is older than 3.14, the minimum set by the `abi3-py314` feature"
        ),
        "{stderr}"
    );

    // Not an extension module: libpython would be linked, so the interpreter must do.
    let embed = root.join("embedding");
    write_crate(
        &embed,
        "pyo3-ffi = { path = \"{ws}/crates/pyo3-ffi\", features = [\"abi3-py314\"] }",
    );
    let out = cargo(&embed, &["build"], &python);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "CPython 3.13 is older than 3.14, the minimum set by the `abi3-py314` feature"
        ),
        "{stderr}"
    );
}
