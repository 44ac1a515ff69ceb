//! Integers of every width to and from Python `int`. Extraction accepts any object with
//! `__index__` (as CPython's own integer arguments do) and raises `OverflowError` when the
//! value does not fit.

use std::convert::Infallible;
use std::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PyByteArray, PyByteArrayMethods, PyBytes, PyInt};
use crate::{PyErr, PyResult, Python};

/// Calls `convert` on an exact int, or on `operator.index(obj)` for anything else.
#[inline]
fn with_index<T: PartialEq>(
    obj: Borrowed<'_, '_, PyAny>,
    error_marker: T,
    convert: impl Fn(*mut ffi::PyObject) -> T,
) -> PyResult<T> {
    let py = obj.py();
    // SAFETY: attached; the object is alive.
    let value = if unsafe { ffi::PyLong_Check(obj.as_ptr()) } != 0 {
        convert(obj.as_ptr())
    } else {
        // SAFETY: attached; PyNumber_Index returns a new int reference or NULL.
        let index = unsafe { ffi::PyNumber_Index(obj.as_ptr()).assume_owned_or_err(py)? };
        convert(index.as_ptr())
    };
    if value == error_marker {
        if let Some(err) = PyErr::take(py) {
            return Err(err);
        }
    }
    Ok(value)
}

/// The value of `obj` read straight from its digits, if it is an `int` (or a subclass, whose
/// value is stored the same way) small enough to have at most one digit (magnitude below
/// `2**PyLong_SHIFT`, 2**30 on 64-bit platforms); `None` otherwise, and always with the limited API or on PyPy/GraalPy, where the
/// layout is not ours to read. The slow path (`PyLong_As*`) then gives the same value, or the
/// exact error PyO3 gives.
#[inline(always)]
fn small_int_value(obj: Borrowed<'_, '_, PyAny>) -> Option<i64> {
    #[cfg(not(limited_api_only))]
    {
        let ptr = obj.as_ptr();
        // SAFETY: attached; `ptr` is a live object, and the int layout is read only once
        // `PyLong_Check` says it is an int (int subclasses extend that layout). Ints are
        // immutable, so the fields are not written meanwhile, even on free-threaded builds.
        unsafe {
            if ffi::PyLong_Check(ptr) == 0 {
                return None;
            }
            let long = ptr.cast::<ffi::_longobject>();
            #[cfg(Py_3_12)]
            {
                if ffi::PyUnstable_Long_IsCompact(long) {
                    return Some(ffi::PyUnstable_Long_CompactValue(long) as i64);
                }
            }
            #[cfg(not(Py_3_12))]
            {
                // The digit is read only when there is one (zero may have none allocated).
                match (*long).ob_base.ob_size {
                    0 => return Some(0),
                    1 => return Some(i64::from((*long).ob_digit[0])),
                    -1 => return Some(-i64::from((*long).ob_digit[0])),
                    _ => {}
                }
            }
        }
        None
    }
    #[cfg(limited_api_only)]
    {
        let _ = obj;
        None
    }
}

fn out_of_range() -> PyErr {
    PyOverflowError::new_err("out of range integral type conversion attempted")
}

/// Conversions of the integer types that fit in a 64-bit C integer: into Python through
/// `$to_py` (`@into_all`), out through `$from_py` (whose `$marker` return may signal an
/// error), then a range check into the narrower type (`@extract_all`).
macro_rules! int_conversions {
    (@into_all $wide:ty, $to_py:ident; $($t:ty),*) => {$(
        int_conversions!(@into $t, $wide, $to_py);
    )*};
    (@extract_all $from_py:ident, $marker:expr; $($t:ty),*) => {$(
        int_conversions!(@extract $t, $from_py, $marker);
    )*};
    (@into $t:ty, $wide:ty, $to_py:ident) => {
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                // SAFETY: attached; returns a new int reference.
                Ok(unsafe { ffi::$to_py(self as $wide).assume_owned(py).cast_into_unchecked() })
            }
        }

        impl<'py> IntoPyObject<'py> for &$t {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    };
    (@extract $t:ty, $from_py:ident, $marker:expr) => {
        impl FromPyObject<'_, '_> for $t {
            type Error = PyErr;

            #[inline]
            fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
                // A small value that fits is read directly; anything else (a value out of
                // range included) takes the C call for its exact result or error.
                if let Some(v) = small_int_value(obj).and_then(|v| <$t>::try_from(v).ok()) {
                    return Ok(v);
                }
                // SAFETY: the pointer passed by `with_index` is a live int.
                let v = with_index(obj, $marker, |p| unsafe { ffi::$from_py(p) })?;
                <$t>::try_from(v).map_err(|_| out_of_range())
            }
        }
    };
}

int_conversions!(@into_all i64, PyLong_FromLongLong; i8, i16, i32, i64, isize);
// `u8` converts into Python by hand below (a sequence of `u8` becomes `bytes`).
int_conversions!(@into_all u64, PyLong_FromUnsignedLongLong; u16, u32, u64, usize);

// Out of Python through the same C function as PyO3 uses for each width, so that the
// `OverflowError` of a value beyond the C type reads the same ("Python int too large to
// convert to C long" from `long`, "int too big to convert" from the `long long`s): `long`
// for every type that fits it, the `long long`s for the rest.
#[cfg(all(target_pointer_width = "64", not(windows)))]
int_conversions!(@extract_all PyLong_AsLong, -1; i8, i16, i32, i64, isize, u16, u32);
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
int_conversions!(@extract_all PyLong_AsLong, -1; i8, i16, i32, u16);
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
int_conversions!(@extract_all PyLong_AsLongLong, -1; i64, isize);
#[cfg(not(all(target_pointer_width = "64", not(windows))))]
int_conversions!(@extract_all PyLong_AsUnsignedLongLong, u64::MAX; u32);
int_conversions!(@extract_all PyLong_AsUnsignedLongLong, u64::MAX; u64, usize);

impl<'py> FromPyObject<'_, 'py> for u8 {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        if let Some(v) = small_int_value(obj).and_then(|v| u8::try_from(v).ok()) {
            return Ok(v);
        }
        // SAFETY: the pointer passed by `with_index` is a live int.
        let v = with_index(obj, -1, |p| unsafe { ffi::PyLong_AsLong(p) })?;
        u8::try_from(v).map_err(|_| out_of_range())
    }

    fn byte_buffer(
        obj: Borrowed<'_, 'py, PyAny>,
        _: crate::conversion::private::Token,
    ) -> Option<Vec<Self>> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Some(bytes.as_bytes().to_vec())
        } else if let Ok(array) = obj.cast::<PyByteArray>() {
            Some(array.to_vec())
        } else {
            None
        }
    }

    fn byte_array<const N: usize>(
        obj: Borrowed<'_, 'py, PyAny>,
        _: crate::conversion::private::Token,
    ) -> Option<PyResult<[Self; N]>> {
        let ptr = obj.as_ptr();
        // SAFETY: attached; `ptr` is a live object, and each buffer is read as the type
        // checked says. A bytes buffer never changes; a bytearray's is copied below before
        // any Python code can run and resize it. Neither pointer is NULL (an empty
        // bytearray's points to a static empty string).
        let contents: &[u8] = unsafe {
            let (data, len) = if ffi::PyBytes_CheckExact(ptr) != 0 {
                (ffi::PyBytes_AsString(ptr), ffi::PyBytes_Size(ptr))
            } else if ffi::PyByteArray_CheckExact(ptr) != 0 {
                (ffi::PyByteArray_AsString(ptr), ffi::PyByteArray_Size(ptr))
            } else {
                return None;
            };
            std::slice::from_raw_parts(data.cast::<u8>(), len as usize)
        };
        Some(<[u8; N]>::try_from(contents).map_err(|_| {
            crate::conversions::std::array::invalid_sequence_length(N, contents.len())
        }))
    }
}

impl<'py> IntoPyObject<'py> for u8 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        // SAFETY: attached; returns a new int reference.
        Ok(unsafe {
            ffi::PyLong_FromLong(self as std::os::raw::c_long)
                .assume_owned(py)
                .cast_into_unchecked()
        })
    }

    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: crate::conversion::private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self>,
        I::IntoIter: ExactSizeIterator,
    {
        Ok(crate::conversions::std::vec::bytes_from_iter(py, iter))
    }
}

impl<'py> IntoPyObject<'py> for &u8 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }

    fn owned_sequence_into_pyobject<I>(
        iter: I,
        py: Python<'py>,
        _: crate::conversion::private::Token,
    ) -> Result<Bound<'py, PyAny>, PyErr>
    where
        I: IntoIterator<Item = Self>,
        I::IntoIter: ExactSizeIterator,
    {
        Ok(crate::conversions::std::vec::bytes_from_iter(
            py,
            iter.into_iter().copied(),
        ))
    }
}

/// 128-bit integers go through two 64-bit halves, which works on every API level.
impl<'py> IntoPyObject<'py> for i128 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Ok(small) = i64::try_from(self) {
            return small.into_pyobject(py);
        }
        let high = ((self >> 64) as i64).into_pyobject(py)?;
        let low = (self as u64).into_pyobject(py)?;
        Ok(combine_halves(py, &high, &low))
    }
}

impl<'py> IntoPyObject<'py> for u128 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if let Ok(small) = u64::try_from(self) {
            return small.into_pyobject(py);
        }
        let high = ((self >> 64) as u64).into_pyobject(py)?;
        let low = (self as u64).into_pyobject(py)?;
        Ok(combine_halves(py, &high, &low))
    }
}

/// `(high << 64) | low`.
fn combine_halves<'py>(
    py: Python<'py>,
    high: &Bound<'py, PyInt>,
    low: &Bound<'py, PyInt>,
) -> Bound<'py, PyInt> {
    let shift = 64u8.into_pyobject(py).expect("infallible");
    // SAFETY: attached; all operands are live ints; the operations return new int
    // references (NULL only on memory exhaustion, which panics in `assume_owned`).
    unsafe {
        let shifted = ffi::PyNumber_Lshift(high.as_ptr(), shift.as_ptr()).assume_owned(py);
        ffi::PyNumber_Or(shifted.as_ptr(), low.as_ptr())
            .assume_owned(py)
            .cast_into_unchecked()
    }
}

/// Splits an int into `(value >> 64, value & (2**64 - 1))`.
fn split_halves<'py>(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<(Bound<'py, PyAny>, u64)> {
    let py = obj.py();
    // SAFETY: attached; PyNumber_Index returns a new int reference or NULL.
    let index = unsafe { ffi::PyNumber_Index(obj.as_ptr()).assume_owned_or_err(py)? };
    let shift = 64u8.into_pyobject(py)?;
    // SAFETY: attached; `index` is an int; the mask variant never fails for ints.
    let low = unsafe { ffi::PyLong_AsUnsignedLongLongMask(index.as_ptr()) };
    // SAFETY: attached; returns a new int reference or NULL.
    let high =
        unsafe { ffi::PyNumber_Rshift(index.as_ptr(), shift.as_ptr()).assume_owned_or_err(py)? };
    Ok((high, low))
}

impl FromPyObject<'_, '_> for i128 {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Some(v) = small_int_value(obj) {
            return Ok(i128::from(v));
        }
        let (high, low) = split_halves(obj)?;
        let high: i64 = high.extract().map_err(|_: PyErr| out_of_range())?;
        Ok(((high as i128) << 64) | low as i128)
    }
}

impl FromPyObject<'_, '_> for u128 {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        if let Some(v) = small_int_value(obj).and_then(|v| u128::try_from(v).ok()) {
            return Ok(v);
        }
        let (high, low) = split_halves(obj)?;
        let high: u64 = high.extract().map_err(|e: PyErr| {
            if e.value(obj.py()).to_string().contains("negative") {
                e
            } else {
                out_of_range()
            }
        })?;
        Ok(((high as u128) << 64) | low as u128)
    }
}

impl<'py> IntoPyObject<'py> for &i128 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &u128 {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

macro_rules! nonzero {
    ($($nz:ty => $t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $nz {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.get().into_pyobject(py)
            }
        }

        impl<'py> IntoPyObject<'py> for &$nz {
            type Target = PyInt;
            type Output = Bound<'py, PyInt>;
            type Error = Infallible;

            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                self.get().into_pyobject(py)
            }
        }

        impl FromPyObject<'_, '_> for $nz {
            type Error = PyErr;

            fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
                let value: $t = obj.extract()?;
                <$nz>::new(value).ok_or_else(|| PyValueError::new_err("invalid zero value"))
            }
        }
    )*};
}

nonzero!(
    NonZeroI8 => i8, NonZeroI16 => i16, NonZeroI32 => i32, NonZeroI64 => i64,
    NonZeroI128 => i128, NonZeroIsize => isize, NonZeroU8 => u8, NonZeroU16 => u16,
    NonZeroU32 => u32, NonZeroU64 => u64, NonZeroU128 => u128, NonZeroUsize => usize
);
