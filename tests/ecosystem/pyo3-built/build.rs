//! Writes `built.rs` with the build-time information, as pyo3-built's README says.

fn main() {
    built::write_built_file().expect("Failed to acquire build-time information");
}
