//! `cpython/longobject.h` (part of `longobject.h` before 3.9): `int` conversions outside the
//! limited API. Checked against CPython 3.7–3.13.

use crate::longobject::PyLongObject;
use crate::object::PyObject;
#[cfg(Py_3_13)]
use crate::pyport::Py_ssize_t;
#[cfg(Py_3_13)]
use std::os::raw::c_void;
use std::os::raw::{c_int, c_uchar};

#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_DEFAULTS: c_int = -1;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_BIG_ENDIAN: c_int = 0;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_LITTLE_ENDIAN: c_int = 1;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_NATIVE_ENDIAN: c_int = 3;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_UNSIGNED_BUFFER: c_int = 4;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_REJECT_NEGATIVE: c_int = 8;
#[cfg(Py_3_13)]
pub const Py_ASNATIVEBYTES_ALLOW_INDEX: c_int = 16;

extern "C" {
    /// `int(u, base)` for a `str` `u`.
    #[cfg_attr(PyPy, link_name = "PyPyLong_FromUnicodeObject")]
    pub fn PyLong_FromUnicodeObject(u: *mut PyObject, base: c_int) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyLong_AsNativeBytes(
        v: *mut PyObject,
        buffer: *mut c_void,
        n_bytes: Py_ssize_t,
        flags: c_int,
    ) -> Py_ssize_t;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyLong_FromNativeBytes(
        buffer: *const c_void,
        n_bytes: usize,
        flags: c_int,
    ) -> *mut PyObject;
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn PyLong_FromUnsignedNativeBytes(
        buffer: *const c_void,
        n_bytes: usize,
        flags: c_int,
    ) -> *mut PyObject;

    #[cfg_attr(PyPy, link_name = "_PyPyLong_NumBits")]
    pub fn _PyLong_NumBits(v: *mut PyObject) -> usize;
    #[cfg_attr(PyPy, link_name = "_PyPyLong_FromByteArray")]
    pub fn _PyLong_FromByteArray(
        bytes: *const c_uchar,
        n: usize,
        little_endian: c_int,
        is_signed: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: usize,
        little_endian: c_int,
        is_signed: c_int,
    ) -> c_int;
    /// 3.13 added `with_exceptions`: pass 1 for the earlier behaviour.
    #[cfg(Py_3_13)]
    #[cfg(not(PyPy))]
    pub fn _PyLong_AsByteArray(
        v: *mut PyLongObject,
        bytes: *mut c_uchar,
        n: usize,
        little_endian: c_int,
        is_signed: c_int,
        with_exceptions: c_int,
    ) -> c_int;
}
