//! [`num-bigint`](https://docs.rs/num-bigint)'s `BigInt` and `BigUint` to and from Python
//! `int` of any size (cargo feature `num-bigint`).
//!
//! Both directions take a shortcut through a 64-bit C integer when the value fits, and
//! otherwise go through a little-endian byte string (CPython's byte-array functions, or
//! `int.to_bytes`/`int.from_bytes` under the stable ABI). Extraction accepts `int`, its
//! subclasses and any object with `__index__`; a negative value extracted as `BigUint`
//! raises the error CPython raises for a negative value given where an unsigned integer
//! is expected.
//!
//! ```toml
//! [dependencies]
//! num-bigint = "0.4"
//! pyo3 = { version = "0.27.2", features = ["num-bigint"] }
//! ```
//!
//! ```
//! # #[cfg(feature = "num-bigint")] {
//! use num_bigint::BigInt;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let huge = py.eval(c"-(2 ** 200)", None, None)?;
//!     let value: BigInt = huge.extract()?;
//!     assert_eq!(value, -(BigInt::from(1u8) << 200u32));
//!     // ... and back, to an equal Python int.
//!     assert!(value.into_pyobject(py)?.as_any().eq(&huge)?);
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use num_bigint::{BigInt, BigUint};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyInt};
use crate::{PyErr, PyResult, Python};

impl<'py> IntoPyObject<'py> for BigInt {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &BigInt {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    /// An `int` equal to the value.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match i64::try_from(self) {
            Ok(small) => Ok(small.into_pyobject(py)?),
            Err(_) => int_from_le_bytes(py, &self.to_signed_bytes_le(), true),
        }
    }
}

impl<'py> IntoPyObject<'py> for BigUint {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &BigUint {
    type Target = PyInt;
    type Output = Bound<'py, PyInt>;
    type Error = PyErr;

    /// A non-negative `int` equal to the value.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match u64::try_from(self) {
            Ok(small) => Ok(small.into_pyobject(py)?),
            Err(_) => int_from_le_bytes(py, &self.to_bytes_le(), false),
        }
    }
}

impl<'py> FromPyObject<'_, 'py> for BigInt {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<BigInt, Self::Error> {
        let int = as_int(ob)?;
        match small_value(&int)? {
            Small::Fits(v) => Ok(BigInt::from(v)),
            Small::TooNegative | Small::TooPositive => {
                Ok(BigInt::from_signed_bytes_le(&int_to_le_bytes(&int, true)?))
            }
        }
    }
}

impl<'py> FromPyObject<'_, 'py> for BigUint {
    type Error = PyErr;

    fn extract(ob: Borrowed<'_, 'py, PyAny>) -> Result<BigUint, Self::Error> {
        let int = as_int(ob)?;
        match small_value(&int)? {
            Small::Fits(v) => match u64::try_from(v) {
                Ok(v) => Ok(BigUint::from(v)),
                Err(_) => Err(negative_into_unsigned()),
            },
            Small::TooNegative => Err(negative_into_unsigned()),
            Small::TooPositive => Ok(BigUint::from_bytes_le(&int_to_le_bytes(&int, false)?)),
        }
    }
}

/// The object itself if it is an `int` (or subclass), else `operator.index(ob)`.
fn as_int<'py>(ob: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = ob.py();
    // SAFETY: attached; the object is alive.
    if unsafe { ffi::PyLong_Check(ob.as_ptr()) } != 0 {
        Ok(ob.to_owned())
    } else {
        // SAFETY: attached; returns a new reference to an int, or NULL with an exception.
        unsafe { ffi::PyNumber_Index(ob.as_ptr()).assume_owned_or_err(py) }
    }
}

/// Where an int lies relative to the 64-bit signed range.
enum Small {
    Fits(i64),
    TooNegative,
    TooPositive,
}

fn small_value(int: &Bound<'_, PyAny>) -> PyResult<Small> {
    let mut overflow: std::os::raw::c_int = 0;
    // SAFETY: attached; `int` is a live int; `overflow` is a valid out-pointer.
    let v = unsafe { ffi::PyLong_AsLongLongAndOverflow(int.as_ptr(), &mut overflow) };
    match overflow {
        0 => {
            if v == -1 {
                if let Some(err) = PyErr::take(int.py()) {
                    return Err(err);
                }
            }
            Ok(Small::Fits(v))
        }
        o if o < 0 => Ok(Small::TooNegative),
        _ => Ok(Small::TooPositive),
    }
}

/// The error PyO3 gives for a negative int extracted as `BigUint`: the one that CPython's
/// conversion into an unsigned byte buffer raises on this build.
fn negative_into_unsigned() -> PyErr {
    #[cfg(all(Py_3_13, not(limited_api_only)))]
    {
        crate::exceptions::PyValueError::new_err("Cannot convert negative int")
    }
    #[cfg(not(all(Py_3_13, not(limited_api_only))))]
    {
        crate::exceptions::PyOverflowError::new_err("can't convert negative int to unsigned")
    }
}

/// An int from its little-endian two's-complement (`signed`) or unsigned bytes.
fn int_from_le_bytes<'py>(
    py: Python<'py>,
    bytes: &[u8],
    signed: bool,
) -> PyResult<Bound<'py, PyInt>> {
    #[cfg(not(limited_api_only))]
    {
        // SAFETY: attached; `bytes` is valid for `bytes.len()` reads; returns a new int
        // reference or NULL with an exception set.
        unsafe {
            Ok(
                ffi::_PyLong_FromByteArray(bytes.as_ptr(), bytes.len(), 1, signed.into())
                    .assume_owned_or_err(py)?
                    .cast_into_unchecked(),
            )
        }
    }
    #[cfg(limited_api_only)]
    {
        use crate::types::{PyAnyMethods, PyBytes, PyDict, PyDictMethods};
        let kwargs = PyDict::new(py);
        kwargs.set_item(crate::intern!(py, "signed"), signed)?;
        let int = py.get_type::<PyInt>().call_method(
            crate::intern!(py, "from_bytes"),
            (PyBytes::new(py, bytes), crate::intern!(py, "little")),
            Some(&kwargs),
        )?;
        // SAFETY: `int.from_bytes` called on `int` itself returns an exact int.
        Ok(unsafe { int.cast_into_unchecked() })
    }
}

/// The little-endian bytes of an int: two's complement with room for the sign bit when
/// `signed`, else unsigned (the caller has checked the value is not negative).
fn int_to_le_bytes(int: &Bound<'_, PyAny>, signed: bool) -> PyResult<Vec<u8>> {
    let n_bits = bit_length(int)?;
    let n_bytes = if signed {
        n_bits / 8 + 1
    } else {
        n_bits.div_ceil(8)
    };
    #[cfg(not(limited_api_only))]
    {
        let mut buffer = vec![0u8; n_bytes];
        // SAFETY: attached; `int` is an int object (so a `PyLongObject`); the buffer holds
        // `n_bytes` writable bytes, enough for the value by construction.
        let rc = unsafe {
            ffi::_PyLong_AsByteArray(
                int.as_ptr().cast(),
                buffer.as_mut_ptr(),
                n_bytes,
                1,
                signed.into(),
                #[cfg(Py_3_13)]
                1,
            )
        };
        if rc == -1 {
            return Err(PyErr::fetch(int.py()));
        }
        Ok(buffer)
    }
    #[cfg(limited_api_only)]
    {
        use crate::types::{PyAnyMethods, PyBytes, PyBytesMethods, PyDict, PyDictMethods};
        let py = int.py();
        let kwargs = PyDict::new(py);
        kwargs.set_item(crate::intern!(py, "signed"), signed)?;
        let bytes = int.call_method(
            crate::intern!(py, "to_bytes"),
            (n_bytes, crate::intern!(py, "little")),
            Some(&kwargs),
        )?;
        Ok(bytes.cast_into::<PyBytes>()?.as_bytes().to_vec())
    }
}

/// `abs(int).bit_length()`.
fn bit_length(int: &Bound<'_, PyAny>) -> PyResult<usize> {
    #[cfg(not(limited_api_only))]
    {
        // SAFETY: attached; `int` is a live int.
        let n = unsafe { ffi::_PyLong_NumBits(int.as_ptr()) };
        if n == usize::MAX {
            if let Some(err) = PyErr::take(int.py()) {
                return Err(err);
            }
        }
        Ok(n)
    }
    #[cfg(limited_api_only)]
    {
        use crate::types::PyAnyMethods;
        int.call_method0(crate::intern!(int.py(), "bit_length"))?
            .extract()
    }
}
