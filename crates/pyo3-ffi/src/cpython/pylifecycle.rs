//! `cpython/pylifecycle.h` (3.8+): starting the interpreter from a `PyConfig`, outside the
//! limited API. Checked against CPython 3.8–3.13.

use crate::cpython::initconfig::{PyConfig, PyPreConfig, PyStatus};
use crate::pyport::Py_ssize_t;
use libc::wchar_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    pub fn Py_PreInitialize(src_config: *const PyPreConfig) -> PyStatus;
    pub fn Py_PreInitializeFromBytesArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut c_char,
    ) -> PyStatus;
    pub fn Py_PreInitializeFromArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut wchar_t,
    ) -> PyStatus;
    pub fn Py_InitializeFromConfig(config: *const PyConfig) -> PyStatus;
    pub fn _Py_InitializeMain() -> PyStatus;
    pub fn Py_RunMain() -> c_int;
    /// Reports the status and exits the process; never returns.
    pub fn Py_ExitStatusException(status: PyStatus) -> !;
}
