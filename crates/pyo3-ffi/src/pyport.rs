//! `pyport.h`: the integer types that size and hash objects. Checked against 3.7–3.13.

/// `Py_ssize_t`: C's `ssize_t`, which has the width of a pointer on every supported platform.
pub type Py_ssize_t = isize;
/// `Py_hash_t`: the signed hash type, as wide as `Py_ssize_t`.
pub type Py_hash_t = Py_ssize_t;
/// `Py_uhash_t`: the unsigned counterpart of `Py_hash_t`.
pub type Py_uhash_t = usize;

pub const PY_SSIZE_T_MIN: Py_ssize_t = Py_ssize_t::MIN;
pub const PY_SSIZE_T_MAX: Py_ssize_t = Py_ssize_t::MAX;
