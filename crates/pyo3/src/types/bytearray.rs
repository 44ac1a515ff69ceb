//! `PyByteArray`: Python's mutable `bytearray`. Its buffer can move or change whenever
//! Python code runs, so borrowing it as a slice is `unsafe`; `to_vec` copies.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{native_type, PyAny};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `bytearray`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyByteArray, PyByteArrayMethods};
    /// Python::attach(|py| {
    ///     let b = PyByteArray::new(py, b"abc");
    ///     b.resize(5).unwrap();
    ///     assert_eq!(b.len(), 5);
    ///     assert_eq!(&b.to_vec()[..3], b"abc");
    /// });
    /// ```
    PyByteArray, PyByteArray_Type, ffi::PyByteArray_Check, Some("builtins")
);

impl PyByteArray {
    /// A new `bytearray` holding a copy of `src`.
    pub fn new<'py>(py: Python<'py>, src: &[u8]) -> Bound<'py, PyByteArray> {
        // SAFETY: attached; the slice is valid for its length and copied; returns a new
        // reference.
        unsafe {
            ffi::PyByteArray_FromStringAndSize(src.as_ptr().cast(), src.len() as ffi::Py_ssize_t)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// A new `bytearray` of `len` bytes (zeroed), filled in place by `init`. If `init`
    /// fails, the object is released and its error returned.
    pub fn new_with<F>(py: Python<'_>, len: usize, init: F) -> PyResult<Bound<'_, PyByteArray>>
    where
        F: FnOnce(&mut [u8]) -> PyResult<()>,
    {
        // SAFETY: attached; a NULL source gives an uninitialised buffer of `len` bytes;
        // returns a new reference or NULL with an error set.
        let array = unsafe {
            ffi::PyByteArray_FromStringAndSize(std::ptr::null(), len as ffi::Py_ssize_t)
                .assume_owned_or_err(py)?
        };
        // SAFETY: the fresh object is not shared, so no Python code can resize it while
        // `init` holds the slice; the buffer holds `len` bytes, zeroed first.
        let buffer = unsafe {
            let data = ffi::PyByteArray_AsString(array.as_ptr()).cast::<u8>();
            if len > 0 {
                std::ptr::write_bytes(data, 0, len);
                std::slice::from_raw_parts_mut(data, len)
            } else {
                &mut []
            }
        };
        init(buffer)?;
        // SAFETY: it is a bytearray.
        Ok(unsafe { array.cast_into_unchecked() })
    }

    /// `bytearray(src)` for any object supporting the buffer protocol.
    pub fn from<'py>(src: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyByteArray>> {
        // SAFETY: attached; returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyByteArray_FromObject(src.as_ptr())
                .assume_owned_or_err(src.py())
                .map(|b| b.cast_into_unchecked())
        }
    }
}

/// Methods of `Bound<PyByteArray>`.
pub trait PyByteArrayMethods<'py> {
    /// The number of bytes.
    fn len(&self) -> usize;
    /// Whether it is empty.
    fn is_empty(&self) -> bool;
    /// The start of the internal buffer. It is invalidated by any resize.
    fn data(&self) -> *mut u8;
    /// The contents as a slice.
    ///
    /// # Safety
    ///
    /// No Python code may run (and nothing may resize or write the array) while the slice
    /// is in use.
    unsafe fn as_bytes(&self) -> &[u8];
    /// The contents as a mutable slice.
    ///
    /// # Safety
    ///
    /// As for [`PyByteArrayMethods::as_bytes`], and no other slice of it may be alive.
    #[allow(clippy::mut_from_ref)]
    unsafe fn as_bytes_mut(&self) -> &mut [u8];
    /// A copy of the contents.
    fn to_vec(&self) -> Vec<u8>;
    /// Changes the length; new bytes are uninitialised by CPython (zero them before
    /// reading).
    fn resize(&self, len: usize) -> PyResult<()>;
}

impl<'py> PyByteArrayMethods<'py> for Bound<'py, PyByteArray> {
    fn len(&self) -> usize {
        // SAFETY: attached; the object is a live bytearray.
        unsafe { ffi::PyByteArray_Size(self.as_ptr()) as usize }
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn data(&self) -> *mut u8 {
        // SAFETY: attached; the object is a live bytearray.
        unsafe { ffi::PyByteArray_AsString(self.as_ptr()).cast() }
    }

    unsafe fn as_bytes(&self) -> &[u8] {
        let len = self.len();
        if len == 0 {
            return &[];
        }
        // SAFETY: the buffer holds `len` bytes; the caller keeps it from changing.
        unsafe { std::slice::from_raw_parts(self.data(), len) }
    }

    unsafe fn as_bytes_mut(&self) -> &mut [u8] {
        let len = self.len();
        if len == 0 {
            return &mut [];
        }
        // SAFETY: the buffer holds `len` bytes; the caller guarantees exclusive use.
        unsafe { std::slice::from_raw_parts_mut(self.data(), len) }
    }

    fn to_vec(&self) -> Vec<u8> {
        // SAFETY: the copy is made at once, with no Python code running in between.
        unsafe { self.as_bytes() }.to_vec()
    }

    fn resize(&self, len: usize) -> PyResult<()> {
        // SAFETY: attached; the object is a live bytearray.
        if unsafe { ffi::PyByteArray_Resize(self.as_ptr(), len as ffi::Py_ssize_t) } == 0 {
            Ok(())
        } else {
            Err(PyErr::fetch(self.py()))
        }
    }
}

impl<'py> TryFrom<&Bound<'py, PyAny>> for Bound<'py, PyByteArray> {
    type Error = PyErr;

    /// `bytearray(value)`.
    fn try_from(value: &Bound<'py, PyAny>) -> Result<Self, Self::Error> {
        PyByteArray::from(value)
    }
}
