//! Sets the interpreter cfgs (`Py_LIMITED_API`, `Py_3_X`) for `src/`, as an extension's
//! build script written for PyO3 does.

fn main() {
    pyo3_build_config::use_pyo3_cfgs();
}
