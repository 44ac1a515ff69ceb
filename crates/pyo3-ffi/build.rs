//! Build script of `pyo3-ffi`: prints the Python cfgs and links libpython (unless an
//! extension module is being built). The work is in `pyo3-build-config`.

fn main() {
    if let Err(e) = pyo3_build_config::pyo3_ffi_build() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
