//! `longintrepr.h` (`cpython/longintrepr.h` from 3.11): how an `int` object stores its
//! value. Outside every stable API, and changed in 3.12 (a tagged `lv_tag` replaced the
//! signed `ob_size`). Checked against CPython 3.7–3.13 and 3.13t (64-bit, 30-bit digits).
//!
//! `PyLongObject` itself stays opaque (as it is in PyO3); [`_longobject`] is the same C
//! struct, by its tag, for code that reads small values directly.

#[cfg(Py_3_12)]
use crate::object::PyObject;
#[cfg(not(Py_3_12))]
use crate::object::PyVarObject;
#[cfg(Py_3_12)]
use crate::pyport::Py_ssize_t;

/// `digit`: one digit of an `int`'s magnitude, in base `2**PyLong_SHIFT`.
///
/// The default `PYLONG_BITS_IN_DIGIT` of `pyport.h`: 30 bits in a `uint32_t` from 3.11 and
/// on 64-bit platforms, 15 bits in an `unsigned short` on 32-bit platforms before 3.11. An
/// interpreter configured with `--enable-big-digits` to the other width does not match; the
/// layout test (`tests/layout.rs`) compares `sizeof(digit)` with the interpreter's headers.
#[cfg(any(Py_3_11, target_pointer_width = "64"))]
pub type digit = u32;
/// `digit` (see above): 15 bits in an `unsigned short` on 32-bit platforms before 3.11.
#[cfg(not(any(Py_3_11, target_pointer_width = "64")))]
pub type digit = u16;

/// Bits per [`digit`].
#[cfg(any(Py_3_11, target_pointer_width = "64"))]
pub const PyLong_SHIFT: u32 = 30;
/// Bits per [`digit`].
#[cfg(not(any(Py_3_11, target_pointer_width = "64")))]
pub const PyLong_SHIFT: u32 = 15;

/// `_PyLongValue` (3.12+): the digit count, sign and flags in one tagged word, then the digits.
#[cfg(Py_3_12)]
#[repr(C)]
#[derive(Copy, Clone)]
pub struct _PyLongValue {
    /// `(digit count << 3) | flags`; the low two bits are the sign: 0 positive, 1 zero,
    /// 2 negative.
    pub lv_tag: usize,
    /// The digits, least significant first (at least one is always allocated).
    pub ob_digit: [digit; 1],
}

/// `struct _longobject`, the layout behind `PyLongObject` (3.12+).
#[cfg(Py_3_12)]
#[repr(C)]
pub struct _longobject {
    pub ob_base: PyObject,
    pub long_value: _PyLongValue,
}

/// `struct _longobject`, the layout behind `PyLongObject` (before 3.12): `ob_size` is the
/// signed digit count (0 for zero, negative for negative values).
#[cfg(not(Py_3_12))]
#[repr(C)]
pub struct _longobject {
    pub ob_base: PyVarObject,
    /// The digits, least significant first (`abs(ob_size)` of them; for zero, none may be
    /// allocated).
    pub ob_digit: [digit; 1],
}

/// `_PyLong_NON_SIZE_BITS` (3.12+): the flag bits below the digit count in `lv_tag`.
#[cfg(Py_3_12)]
pub const _PyLong_NON_SIZE_BITS: usize = 3;

/// `_PyLong_SIGN_MASK` (3.12+): the sign bits of `lv_tag`.
#[cfg(Py_3_12)]
pub const _PyLong_SIGN_MASK: usize = 3;

/// `PyUnstable_Long_IsCompact` (3.12+): whether the value has at most one digit.
///
/// # Safety
///
/// `op` points to a live `int` (or `int` subclass) object.
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn PyUnstable_Long_IsCompact(op: *const _longobject) -> bool {
    // SAFETY: per the caller, `op` is a live int, whose `long_value` is initialised.
    unsafe { (*op).long_value.lv_tag < (2 << _PyLong_NON_SIZE_BITS) }
}

/// `PyUnstable_Long_CompactValue` (3.12+): the value of a compact `int`.
///
/// # Safety
///
/// `op` points to a live `int` (or `int` subclass) object for which
/// [`PyUnstable_Long_IsCompact`] holds.
#[cfg(Py_3_12)]
#[inline]
pub unsafe fn PyUnstable_Long_CompactValue(op: *const _longobject) -> Py_ssize_t {
    // SAFETY: per the caller; from 3.12 one digit is always allocated (zero's is 0).
    unsafe {
        let value = &(*op).long_value;
        let sign = 1 - (value.lv_tag & _PyLong_SIGN_MASK) as Py_ssize_t;
        sign * value.ob_digit[0] as Py_ssize_t
    }
}
