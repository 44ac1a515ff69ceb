//! `pyport.h`: the integer types that size and hash objects, fixed-width aliases and
//! platform constants. Checked against 3.7–3.13.

use std::os::raw::c_int;

/// `PY_UINT32_T` / `PY_UINT64_T` / `PY_INT32_T` / `PY_INT64_T`: C99's fixed-width types.
pub type PY_UINT32_T = u32;
pub type PY_UINT64_T = u64;
pub type PY_INT32_T = i32;
pub type PY_INT64_T = i64;

/// `Py_uintptr_t` / `Py_intptr_t`: C's `uintptr_t` and `intptr_t`.
pub type Py_uintptr_t = libc::uintptr_t;
pub type Py_intptr_t = libc::intptr_t;

/// `Py_ssize_t`: C's `ssize_t`, which has the width of a pointer on every supported platform.
pub type Py_ssize_t = isize;
/// `Py_hash_t`: the signed hash type, as wide as `Py_ssize_t`.
pub type Py_hash_t = Py_ssize_t;
/// `Py_uhash_t`: the unsigned counterpart of `Py_hash_t`.
pub type Py_uhash_t = usize;

pub const PY_SSIZE_T_MIN: Py_ssize_t = Py_ssize_t::MIN;
pub const PY_SSIZE_T_MAX: Py_ssize_t = Py_ssize_t::MAX;
/// `PY_SIZE_MAX`: `SIZE_MAX`.
pub const PY_SIZE_MAX: usize = usize::MAX;
/// `PY_LLONG_MIN` / `PY_LLONG_MAX` / `PY_ULLONG_MAX`: the `long long` limits.
pub const PY_LLONG_MIN: i64 = i64::MIN;
pub const PY_LLONG_MAX: i64 = i64::MAX;
pub const PY_ULLONG_MAX: u64 = u64::MAX;
/// `PY_DWORD_MAX`: the largest 32-bit unsigned value.
pub const PY_DWORD_MAX: u32 = u32::MAX;

/// `INT_MAX`: `pyport.h` defines it where `<limits.h>` does not.
pub const INT_MAX: c_int = c_int::MAX;

/// `PY_LITTLE_ENDIAN` / `PY_BIG_ENDIAN`: the byte order of the target, as 0 or 1.
pub const PY_LITTLE_ENDIAN: usize = cfg!(target_endian = "little") as usize;
pub const PY_BIG_ENDIAN: usize = cfg!(target_endian = "big") as usize;

/// `PY_STDIOTEXTMODE`: the `fopen` mode suffix for text streams (`"b"` on all platforms
/// CPython still supports).
pub const PY_STDIOTEXTMODE: &str = "b";
