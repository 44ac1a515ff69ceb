//! `cpython/unicodeobject.h` (part of `unicodeobject.h` on 3.7–3.8): the compact `str`
//! representation (PEP 393) and its accessors. `wstr` fields exist before 3.12 only. The
//! `state` bitfield is a `u32`; the accessors assume GCC's little-endian bit order (bits are
//! assigned from the least significant end: interned 2 bits, kind 3, compact 1, ascii 1,
//! then ready (before 3.12) or statically_allocated (3.12+)). Checked against 3.7–3.13.

use crate::object::PyObject;
use crate::pyport::{Py_hash_t, Py_ssize_t};
use crate::{Py_UCS1, Py_UCS2, Py_UCS4};
use std::os::raw::{c_char, c_int, c_uint, c_void};

/// `PyASCIIObject`: the header of every `str`; the characters of compact ASCII strings
/// follow it directly.
#[repr(C)]
#[derive(Debug)]
pub struct PyASCIIObject {
    pub ob_base: PyObject,
    pub length: Py_ssize_t,
    pub hash: Py_hash_t,
    /// The C bitfield struct `state`.
    pub state: u32,
    #[cfg(not(Py_3_12))]
    pub wstr: *mut libc::wchar_t,
}

/// `PyCompactUnicodeObject`: the header of compact non-ASCII strings.
#[repr(C)]
#[derive(Debug)]
pub struct PyCompactUnicodeObject {
    pub _base: PyASCIIObject,
    pub utf8_length: Py_ssize_t,
    pub utf8: *mut c_char,
    #[cfg(not(Py_3_12))]
    pub wstr_length: Py_ssize_t,
}

/// The anonymous `data` union of `PyUnicodeObject`: one pointer to the character block,
/// viewed as the unit type of the string's kind.
#[repr(C)]
#[derive(Clone, Copy)]
pub union PyUnicodeObjectData {
    /// The block as an untyped pointer.
    pub any: *mut c_void,
    /// The block of a `PyUnicode_1BYTE_KIND` string.
    pub latin1: *mut Py_UCS1,
    /// The block of a `PyUnicode_2BYTE_KIND` string.
    pub ucs2: *mut Py_UCS2,
    /// The block of a `PyUnicode_4BYTE_KIND` string.
    pub ucs4: *mut Py_UCS4,
}

impl std::fmt::Debug for PyUnicodeObjectData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // SAFETY: every member is a pointer of the same size, so reading `any` is valid
        // whichever member was written.
        let any = unsafe { self.any };
        f.debug_struct("PyUnicodeObjectData")
            .field("any", &any)
            .finish()
    }
}

/// `PyUnicodeObject`: legacy (non-compact) strings, whose data is a separate block.
#[repr(C)]
#[derive(Debug)]
pub struct PyUnicodeObject {
    pub _base: PyCompactUnicodeObject,
    pub data: PyUnicodeObjectData,
}

// Bit positions in `PyASCIIObject::state` (GCC's order, from the least significant bit).
const INTERNED_SHIFT: u32 = 0;
const INTERNED_WIDTH: u32 = 2;
const KIND_SHIFT: u32 = 2;
const KIND_WIDTH: u32 = 3;
const COMPACT_SHIFT: u32 = 5;
const ASCII_SHIFT: u32 = 6;
#[cfg(not(Py_3_12))]
const READY_SHIFT: u32 = 7;
#[cfg(Py_3_12)]
const STATICALLY_ALLOCATED_SHIFT: u32 = 7;

const fn get_bits(state: u32, shift: u32, width: u32) -> c_uint {
    (state >> shift) & ((1 << width) - 1)
}

const fn with_bits(state: u32, shift: u32, width: u32, value: c_uint) -> u32 {
    let mask = ((1u32 << width) - 1) << shift;
    (state & !mask) | ((value << shift) & mask)
}

/// Accessors for the bitfields of `state`, as C code reads `op->state.kind`. Setters keep
/// only the low bits of `value` that fit the field.
impl PyASCIIObject {
    /// `state.interned`: one of the `SSTATE_*` values.
    ///
    /// # Safety
    /// `self` must be the header of a `str` (so `state` holds the C bitfield).
    #[inline]
    pub unsafe fn interned(&self) -> c_uint {
        get_bits(self.state, INTERNED_SHIFT, INTERNED_WIDTH)
    }

    /// Sets `state.interned`.
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must be consistent with the interpreter's
    /// interning tables.
    #[inline]
    pub unsafe fn set_interned(&mut self, val: c_uint) {
        self.state = with_bits(self.state, INTERNED_SHIFT, INTERNED_WIDTH, val);
    }

    /// `state.kind`: one of the `PyUnicode_*_KIND` values.
    ///
    /// # Safety
    /// As [`interned`](Self::interned).
    #[inline]
    pub unsafe fn kind(&self) -> c_uint {
        get_bits(self.state, KIND_SHIFT, KIND_WIDTH)
    }

    /// Sets `state.kind`.
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must describe the string's data.
    #[inline]
    pub unsafe fn set_kind(&mut self, val: c_uint) {
        self.state = with_bits(self.state, KIND_SHIFT, KIND_WIDTH, val);
    }

    /// `state.compact`: 1 when the characters follow the header.
    ///
    /// # Safety
    /// As [`interned`](Self::interned).
    #[inline]
    pub unsafe fn compact(&self) -> c_uint {
        get_bits(self.state, COMPACT_SHIFT, 1)
    }

    /// Sets `state.compact`.
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must describe the string's layout.
    #[inline]
    pub unsafe fn set_compact(&mut self, val: c_uint) {
        self.state = with_bits(self.state, COMPACT_SHIFT, 1, val);
    }

    /// `state.ascii`: 1 when every character is below 128.
    ///
    /// # Safety
    /// As [`interned`](Self::interned).
    #[inline]
    pub unsafe fn ascii(&self) -> c_uint {
        get_bits(self.state, ASCII_SHIFT, 1)
    }

    /// Sets `state.ascii`.
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must describe the string's data.
    #[inline]
    pub unsafe fn set_ascii(&mut self, val: c_uint) {
        self.state = with_bits(self.state, ASCII_SHIFT, 1, val);
    }

    /// `state.ready` (before 3.12): 1 once the canonical representation exists.
    ///
    /// # Safety
    /// As [`interned`](Self::interned).
    #[cfg(not(Py_3_12))]
    #[inline]
    pub unsafe fn ready(&self) -> c_uint {
        get_bits(self.state, READY_SHIFT, 1)
    }

    /// Sets `state.ready` (before 3.12).
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must describe the string's data.
    #[cfg(not(Py_3_12))]
    #[inline]
    pub unsafe fn set_ready(&mut self, val: c_uint) {
        self.state = with_bits(self.state, READY_SHIFT, 1, val);
    }

    /// `state.statically_allocated` (3.12+): 1 for strings in the interpreter's static data.
    ///
    /// # Safety
    /// As [`interned`](Self::interned).
    #[cfg(Py_3_12)]
    #[inline]
    pub unsafe fn statically_allocated(&self) -> c_uint {
        get_bits(self.state, STATICALLY_ALLOCATED_SHIFT, 1)
    }

    /// Sets `state.statically_allocated` (3.12+).
    ///
    /// # Safety
    /// As [`interned`](Self::interned); the value must describe how the string was allocated.
    #[cfg(Py_3_12)]
    #[inline]
    pub unsafe fn set_statically_allocated(&mut self, val: c_uint) {
        self.state = with_bits(self.state, STATICALLY_ALLOCATED_SHIFT, 1, val);
    }
}

pub const SSTATE_NOT_INTERNED: c_uint = 0;
pub const SSTATE_INTERNED_MORTAL: c_uint = 1;
pub const SSTATE_INTERNED_IMMORTAL: c_uint = 2;
#[cfg(Py_3_12)]
pub const SSTATE_INTERNED_IMMORTAL_STATIC: c_uint = 3;

/// `PyUnicode_WCHAR_KIND` (before 3.12): a string not yet made ready.
#[cfg(not(Py_3_12))]
pub const PyUnicode_WCHAR_KIND: c_uint = 0;
pub const PyUnicode_1BYTE_KIND: c_uint = 1;
pub const PyUnicode_2BYTE_KIND: c_uint = 2;
pub const PyUnicode_4BYTE_KIND: c_uint = 4;

#[inline]
unsafe fn state(op: *mut PyObject) -> u32 {
    // SAFETY: callers pass a live `str` object, which starts with a `PyASCIIObject`.
    unsafe { (*op.cast::<PyASCIIObject>()).state }
}

/// `PyUnicode_CHECK_INTERNED(op)`.
///
/// # Safety
/// `op` must point to a live `str`.
#[inline]
pub unsafe fn PyUnicode_CHECK_INTERNED(op: *mut PyObject) -> c_uint {
    // SAFETY: forwarded from the caller.
    unsafe { state(op) & 0b11 }
}

/// `PyUnicode_KIND(op)`: one of the `PyUnicode_*_KIND` values.
///
/// # Safety
/// `op` must point to a live `str` (ready, before 3.12).
#[inline]
pub unsafe fn PyUnicode_KIND(op: *mut PyObject) -> c_uint {
    // SAFETY: forwarded from the caller.
    unsafe { (state(op) >> 2) & 0b111 }
}

/// `PyUnicode_IS_COMPACT(op)`.
///
/// # Safety
/// `op` must point to a live `str`.
#[inline]
pub unsafe fn PyUnicode_IS_COMPACT(op: *mut PyObject) -> c_uint {
    // SAFETY: forwarded from the caller.
    unsafe { (state(op) >> 5) & 1 }
}

/// `PyUnicode_IS_ASCII(op)`.
///
/// # Safety
/// `op` must point to a live `str` (ready, before 3.12).
#[inline]
pub unsafe fn PyUnicode_IS_ASCII(op: *mut PyObject) -> c_uint {
    // SAFETY: forwarded from the caller.
    unsafe { (state(op) >> 6) & 1 }
}

/// `PyUnicode_IS_COMPACT_ASCII(op)`.
///
/// # Safety
/// `op` must point to a live `str`.
#[inline]
pub unsafe fn PyUnicode_IS_COMPACT_ASCII(op: *mut PyObject) -> c_uint {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnicode_IS_ASCII(op) & PyUnicode_IS_COMPACT(op) }
}

/// `PyUnicode_IS_READY(op)`: always 1 from 3.12.
///
/// # Safety
/// `op` must point to a live `str`.
#[inline]
pub unsafe fn PyUnicode_IS_READY(op: *mut PyObject) -> c_uint {
    #[cfg(not(Py_3_12))]
    {
        // SAFETY: forwarded from the caller.
        unsafe { (state(op) >> 7) & 1 }
    }
    #[cfg(Py_3_12)]
    {
        let _ = op;
        1
    }
}

#[cfg(not(Py_3_12))]
extern "C" {
    #[cfg_attr(PyPy, link_name = "_PyPyUnicode_Ready")]
    pub fn _PyUnicode_Ready(unicode: *mut PyObject) -> c_int;
}

/// `PyUnicode_READY(op)`: make the canonical representation available (a no-op returning 0
/// from 3.12).
///
/// # Safety
/// `op` must point to a live `str`; the thread must be attached.
#[inline]
pub unsafe fn PyUnicode_READY(op: *mut PyObject) -> c_int {
    #[cfg(not(Py_3_12))]
    {
        // SAFETY: forwarded from the caller.
        unsafe {
            if PyUnicode_IS_READY(op) != 0 {
                0
            } else {
                _PyUnicode_Ready(op)
            }
        }
    }
    #[cfg(Py_3_12)]
    {
        let _ = op;
        0
    }
}

/// `PyUnicode_GET_LENGTH(op)`: the length in code points.
///
/// # Safety
/// `op` must point to a live, ready `str`.
#[inline]
pub unsafe fn PyUnicode_GET_LENGTH(op: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded from the caller.
    unsafe { (*op.cast::<PyASCIIObject>()).length }
}

/// `PyUnicode_DATA(op)`: the canonical character buffer (of `PyUnicode_KIND(op)` units).
///
/// # Safety
/// `op` must point to a live, ready `str`.
#[inline]
pub unsafe fn PyUnicode_DATA(op: *mut PyObject) -> *mut c_void {
    // SAFETY: forwarded from the caller. Compact strings store their characters right after
    // the header that matches their kind; legacy strings point at a separate block.
    unsafe {
        if PyUnicode_IS_COMPACT(op) != 0 {
            _PyUnicode_COMPACT_DATA(op)
        } else {
            _PyUnicode_NONCOMPACT_DATA(op)
        }
    }
}

/// `_PyUnicode_COMPACT_DATA(op)`: the characters stored right after the header of a
/// compact string (after a `PyASCIIObject` for ASCII, a `PyCompactUnicodeObject` otherwise).
///
/// # Safety
/// `op` must point to a live, ready, compact `str`.
#[inline]
pub unsafe fn _PyUnicode_COMPACT_DATA(op: *mut PyObject) -> *mut c_void {
    // SAFETY: forwarded from the caller; a compact string's allocation holds its header
    // followed by the characters, so one past the header is inside the allocation.
    unsafe {
        if PyUnicode_IS_ASCII(op) != 0 {
            op.cast::<PyASCIIObject>().add(1).cast()
        } else {
            op.cast::<PyCompactUnicodeObject>().add(1).cast()
        }
    }
}

/// `_PyUnicode_NONCOMPACT_DATA(op)`: the separate character block of a legacy string.
///
/// # Safety
/// `op` must point to a live, ready, non-compact `str`.
#[inline]
pub unsafe fn _PyUnicode_NONCOMPACT_DATA(op: *mut PyObject) -> *mut c_void {
    // SAFETY: forwarded from the caller; a non-compact string is a `PyUnicodeObject`, and
    // all members of the `data` union are the same pointer.
    unsafe { (*op.cast::<PyUnicodeObject>()).data.any }
}

/// `PyUnicode_1BYTE_DATA(op)`.
///
/// # Safety
/// As [`PyUnicode_DATA`].
#[inline]
pub unsafe fn PyUnicode_1BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS1 {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnicode_DATA(op).cast() }
}

/// `PyUnicode_2BYTE_DATA(op)`.
///
/// # Safety
/// As [`PyUnicode_DATA`].
#[inline]
pub unsafe fn PyUnicode_2BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS2 {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnicode_DATA(op).cast() }
}

/// `PyUnicode_4BYTE_DATA(op)`.
///
/// # Safety
/// As [`PyUnicode_DATA`].
#[inline]
pub unsafe fn PyUnicode_4BYTE_DATA(op: *mut PyObject) -> *mut Py_UCS4 {
    // SAFETY: forwarded from the caller.
    unsafe { PyUnicode_DATA(op).cast() }
}

extern "C" {
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_New")]
    pub fn PyUnicode_New(size: Py_ssize_t, maxchar: Py_UCS4) -> *mut PyObject;
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromKindAndData")]
    pub fn PyUnicode_FromKindAndData(
        kind: c_int,
        buffer: *const c_void,
        size: Py_ssize_t,
    ) -> *mut PyObject;
}

// The `Py_UNICODE` (`wchar_t`) functions, deprecated since 3.3: most were removed in 3.11,
// the rest in 3.12.
extern "C" {
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_FromUnicode")]
    pub fn PyUnicode_FromUnicode(u: *const crate::Py_UNICODE, size: Py_ssize_t) -> *mut PyObject;
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUnicode")]
    pub fn PyUnicode_AsUnicode(unicode: *mut PyObject) -> *mut crate::Py_UNICODE;
    #[cfg(not(Py_3_12))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_AsUnicodeAndSize")]
    pub fn PyUnicode_AsUnicodeAndSize(
        unicode: *mut PyObject,
        size: *mut Py_ssize_t,
    ) -> *mut crate::Py_UNICODE;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Encode(
        s: *const crate::Py_UNICODE,
        size: Py_ssize_t,
        encoding: *const c_char,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeUTF7(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        base64_set_o: c_int,
        base64_white_space: c_int,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeUTF8")]
    pub fn PyUnicode_EncodeUTF8(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeUTF32(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeUTF16(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
        byteorder: c_int,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeUnicodeEscape(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeRawUnicodeEscape(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeLatin1")]
    pub fn PyUnicode_EncodeLatin1(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeASCII")]
    pub fn PyUnicode_EncodeASCII(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_EncodeCharmap(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        mapping: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn PyUnicode_TranslateCharmap(
        data: *const crate::Py_UNICODE,
        length: Py_ssize_t,
        table: *mut PyObject,
        errors: *const c_char,
    ) -> *mut PyObject;
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_EncodeDecimal")]
    pub fn PyUnicode_EncodeDecimal(
        s: *mut crate::Py_UNICODE,
        length: Py_ssize_t,
        output: *mut c_char,
        errors: *const c_char,
    ) -> c_int;
    #[cfg(not(Py_3_11))]
    #[cfg_attr(PyPy, link_name = "PyPyUnicode_TransformDecimalToASCII")]
    pub fn PyUnicode_TransformDecimalToASCII(
        s: *mut crate::Py_UNICODE,
        length: Py_ssize_t,
    ) -> *mut PyObject;
}

extern "C" {
    #[cfg(not(PyPy))]
    pub fn PyUnicode_CopyCharacters(
        to: *mut PyObject,
        to_start: Py_ssize_t,
        from: *mut PyObject,
        from_start: Py_ssize_t,
        how_many: Py_ssize_t,
    ) -> Py_ssize_t;
    #[cfg(not(PyPy))]
    pub fn PyUnicode_Fill(
        unicode: *mut PyObject,
        start: Py_ssize_t,
        length: Py_ssize_t,
        fill_char: Py_UCS4,
    ) -> Py_ssize_t;
    /// Exported from 3.8 (3.7 builds define it only with `Py_DEBUG`).
    #[cfg(Py_3_8)]
    #[cfg(not(PyPy))]
    pub fn _PyUnicode_CheckConsistency(op: *mut PyObject, check_content: c_int) -> c_int;
}
