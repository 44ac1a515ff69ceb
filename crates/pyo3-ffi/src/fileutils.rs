//! `fileutils.h`: conversions between the locale encoding and wide strings. Checked against
//! CPython 3.7–3.13.

use libc::wchar_t;
use std::os::raw::c_char;

extern "C" {
    /// Returns a `PyMem_RawMalloc`ed wide string; `size` (if not NULL) receives its length,
    /// or `(size_t)-1` / `(size_t)-2` on memory or decoding errors.
    #[cfg(not(PyPy))]
    pub fn Py_DecodeLocale(arg: *const c_char, size: *mut libc::size_t) -> *mut wchar_t;
    /// Returns a `PyMem_Malloc`ed string; `error_pos` (if not NULL) receives the index of
    /// the character that could not be encoded, or `(size_t)-1`.
    #[cfg(not(PyPy))]
    pub fn Py_EncodeLocale(text: *const wchar_t, error_pos: *mut libc::size_t) -> *mut c_char;
}
