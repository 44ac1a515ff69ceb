//! Replays every saved input (the libFuzzer corpus and the crash reproducers) through the
//! harness on the stable toolchain: a regression suite for whatever fuzzing found.

use std::path::{Path, PathBuf};

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .is_some_and(|n| n != ".gitkeep" && n != "README.md")
        })
        .collect();
    files.sort();
    files
}

fn replay(dir: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let files = inputs(&dir);
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = std::fs::read(file).expect("readable input");
            std::panic::catch_unwind(|| pyo3_fuzz::check(&data)).is_err()
        })
        .map(|file| file.display().to_string())
        .collect();
    assert!(failed.is_empty(), "failed (panics above): {failed:#?}");
    files.len()
}

#[test]
fn corpus_replays_clean() {
    let n = replay("corpus/values");
    assert!(n > 0, "the corpus is empty");
}

#[test]
fn regressions_replay_clean() {
    replay("regressions");
}

#[test]
fn empty_and_tiny_inputs() {
    for data in [&[][..], &[0], &[0xff; 3], &[1, 2, 3, 4, 5, 6, 7, 8]] {
        pyo3_fuzz::check(data);
    }
}
