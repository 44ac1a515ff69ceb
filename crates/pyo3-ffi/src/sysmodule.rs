//! `sysmodule.h`: the `sys` module. Checked against CPython 3.7–3.13.

use crate::object::PyObject;
use libc::wchar_t;
use std::os::raw::{c_char, c_int};

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPySys_GetObject")]
    pub fn PySys_GetObject(name: *const c_char) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPySys_SetObject")]
    pub fn PySys_SetObject(name: *const c_char, v: *mut PyObject) -> c_int;
    /// Deprecated since 3.11.
    #[cfg(not(PyPy))]
    pub fn PySys_SetArgv(argc: c_int, argv: *mut *mut wchar_t);
    /// Deprecated since 3.11.
    #[cfg(not(PyPy))]
    pub fn PySys_SetArgvEx(argc: c_int, argv: *mut *mut wchar_t, updatepath: c_int);
    /// Deprecated since 3.11; removed from the headers in 3.13.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PySys_SetPath(path: *const wchar_t);
    #[cfg_attr(PyPy, link_name = "PyPySys_WriteStdout")]
    pub fn PySys_WriteStdout(format: *const c_char, ...);
    #[cfg_attr(PyPy, link_name = "PyPySys_WriteStderr")]
    pub fn PySys_WriteStderr(format: *const c_char, ...);
    #[cfg(not(PyPy))]
    pub fn PySys_FormatStdout(format: *const c_char, ...);
    #[cfg(not(PyPy))]
    pub fn PySys_FormatStderr(format: *const c_char, ...);
    #[cfg(not(PyPy))]
    pub fn PySys_ResetWarnOptions();
    /// Deprecated since 3.11; removed from the headers in 3.13.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PySys_AddWarnOption(s: *const wchar_t);
    /// Deprecated since 3.11; gone from the 3.13 headers.
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn PySys_AddWarnOptionUnicode(option: *mut PyObject);
    #[cfg(not(PyPy))]
    pub fn PySys_AddXOption(s: *const wchar_t);
    #[cfg(not(PyPy))]
    pub fn PySys_GetXOptions() -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub fn PySys_HasWarnOptions() -> c_int;
    /// In the limited API from 3.13.
    #[cfg(any(Py_3_13, all(Py_3_8, not(Py_LIMITED_API))))]
    #[cfg(not(PyPy))]
    pub fn PySys_Audit(event: *const c_char, format: *const c_char, ...) -> c_int;
    #[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
    #[cfg(not(PyPy))]
    pub fn PySys_AddAuditHook(
        hook: Option<
            unsafe extern "C" fn(*const c_char, *mut PyObject, *mut std::os::raw::c_void) -> c_int,
        >,
        user_data: *mut std::os::raw::c_void,
    ) -> c_int;
}
