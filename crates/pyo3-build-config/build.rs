//! Resolves the Python configuration once, for every crate that depends on this one:
//! runs the discovery in `src/resolve.rs` and stores the result (or the reason it
//! failed) in `OUT_DIR`, where `src/lib.rs` includes it.
//!
//! A failure is stored rather than raised, so that this crate still builds (its own
//! tests need no interpreter); the message surfaces in the first build script that
//! asks for the configuration, normally `pyo3-ffi`'s.

#![forbid(unsafe_code)]
// The shared modules carry items only the library uses.
#![allow(dead_code)]

#[path = "src/config.rs"]
mod config;
#[path = "src/config_file.rs"]
mod config_file;
#[path = "src/discover.rs"]
mod discover;
#[path = "src/errors.rs"]
mod errors;
#[path = "src/resolve.rs"]
mod resolve;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in resolve::ENV_VARS.iter().chain(resolve::CARGO_VARS) {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let env = resolve::Env::from_process();
    let abi3 = resolve::Abi3Request::from_cargo_env();
    let query = |candidate: &resolve::Candidate| discover::query(&candidate.program);
    let outcome = resolve::resolve(&env, abi3, &query).and_then(|resolved| {
        for warning in &resolved.warnings {
            for line in warning.lines() {
                println!("cargo:warning={line}");
            }
        }
        Ok((resolved.config.to_text()?, resolved.watched_files))
    });

    let (config_text, error_text) = match outcome {
        Ok((text, watched)) => {
            for path in watched {
                println!("cargo:rerun-if-changed={}", path.display());
            }
            (text, String::new())
        }
        Err(e) => (String::new(), e.to_string()),
    };
    write(&out_dir.join("interpreter-config.txt"), &config_text);
    write(&out_dir.join("resolve-error.txt"), &error_text);
}

fn write(path: &std::path::Path, text: &str) {
    if let Err(e) = std::fs::write(path, text) {
        panic!("could not write {}: {e}", path.display());
    }
}
