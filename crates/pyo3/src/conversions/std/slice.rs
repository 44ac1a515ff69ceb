//! Slices: `&[T]` and `Cow<[T]>` become Python sequences (`bytes` when `T` is `u8`), and
//! `&[u8]` / `Cow<[u8]>` are extracted from `bytes` (borrowed) or `bytearray` (copied).

use std::borrow::Cow;

use crate::conversion::{private, FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::PyAny;
use crate::{PyErr, Python};

impl<'a, 'py, T> IntoPyObject<'py> for &'a [T]
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements, or `bytes` for `&[u8]`.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        <&T>::owned_sequence_into_pyobject(self.iter(), py, private::Token)
    }
}

impl<'a, 'py, T> IntoPyObject<'py> for &&'a [T]
where
    &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl<'py, T> IntoPyObject<'py> for Cow<'_, [T]>
where
    T: Clone,
    for<'a> &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// A `list` of the converted elements, or `bytes` for `Cow<[u8]>`.
    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        <&T>::owned_sequence_into_pyobject(self.iter(), py, private::Token)
    }
}

impl<'py, T> IntoPyObject<'py> for &Cow<'_, [T]>
where
    T: Clone,
    for<'a> &'a T: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        <&T>::owned_sequence_into_pyobject(self.iter(), py, private::Token)
    }
}

/// A new `bytes` object copied from `data`.
pub(crate) fn new_bytes<'py>(py: Python<'py>, data: &[u8]) -> Bound<'py, PyAny> {
    // SAFETY: attached; the buffer is valid for its length; returns a new bytes reference
    // (NULL only on memory exhaustion, which `assume_owned` turns into a panic).
    unsafe {
        ffi::PyBytes_FromStringAndSize(data.as_ptr().cast(), data.len() as ffi::Py_ssize_t)
            .assume_owned(py)
    }
}

/// The contents of a `bytes` object, borrowed for as long as the object is.
pub(crate) fn bytes_contents<'a>(obj: Borrowed<'a, '_, PyAny>) -> Option<&'a [u8]> {
    obj.cast::<crate::types::PyBytes>()
        .ok()
        .map(Borrowed::as_bytes)
}

/// A copy of the contents of a `bytearray` object.
pub(crate) fn bytearray_contents(obj: Borrowed<'_, '_, PyAny>) -> Option<Vec<u8>> {
    // SAFETY: attached; the object is alive.
    if unsafe { ffi::PyByteArray_Check(obj.as_ptr()) } == 0 {
        return None;
    }
    // SAFETY: `obj` is a bytearray; its buffer holds `PyByteArray_Size` bytes and is not
    // resized while we copy it (no Python code runs in between).
    unsafe {
        let data = ffi::PyByteArray_AsString(obj.as_ptr()).cast::<u8>();
        let len = ffi::PyByteArray_Size(obj.as_ptr()) as usize;
        if len == 0 {
            return Some(Vec::new());
        }
        Some(std::slice::from_raw_parts(data, len).to_vec())
    }
}

/// Borrows the contents of a `bytes` object; anything else is refused.
impl<'a, 'py> FromPyObject<'a, 'py> for &'a [u8] {
    type Error = CastError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        match bytes_contents(obj) {
            Some(data) => Ok(data),
            None => Err(CastError::new(
                obj,
                <crate::types::PyBytes as crate::PyTypeInfo>::type_object(obj.py()).into_any(),
            )),
        }
    }
}

/// `bytes` are borrowed, `bytearray`s copied.
impl<'a, 'py> FromPyObject<'a, 'py> for Cow<'a, [u8]> {
    type Error = CastError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Some(data) = bytes_contents(obj) {
            return Ok(Cow::Borrowed(data));
        }
        match bytearray_contents(obj) {
            Some(data) => Ok(Cow::Owned(data)),
            None => Err(CastError::new(
                obj,
                <crate::types::PyByteArray as crate::PyTypeInfo>::type_object(obj.py()).into_any(),
            )),
        }
    }
}
