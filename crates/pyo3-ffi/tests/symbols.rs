//! Symbol check: every function and static that `pyo3-ffi` declares in an `extern "C"`
//! block, for the cfgs this test was built with, is exported by the interpreter's
//! libpython (`nm -D --defined-only`).
//!
//! How the declarations are found: the test reads `src/**/*.rs` and scans them textually.
//! It records the `#[cfg(...)]` attributes in force at each declaration (on the `mod` line
//! in `lib.rs` / `cpython.rs`, on the `extern "C"` block, and on the item itself), evaluates
//! them with a small cfg evaluator fed from `cfg!(...)` of this very binary, and checks only
//! the declarations that are compiled in. This relies on the crate's house style: plain
//! `extern "C" { }` blocks, one `pub fn` / `pub static mut` item each, cfgs as attributes.
//! A sanity check on the number of declarations found guards the scanner itself.
//!
//! The interpreter is the one `pyo3_build_config::get()` resolves (set `PYO3_PYTHON` to
//! choose); it must match the crate's cfgs, which the test checks first. The library is
//! the one its configuration links (`libpypy3.X-c.so` on PyPy, where a declaration's symbol
//! is its `#[cfg_attr(PyPy, link_name = "...")]` name).

#[path = "support/interpreter.rs"]
mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether a cfg predicate holds for this build.
fn eval_cfg(expr: &str) -> bool {
    let expr = expr.trim();
    for (name, combine) in [("all(", true), ("any(", false)] {
        if let Some(inner) = expr.strip_prefix(name) {
            let args = split_args(&inner[..inner.len() - 1]);
            return if combine {
                args.iter().all(|a| eval_cfg(a))
            } else {
                args.iter().any(|a| eval_cfg(a))
            };
        }
    }
    if let Some(inner) = expr.strip_prefix("not(") {
        return !eval_cfg(&inner[..inner.len() - 1]);
    }
    if let Some((key, value)) = expr.split_once('=') {
        let value = value.trim().trim_matches('"');
        return match key.trim() {
            "target_pointer_width" => value == (usize::BITS).to_string(),
            "target_endian" => {
                value
                    == if cfg!(target_endian = "little") {
                        "little"
                    } else {
                        "big"
                    }
            }
            "target_os" => value == std::env::consts::OS,
            other => panic!("cfg key `{other}` unknown to the symbol test"),
        };
    }
    match expr {
        "Py_3_7" => cfg!(Py_3_7),
        "Py_3_8" => cfg!(Py_3_8),
        "Py_3_9" => cfg!(Py_3_9),
        "Py_3_10" => cfg!(Py_3_10),
        "Py_3_11" => cfg!(Py_3_11),
        "Py_3_12" => cfg!(Py_3_12),
        "Py_3_13" => cfg!(Py_3_13),
        "Py_LIMITED_API" => cfg!(Py_LIMITED_API),
        "Py_GIL_DISABLED" => cfg!(Py_GIL_DISABLED),
        "PyPy" => cfg!(PyPy),
        "GraalPy" => false,
        "windows" => cfg!(windows),
        "unix" => cfg!(unix),
        other => panic!("cfg `{other}` unknown to the symbol test"),
    }
}

fn split_args(s: &str) -> Vec<String> {
    let (mut out, mut depth, mut cur) = (Vec::new(), 0, String::new());
    for ch in s.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(ch);
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// Joins attribute lines that rustfmt split, so each `#[...]` is one logical line.
fn logical_lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut pending: Option<String> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(p) = pending.as_mut() {
            p.push_str(t);
            if t.ends_with(']') && p.matches('[').count() == p.matches(']').count() {
                out.push(pending.take().unwrap());
            }
            continue;
        }
        if t.starts_with("#[") && t.matches('[').count() != t.matches(']').count() {
            pending = Some(t.to_owned());
        } else {
            out.push(t.to_owned());
        }
    }
    out
}

fn cfg_of(attr: &str) -> Option<String> {
    attr.strip_prefix("#[cfg(")
        .and_then(|s| s.strip_suffix(")]"))
        .map(str::to_owned)
}

/// `mod` cfgs from a file that declares modules: module name -> cfgs.
fn module_cfgs(file: &Path) -> HashMap<String, Vec<String>> {
    let mut map = HashMap::new();
    let mut attrs = Vec::new();
    for line in logical_lines(&std::fs::read_to_string(file).unwrap()) {
        if let Some(c) = cfg_of(&line) {
            attrs.push(c);
        } else if let Some(rest) = line
            .strip_prefix("pub(crate) mod ")
            .or_else(|| line.strip_prefix("pub mod "))
            .or_else(|| line.strip_prefix("mod "))
        {
            map.insert(
                rest.trim_end_matches(';').to_owned(),
                std::mem::take(&mut attrs),
            );
        } else if !line.starts_with("//") && !line.starts_with("#[") {
            attrs.clear();
        }
    }
    map
}

/// (symbol, active) for each declaration in an extern block of `file`.
fn declarations(file: &Path, outer: &[String]) -> Vec<(String, bool)> {
    let mut found = Vec::new();
    let mut attrs: Vec<String> = Vec::new();
    let mut block: Option<Vec<String>> = None;
    let mut link_name: Option<String> = None;
    for line in logical_lines(&std::fs::read_to_string(file).unwrap()) {
        if line.starts_with("//") || line.is_empty() {
            continue;
        }
        if let Some(c) = cfg_of(&line) {
            attrs.push(c);
            continue;
        }
        if let Some(name) = line
            .strip_prefix("#[link_name = \"")
            .and_then(|s| s.strip_suffix("\"]"))
        {
            link_name = Some(name.to_owned());
            continue;
        }
        if let Some(name) = line
            .strip_prefix("#[cfg_attr(PyPy, link_name = \"")
            .and_then(|s| s.strip_suffix("\")]"))
        {
            if cfg!(PyPy) {
                link_name = Some(name.to_owned());
            }
            continue;
        }
        if line.starts_with("#[") {
            continue;
        }
        match &block {
            None => {
                if line.starts_with("extern \"C\" {") {
                    block = Some(std::mem::take(&mut attrs));
                } else {
                    attrs.clear();
                }
            }
            Some(block_cfgs) => {
                if line == "}" {
                    block = None;
                    attrs.clear();
                    continue;
                }
                let item = line.strip_prefix("pub ").unwrap_or(&line);
                let name = if let Some(rest) = item.strip_prefix("fn ") {
                    rest.split('(').next()
                } else if let Some(rest) = item.strip_prefix("static mut ") {
                    rest.split(':').next()
                } else {
                    None
                };
                if let Some(name) = name {
                    let symbol = link_name.take().unwrap_or_else(|| name.trim().to_owned());
                    let active = outer
                        .iter()
                        .chain(block_cfgs)
                        .chain(&attrs)
                        .all(|c| eval_cfg(c));
                    found.push((symbol, active));
                }
                attrs.clear();
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn exported_symbols() -> (String, BTreeSet<String>) {
    // The library the build configuration links (`lib<lib_name>.so` in `lib_dir`), as
    // pyo3-build-config found it for this interpreter (PyPy's `libpypy3.X-c.so` included).
    let config = pyo3_build_config::get();
    let lib = format!(
        "{}/lib{}.so",
        config
            .lib_dir
            .as_deref()
            .expect("the configuration names no library directory"),
        config
            .lib_name
            .as_deref()
            .expect("the configuration names no library")
    );
    let out = Command::new("nm")
        .args(["-D", "--defined-only", &lib])
        .output()
        .expect("cannot run nm");
    assert!(
        out.status.success(),
        "nm failed on {lib}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let syms = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| {
            l.split_whitespace()
                .nth(2)
                .map(|s| s.split('@').next().unwrap().to_owned())
        })
        .collect();
    (lib, syms)
}

#[test]
fn every_declared_symbol_is_exported() {
    common::check_interpreter_matches();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top = module_cfgs(&src.join("lib.rs"));
    let nested = module_cfgs(&src.join("cpython.rs"));
    let mut files = Vec::new();
    rust_files(&src, &mut files);

    let mut checked = BTreeSet::new();
    let mut skipped = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let stem = |p: &Path| p.file_stem().unwrap().to_string_lossy().into_owned();
        let mut outer = Vec::new();
        if rel.parent().is_some_and(|p| p == Path::new("cpython")) {
            outer.extend(top.get("cpython").cloned().unwrap_or_default());
            outer.extend(nested.get(&stem(rel)).cloned().unwrap_or_default());
        } else if rel != Path::new("lib.rs") {
            outer.extend(top.get(&stem(rel)).cloned().unwrap_or_default());
        }
        for (symbol, active) in declarations(file, &outer) {
            if active {
                checked.insert(symbol);
            } else {
                skipped += 1;
            }
        }
    }
    assert!(
        checked.len() > 400,
        "the scanner found only {} declarations",
        checked.len()
    );

    let (lib, exported) = exported_symbols();
    let missing: Vec<_> = checked.iter().filter(|s| !exported.contains(*s)).collect();
    assert!(
        missing.is_empty(),
        "{} declared symbols are not exported by {lib}:\n{}",
        missing.len(),
        missing
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    eprintln!(
        "{} declarations exported by {lib} ({skipped} gated off for this build)",
        checked.len()
    );
}
