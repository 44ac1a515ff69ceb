//! `cpython/pylifecycle.h` (3.8+): starting the interpreter from a `PyConfig`, outside the
//! limited API. Checked against CPython 3.8–3.13.

use crate::cpython::initconfig::{PyConfig, PyPreConfig, PyStatus};
use crate::pyport::Py_ssize_t;
use libc::wchar_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg(not(PyPy))]
    pub fn Py_PreInitialize(src_config: *const PyPreConfig) -> PyStatus;
    #[cfg(not(PyPy))]
    pub fn Py_PreInitializeFromBytesArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut c_char,
    ) -> PyStatus;
    #[cfg(not(PyPy))]
    pub fn Py_PreInitializeFromArgs(
        src_config: *const PyPreConfig,
        argc: Py_ssize_t,
        argv: *mut *mut wchar_t,
    ) -> PyStatus;
    #[cfg(not(PyPy))]
    pub fn Py_InitializeFromConfig(config: *const PyConfig) -> PyStatus;
    #[cfg(not(PyPy))]
    pub fn _Py_InitializeMain() -> PyStatus;
    #[cfg(not(PyPy))]
    pub fn Py_RunMain() -> c_int;
    /// Reports the status and exits the process; never returns.
    #[cfg(not(PyPy))]
    pub fn Py_ExitStatusException(status: PyStatus) -> !;
}

/// `PyInterpreterConfig_DEFAULT_GIL` (3.12): the GIL setting chosen by the runtime.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_DEFAULT_GIL: c_int = 0;
/// `PyInterpreterConfig_SHARED_GIL` (3.12): share the main interpreter's GIL.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_SHARED_GIL: c_int = 1;
/// `PyInterpreterConfig_OWN_GIL` (3.12): the new interpreter has its own GIL.
#[cfg(Py_3_12)]
pub const PyInterpreterConfig_OWN_GIL: c_int = 2;

/// `PyInterpreterConfig` (3.12): how `Py_NewInterpreterFromConfig` isolates a
/// sub-interpreter.
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PyInterpreterConfig {
    pub use_main_obmalloc: c_int,
    pub allow_fork: c_int,
    pub allow_exec: c_int,
    pub allow_threads: c_int,
    pub allow_daemon_threads: c_int,
    pub check_multi_interp_extensions: c_int,
    pub gil: c_int,
}

/// `_PyInterpreterConfig_INIT` (3.12): an isolated sub-interpreter with its own GIL.
#[cfg(Py_3_12)]
pub const _PyInterpreterConfig_INIT: PyInterpreterConfig = PyInterpreterConfig {
    use_main_obmalloc: 0,
    allow_fork: 0,
    allow_exec: 0,
    allow_threads: 1,
    allow_daemon_threads: 0,
    check_multi_interp_extensions: 1,
    gil: PyInterpreterConfig_OWN_GIL,
};

/// `_PyInterpreterConfig_LEGACY_INIT` (3.12): a sub-interpreter as `Py_NewInterpreter`
/// makes it, sharing the GIL. Free-threaded builds always check for multi-phase init.
#[cfg(Py_3_12)]
pub const _PyInterpreterConfig_LEGACY_INIT: PyInterpreterConfig = PyInterpreterConfig {
    use_main_obmalloc: 1,
    allow_fork: 1,
    allow_exec: 1,
    allow_threads: 1,
    allow_daemon_threads: 1,
    check_multi_interp_extensions: if cfg!(Py_GIL_DISABLED) { 1 } else { 0 },
    gil: PyInterpreterConfig_SHARED_GIL,
};

extern "C" {
    /// Creates a sub-interpreter; on success `*tstate_p` is its (current) thread state.
    #[cfg(Py_3_12)]
    #[cfg(not(PyPy))]
    pub fn Py_NewInterpreterFromConfig(
        tstate_p: *mut *mut crate::PyThreadState,
        config: *const PyInterpreterConfig,
    ) -> PyStatus;
}
