//! `pyhash.h`: the numeric-hash parameters and the hash-algorithm ids (from 3.13 the
//! `_PyHASH_*` parameters moved to `cpython/pyhash.h`, outside the limited API). The
//! functions and `PyHash_FuncDef` are in `cpython/pyhash.rs`. Checked against CPython
//! 3.7–3.13.

use std::os::raw::c_int;

/// `_PyHASH_MULTIPLIER`: the prime multiplier of string and tuple hashes.
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub const _PyHASH_MULTIPLIER: std::os::raw::c_ulong = 1000003;
/// `_PyHASH_BITS`: numeric hashes are reduced modulo `2**_PyHASH_BITS - 1`.
#[cfg(all(any(not(Py_3_13), not(Py_LIMITED_API)), target_pointer_width = "64"))]
pub const _PyHASH_BITS: c_int = 61;
#[cfg(all(
    any(not(Py_3_13), not(Py_LIMITED_API)),
    not(target_pointer_width = "64")
))]
pub const _PyHASH_BITS: c_int = 31;
/// `_PyHASH_MODULUS`: the prime `2**_PyHASH_BITS - 1`.
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub const _PyHASH_MODULUS: usize = (1 << _PyHASH_BITS) - 1;
/// `_PyHASH_INF`: the hash of positive infinity.
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub const _PyHASH_INF: crate::Py_hash_t = 314159;
/// `_PyHASH_NAN` (before 3.10): the hash of a NaN. From 3.10 NaNs hash by identity.
#[cfg(not(Py_3_10))]
pub const _PyHASH_NAN: crate::Py_hash_t = 0;
/// `_PyHASH_IMAG`: the multiplier of the imaginary part of a complex hash.
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub const _PyHASH_IMAG: std::os::raw::c_ulong = _PyHASH_MULTIPLIER;

/// `Py_HASH_CUTOFF`: the length below which strings would use DJBX33A (0: never).
pub const Py_HASH_CUTOFF: c_int = 0;
/// `Py_HASH_EXTERNAL`: a hash algorithm supplied by an embedder.
pub const Py_HASH_EXTERNAL: c_int = 0;
/// `Py_HASH_SIPHASH24`: SipHash-2-4.
pub const Py_HASH_SIPHASH24: c_int = 1;
/// `Py_HASH_FNV`: FNV.
pub const Py_HASH_FNV: c_int = 2;
/// `Py_HASH_SIPHASH13` (3.11): SipHash-1-3, the default from 3.11.
#[cfg(Py_3_11)]
pub const Py_HASH_SIPHASH13: c_int = 3;
