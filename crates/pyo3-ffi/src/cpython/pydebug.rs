//! `cpython/pydebug.h` (`pydebug.h` before 3.11): the legacy global configuration flags,
//! outside the limited API. All are deprecated since 3.12 in favour of `PyConfig`.
//! Checked against CPython 3.7–3.13.

use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPy_DebugFlag")]
    pub static mut Py_DebugFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_VerboseFlag")]
    pub static mut Py_VerboseFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_QuietFlag")]
    pub static mut Py_QuietFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_InteractiveFlag")]
    pub static mut Py_InteractiveFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_InspectFlag")]
    pub static mut Py_InspectFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_OptimizeFlag")]
    pub static mut Py_OptimizeFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_NoSiteFlag")]
    pub static mut Py_NoSiteFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_BytesWarningFlag")]
    pub static mut Py_BytesWarningFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_FrozenFlag")]
    pub static mut Py_FrozenFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_IgnoreEnvironmentFlag")]
    pub static mut Py_IgnoreEnvironmentFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_DontWriteBytecodeFlag")]
    pub static mut Py_DontWriteBytecodeFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_NoUserSiteDirectory")]
    pub static mut Py_NoUserSiteDirectory: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_UnbufferedStdioFlag")]
    pub static mut Py_UnbufferedStdioFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_HashRandomizationFlag")]
    pub static mut Py_HashRandomizationFlag: c_int;
    #[cfg_attr(PyPy, link_name = "PyPy_IsolatedFlag")]
    pub static mut Py_IsolatedFlag: c_int;
    #[cfg(windows)]
    #[cfg(not(PyPy))]
    pub static mut Py_LegacyWindowsFSEncodingFlag: c_int;
    #[cfg(windows)]
    #[cfg(not(PyPy))]
    pub static mut Py_LegacyWindowsStdioFlag: c_int;

    /// `getenv(name)`, or NULL when `Py_IgnoreEnvironmentFlag` is set (a function from
    /// 3.11; the macro before is ported below).
    #[cfg(Py_3_11)]
    #[cfg(not(PyPy))]
    pub fn Py_GETENV(name: *const c_char) -> *mut c_char;
}

// Py_UseClassExceptionsFlag: removed from the headers long before 3.7.

/// `Py_GETENV(name)` before 3.11: `getenv(name)` unless `Py_IgnoreEnvironmentFlag` is set.
///
/// # Safety
/// `name` must be a NUL-terminated string; as `getenv`, this must not race with changes
/// to the environment.
#[cfg(not(Py_3_11))]
#[inline]
pub unsafe fn Py_GETENV(name: *const c_char) -> *mut c_char {
    // SAFETY: reading a C `int` global; `getenv` gets the caller's NUL-terminated name.
    unsafe {
        if Py_IgnoreEnvironmentFlag != 0 {
            std::ptr::null_mut()
        } else {
            libc::getenv(name)
        }
    }
}
