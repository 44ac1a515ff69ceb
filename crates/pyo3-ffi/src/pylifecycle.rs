//! `pylifecycle.h` (with `cpython/pylifecycle.h`): starting and stopping the interpreter,
//! and build information. Checked against CPython 3.7–3.13.

use crate::pystate::PyThreadState;
use libc::wchar_t;
use std::os::raw::{c_char, c_int};

/// `PyOS_sighandler_t`: a C signal handler.
pub type PyOS_sighandler_t = unsafe extern "C" fn(signum: c_int);

extern "C" {
    #[cfg(not(PyPy))]
    pub fn Py_Initialize();
    #[cfg(not(PyPy))]
    pub fn Py_InitializeEx(initsigs: c_int);
    #[cfg(not(PyPy))]
    pub fn Py_Finalize();
    #[cfg(not(PyPy))]
    pub fn Py_FinalizeEx() -> c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_IsInitialized")]
    pub fn Py_IsInitialized() -> c_int;
    #[cfg(not(PyPy))]
    pub fn Py_NewInterpreter() -> *mut PyThreadState;
    #[cfg(not(PyPy))]
    pub fn Py_EndInterpreter(tstate: *mut PyThreadState);
    #[cfg_attr(PyPy, link_name = "PyPy_AtExit")]
    pub fn Py_AtExit(func: Option<extern "C" fn()>) -> c_int;
    #[cfg(not(PyPy))]
    pub fn Py_Exit(status: c_int) -> !;
    #[cfg(not(PyPy))]
    pub fn Py_Main(argc: c_int, argv: *mut *mut wchar_t) -> c_int;
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub fn Py_BytesMain(argc: c_int, argv: *mut *mut c_char) -> c_int;

    /// Deprecated since 3.11 (use `PyConfig`).
    #[cfg(not(PyPy))]
    pub fn Py_SetProgramName(name: *const wchar_t);
    #[cfg_attr(PyPy, link_name = "PyPy_GetProgramName")]
    pub fn Py_GetProgramName() -> *mut wchar_t;
    /// Deprecated since 3.11 (use `PyConfig`).
    #[cfg(not(PyPy))]
    pub fn Py_SetPythonHome(home: *const wchar_t);
    #[cfg(not(PyPy))]
    pub fn Py_GetPythonHome() -> *mut wchar_t;
    #[cfg(not(PyPy))]
    pub fn Py_GetProgramFullPath() -> *mut wchar_t;
    #[cfg(not(PyPy))]
    pub fn Py_GetPrefix() -> *mut wchar_t;
    #[cfg(not(PyPy))]
    pub fn Py_GetExecPrefix() -> *mut wchar_t;
    #[cfg(not(PyPy))]
    pub fn Py_GetPath() -> *mut wchar_t;
    /// Deprecated since 3.11; removed from the headers in 3.13.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn Py_SetPath(path: *const wchar_t);

    #[cfg_attr(PyPy, link_name = "PyPy_GetVersion")]
    pub fn Py_GetVersion() -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn Py_GetPlatform() -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn Py_GetCopyright() -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn Py_GetCompiler() -> *const c_char;
    #[cfg(not(PyPy))]
    pub fn Py_GetBuildInfo() -> *const c_char;

    /// Private before 3.13 (non-limited API).
    #[cfg(all(not(Py_3_13), not(Py_LIMITED_API)))]
    #[cfg_attr(PyPy, link_name = "_PyPy_IsFinalizing")]
    pub fn _Py_IsFinalizing() -> c_int;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn Py_IsFinalizing() -> c_int;

    #[cfg_attr(PyPy, link_name = "PyPyOS_getsig")]
    pub fn PyOS_getsig(signum: c_int) -> Option<PyOS_sighandler_t>;
    #[cfg_attr(PyPy, link_name = "PyPyOS_setsig")]
    pub fn PyOS_setsig(
        signum: c_int,
        handler: Option<PyOS_sighandler_t>,
    ) -> Option<PyOS_sighandler_t>;

    /// `Py_Version` (3.11): the version as `PY_VERSION_HEX`, read at run time.
    #[cfg(Py_3_11)]
    pub static Py_Version: std::os::raw::c_ulong;

}
