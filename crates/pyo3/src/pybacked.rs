//! Owned views of Python `str` and `bytes` data: `PyBackedStr` derefs to `str` and
//! `PyBackedBytes` to `[u8]` without copying, kept valid by a reference to the Python
//! object that owns the data. They need no attached thread to read, so they can be
//! stored and sent between threads.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::ptr::NonNull;
use std::sync::Arc;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::instance::{Borrowed, Bound, Py};
use crate::types::{PyAny, PyByteArray, PyByteArrayMethods, PyBytes, PyBytesMethods, PyString};
use crate::{PyErr, PyResult, Python};

/// A Rust `str` backed by a Python object (a `str`, or its UTF-8 `bytes` encoding on
/// limited-API builds before 3.10).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::pybacked::PyBackedStr;
/// Python::attach(|py| {
///     let s: PyBackedStr = py.eval(c"'hello'", None, None).unwrap().extract().unwrap();
///     assert_eq!(&*s, "hello");
///     assert!(s == "hello");
/// });
/// ```
pub struct PyBackedStr {
    #[allow(dead_code)] // only held to keep `data` alive
    storage: Py<PyAny>,
    data: NonNull<str>,
}

/// Bytes backed by a Python `bytes` object, or by a Rust allocation (for data copied out
/// of a `bytearray`).
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::pybacked::PyBackedBytes;
/// Python::attach(|py| {
///     let b: PyBackedBytes = py.eval(c"b'abc'", None, None).unwrap().extract().unwrap();
///     assert_eq!(&*b, b"abc");
/// });
/// ```
pub struct PyBackedBytes {
    storage: BytesStorage,
    data: NonNull<[u8]>,
}

enum BytesStorage {
    Python(Py<PyBytes>),
    Rust(#[allow(dead_code)] Arc<[u8]>),
}

// SAFETY: the data is immutable and owned by `storage` (a Python object, whose reference
// may be dropped on any thread, or an `Arc`); reading it needs no interpreter access.
unsafe impl Send for PyBackedStr {}
// SAFETY: as above; shared access only reads immutable data.
unsafe impl Sync for PyBackedStr {}
// SAFETY: as for `PyBackedStr`.
unsafe impl Send for PyBackedBytes {}
// SAFETY: as for `PyBackedStr`.
unsafe impl Sync for PyBackedBytes {}

impl Deref for PyBackedStr {
    type Target = str;

    fn deref(&self) -> &str {
        // SAFETY: `data` points into the immutable buffer owned by `storage`, which lives
        // as long as `self`.
        unsafe { self.data.as_ref() }
    }
}

impl Deref for PyBackedBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `data` points into the immutable buffer owned by `storage`, which lives
        // as long as `self`.
        unsafe { self.data.as_ref() }
    }
}

impl PyBackedStr {
    /// Another `PyBackedStr` sharing the same Python object.
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        PyBackedStr {
            storage: self.storage.clone_ref(py),
            data: self.data,
        }
    }

    /// The string as `&str`.
    pub fn as_str(&self) -> &str {
        self
    }

    /// The string's UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }
}

impl PyBackedBytes {
    /// Another `PyBackedBytes` sharing the same storage.
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        let storage = match &self.storage {
            BytesStorage::Python(bytes) => BytesStorage::Python(bytes.clone_ref(py)),
            BytesStorage::Rust(arc) => BytesStorage::Rust(arc.clone()),
        };
        PyBackedBytes {
            storage,
            data: self.data,
        }
    }
}

#[cfg(feature = "py-clone")]
impl Clone for PyBackedStr {
    fn clone(&self) -> Self {
        Python::attach(|py| self.clone_ref(py))
    }
}

#[cfg(feature = "py-clone")]
impl Clone for PyBackedBytes {
    fn clone(&self) -> Self {
        Python::attach(|py| self.clone_ref(py))
    }
}

impl<'py> TryFrom<Bound<'py, PyString>> for PyBackedStr {
    type Error = PyErr;

    fn try_from(text: Bound<'py, PyString>) -> PyResult<Self> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            let data = NonNull::from(crate::types::PyStringMethods::to_str(&text)?);
            Ok(PyBackedStr {
                storage: text.into_any().unbind(),
                data,
            })
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            let bytes = crate::types::PyStringMethods::encode_utf8(&text)?;
            // SAFETY: the bytes are the UTF-8 encoding CPython just produced.
            let data = NonNull::from(unsafe { std::str::from_utf8_unchecked(bytes.as_bytes()) });
            Ok(PyBackedStr {
                storage: bytes.into_any().unbind(),
                data,
            })
        }
    }
}

impl FromPyObject<'_, '_> for PyBackedStr {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        let text = obj.cast::<PyString>()?.to_owned();
        PyBackedStr::try_from(text)
    }
}

impl<'py> From<Bound<'py, PyBytes>> for PyBackedBytes {
    fn from(bytes: Bound<'py, PyBytes>) -> Self {
        let data = NonNull::from(bytes.as_bytes());
        PyBackedBytes {
            storage: BytesStorage::Python(bytes.unbind()),
            data,
        }
    }
}

impl<'py> From<Bound<'py, PyByteArray>> for PyBackedBytes {
    /// Copies the contents (a `bytearray` may change later).
    fn from(bytearray: Bound<'py, PyByteArray>) -> Self {
        let arc: Arc<[u8]> = bytearray.to_vec().into();
        let data = NonNull::from(&*arc);
        PyBackedBytes {
            storage: BytesStorage::Rust(arc),
            data,
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for PyBackedBytes {
    type Error = CastError<'a, 'py>;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        if let Ok(bytes) = obj.cast::<PyBytes>() {
            Ok(PyBackedBytes::from(bytes.to_owned()))
        } else if let Ok(bytearray) = obj.cast::<PyByteArray>() {
            Ok(PyBackedBytes::from(bytearray.to_owned()))
        } else {
            let py = obj.py();
            let bytes = <PyBytes as crate::PyTypeInfo>::type_object(py);
            let bytearray = <PyByteArray as crate::PyTypeInfo>::type_object(py);
            // The message names both accepted types; a failure to build the pair (memory
            // exhaustion) still reports the cast, naming `bytes` alone.
            let accepted = match crate::types::PyTuple::new(py, [&bytes, &bytearray]) {
                Ok(pair) => pair.into_any(),
                Err(_) => bytes.into_any(),
            };
            Err(CastError::new(obj, accepted))
        }
    }
}

impl<'py> IntoPyObject<'py> for PyBackedStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedStr {
    type Target = PyString;
    type Output = Bound<'py, PyString>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self.storage.bind(py).cast::<PyString>() {
            Ok(text) => Ok(text.clone()),
            Err(_) => Ok(PyString::new(py, self)),
        }
    }
}

impl<'py> IntoPyObject<'py> for PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self.storage {
            BytesStorage::Python(bytes) => Ok(bytes.into_bound(py)),
            BytesStorage::Rust(arc) => Ok(PyBytes::new(py, &arc)),
        }
    }
}

impl<'py> IntoPyObject<'py> for &PyBackedBytes {
    type Target = PyBytes;
    type Output = Bound<'py, PyBytes>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match &self.storage {
            BytesStorage::Python(bytes) => Ok(bytes.bind(py).clone()),
            BytesStorage::Rust(arc) => Ok(PyBytes::new(py, arc)),
        }
    }
}

macro_rules! value_traits {
    ($ty:ty, $target:ty) => {
        impl AsRef<$target> for $ty {
            fn as_ref(&self) -> &$target {
                self
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&**self, f)
            }
        }

        impl PartialEq for $ty {
            fn eq(&self, other: &Self) -> bool {
                **self == **other
            }
        }

        impl Eq for $ty {}

        impl PartialOrd for $ty {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl Ord for $ty {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                (**self).cmp(&**other)
            }
        }

        impl Hash for $ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                (**self).hash(state)
            }
        }
    };
}

value_traits!(PyBackedStr, str);
value_traits!(PyBackedBytes, [u8]);

impl AsRef<[u8]> for PyBackedStr {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl fmt::Display for PyBackedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self, f)
    }
}

macro_rules! cross_eq {
    ($ty:ty: $($other:ty),*) => {$(
        impl PartialEq<$other> for $ty {
            fn eq(&self, other: &$other) -> bool {
                **self == **other
            }
        }

        impl PartialEq<$ty> for $other {
            fn eq(&self, other: &$ty) -> bool {
                **self == **other
            }
        }
    )*};
}

cross_eq!(PyBackedStr: &str, String, Box<str>);
cross_eq!(PyBackedBytes: &[u8], Vec<u8>, Box<[u8]>);

impl PartialEq<str> for PyBackedStr {
    fn eq(&self, other: &str) -> bool {
        &**self == other
    }
}

impl PartialEq<PyBackedStr> for str {
    fn eq(&self, other: &PyBackedStr) -> bool {
        self == &**other
    }
}

impl PartialOrd<str> for PyBackedStr {
    fn partial_cmp(&self, other: &str) -> Option<std::cmp::Ordering> {
        (**self).partial_cmp(other)
    }
}

impl PartialOrd<PyBackedStr> for str {
    fn partial_cmp(&self, other: &PyBackedStr) -> Option<std::cmp::Ordering> {
        self.partial_cmp(&**other)
    }
}

impl PartialOrd<[u8]> for PyBackedBytes {
    fn partial_cmp(&self, other: &[u8]) -> Option<std::cmp::Ordering> {
        (**self).partial_cmp(other)
    }
}

impl PartialOrd<PyBackedBytes> for [u8] {
    fn partial_cmp(&self, other: &PyBackedBytes) -> Option<std::cmp::Ordering> {
        self.partial_cmp(&**other)
    }
}

impl PartialEq<[u8]> for PyBackedBytes {
    fn eq(&self, other: &[u8]) -> bool {
        &**self == other
    }
}

impl PartialEq<PyBackedBytes> for [u8] {
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self == &**other
    }
}

impl<const N: usize> PartialEq<[u8; N]> for PyBackedBytes {
    fn eq(&self, other: &[u8; N]) -> bool {
        **self == other[..]
    }
}

impl<const N: usize> PartialEq<PyBackedBytes> for [u8; N] {
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self[..] == **other
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for PyBackedBytes {
    fn eq(&self, other: &&[u8; N]) -> bool {
        **self == other[..]
    }
}

impl<const N: usize> PartialEq<PyBackedBytes> for &[u8; N] {
    fn eq(&self, other: &PyBackedBytes) -> bool {
        self[..] == **other
    }
}
