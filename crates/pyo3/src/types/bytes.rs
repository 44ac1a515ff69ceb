//! `PyBytes`: Python's immutable `bytes`, viewed from Rust as `&[u8]` and compared with it.

use std::ops::Index;
use std::slice::SliceIndex;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::native_type;
use crate::{PyResult, Python};

native_type!(
    /// Python's `bytes`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyBytesMethods};
    /// Python::attach(|py| {
    ///     let b = PyBytes::new(py, b"hello");
    ///     assert_eq!(b.as_bytes(), b"hello");
    ///     assert_eq!(&b[1..3], b"el");
    /// });
    /// ```
    PyBytes, PyBytes_Type, ffi::PyBytes_Check, Some("builtins")
);

impl PyBytes {
    /// A new `bytes` object holding a copy of `s`.
    pub fn new<'py>(py: Python<'py>, s: &[u8]) -> Bound<'py, PyBytes> {
        // SAFETY: the slice is valid for its length; CPython copies it.
        unsafe { PyBytes::from_ptr(py, s.as_ptr(), s.len()) }
    }

    /// A new `bytes` object of `len` bytes, filled in place by `init` (the buffer starts
    /// zeroed). If `init` fails, the object is released and its error returned.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyBytesMethods};
    /// Python::attach(|py| -> PyResult<()> {
    ///     let b = PyBytes::new_with(py, 4, |buf| {
    ///         buf.copy_from_slice(b"abcd");
    ///         Ok(())
    ///     })?;
    ///     assert_eq!(b.as_bytes(), b"abcd");
    ///     Ok(())
    /// }).unwrap();
    /// ```
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyBytes>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        // SAFETY: attached; a NULL source asks CPython for an uninitialised buffer of
        // `len` bytes; returns a new reference or NULL with MemoryError set.
        let bytes = unsafe {
            ffi::PyBytes_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t)
                .assume_owned_or_err(py)?
        };
        // SAFETY: the fresh object is not shared yet, so writing into its buffer is allowed;
        // the buffer holds exactly `len` bytes, zeroed before anyone reads it.
        let buffer = unsafe {
            let data = ffi::PyBytes_AsString(bytes.as_ptr()).cast::<u8>();
            std::ptr::write_bytes(data, 0, len);
            std::slice::from_raw_parts_mut(data, len)
        };
        init(buffer)?;
        // SAFETY: `PyBytes_FromStringAndSize` made a bytes object.
        Ok(unsafe { bytes.cast_into_unchecked() })
    }

    /// A new `bytes` object copied from raw memory.
    ///
    /// # Safety
    ///
    /// `ptr` must be valid for reads of `len` bytes.
    pub unsafe fn from_ptr(py: Python<'_>, ptr: *const u8, len: usize) -> Bound<'_, PyBytes> {
        // SAFETY: attached; the caller guarantees `ptr`/`len`; returns a new reference.
        unsafe {
            ffi::PyBytes_FromStringAndSize(ptr.cast(), len as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyBytes>`.
pub trait PyBytesMethods<'py> {
    /// The contents, borrowed from the object (bytes are immutable).
    fn as_bytes(&self) -> &[u8];
}

impl<'py> PyBytesMethods<'py> for Bound<'py, PyBytes> {
    #[inline]
    fn as_bytes(&self) -> &[u8] {
        self.as_borrowed().as_bytes()
    }
}

impl crate::instance::Py<PyBytes> {
    /// The contents, borrowed for as long as this reference lives (bytes are immutable).
    pub fn as_bytes<'a>(&'a self, py: Python<'_>) -> &'a [u8] {
        self.bind_borrowed(py).as_bytes()
    }
}

impl<'a> Borrowed<'a, '_, PyBytes> {
    /// The contents, valid as long as the borrow.
    pub(crate) fn as_bytes(self) -> &'a [u8] {
        // SAFETY: attached; a bytes object's buffer never moves or changes and lives as
        // long as the object, which the owner keeps alive for 'a.
        unsafe {
            let data = ffi::PyBytes_AsString(self.as_ptr()).cast::<u8>();
            let len = ffi::PyBytes_Size(self.as_ptr()) as usize;
            std::slice::from_raw_parts(data, len)
        }
    }
}

/// The contents, as [`PyBytesMethods::as_bytes`] gives them.
impl AsRef<[u8]> for Bound<'_, PyBytes> {
    #[inline]
    fn as_ref(&self) -> &[u8] {
        self.as_borrowed().as_bytes()
    }
}

/// The contents, valid as long as the borrow.
impl<'a> AsRef<[u8]> for Borrowed<'a, '_, PyBytes> {
    #[inline]
    fn as_ref(&self) -> &'a [u8] {
        self.as_bytes()
    }
}

impl<I: SliceIndex<[u8]>> Index<I> for Bound<'_, PyBytes> {
    type Output = I::Output;

    fn index(&self, index: I) -> &Self::Output {
        &self.as_bytes()[index]
    }
}

/// Compares the byte content (not Python `==`, so a `bytes` subclass's `__eq__` is not
/// consulted).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyBytes;
/// Python::attach(|py| {
///     let b = PyBytes::new(py, b"abc");
///     assert!(b == b"abc"[..]);
///     assert!(&b"abd"[..] != b);
/// });
/// ```
impl PartialEq<[u8]> for Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<&[u8]> for Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &&[u8]) -> bool {
        self.as_bytes() == *other
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<[u8]> for &Bound<'_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<[u8]> for Borrowed<'_, '_, PyBytes> {
    #[inline]
    fn eq(&self, other: &[u8]) -> bool {
        self.as_bytes() == other
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<&[u8]> for Borrowed<'_, '_, PyBytes> {
    #[inline]
    fn eq(&self, other: &&[u8]) -> bool {
        self.as_bytes() == *other
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<Bound<'_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<&Bound<'_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &&Bound<'_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<Borrowed<'_, '_, PyBytes>> for [u8] {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBytes>) -> bool {
        self == other.as_bytes()
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<Bound<'_, PyBytes>> for &[u8] {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyBytes>) -> bool {
        *self == other.as_bytes()
    }
}

/// Compares the byte content; see `PartialEq<[u8]> for Bound<PyBytes>`.
impl PartialEq<Borrowed<'_, '_, PyBytes>> for &[u8] {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyBytes>) -> bool {
        *self == other.as_bytes()
    }
}
