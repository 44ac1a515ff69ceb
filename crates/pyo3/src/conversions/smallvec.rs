//! Conversions for [smallvec](https://docs.rs/smallvec)'s `SmallVec<A>`: into a `list`
//! (into `bytes` when the items are `u8`, as `Vec<u8>` does), and from any Python sequence.
//! As for `Vec`, extracting a `str` is refused with a `TypeError`: a string is a sequence
//! of one-character strings, which is almost never what the caller meant.
//!
//! Enable with the `smallvec` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["smallvec"] }
//! smallvec = "1"
//! ```
//!
//! ```rust
//! # #[cfg(feature = "smallvec")] {
//! use pyo3::prelude::*;
//! use smallvec::{smallvec, SmallVec};
//!
//! Python::attach(|py| -> PyResult<()> {
//!     let items: SmallVec<[i32; 4]> = py.eval(c"(1, 2, 3)", None, None)?.extract()?;
//!     assert_eq!(items.as_slice(), [1, 2, 3]);
//!
//!     let list = SmallVec::<[&str; 2]>::from_slice(&["a", "b"]).into_pyobject(py)?;
//!     assert_eq!(list.to_string(), "['a', 'b']");
//!     # let _: SmallVec<[u8; 1]> = smallvec![1];
//!     Ok(())
//! })
//! .unwrap();
//! # }
//! ```

use smallvec::{Array, SmallVec};

use crate::conversion::{private, FromPyObject, FromPyObjectOwned, IntoPyObject};
use crate::err::CastError;
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyAny, PyAnyMethods, PySequence, PyString};
use crate::{PyErr, PyResult, PyTypeCheck, Python};

impl<'py, A> IntoPyObject<'py> for SmallVec<A>
where
    A: Array,
    A::Item: IntoPyObject<'py>,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        <A::Item>::owned_sequence_into_pyobject(self, py, private::Token)
    }
}

impl<'a, 'py, A> IntoPyObject<'py> for &'a SmallVec<A>
where
    A: Array,
    &'a A::Item: IntoPyObject<'py>,
    A::Item: 'a,
{
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.as_slice().into_pyobject(py)
    }
}

impl<'py, A> FromPyObject<'_, 'py> for SmallVec<A>
where
    A: Array,
    A::Item: FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let capacity = check_sequence(obj)?;
        let mut out = SmallVec::new();
        // A lying `__len__` gives `MemoryError` (as `list(x)` does), never an abort.
        if out.try_reserve_exact(capacity).is_err() {
            return Err(crate::conversions::std::vec::memory_error());
        }
        for item in obj.try_iter()? {
            out.push(item?.extract::<A::Item>().map_err(Into::into)?);
        }
        Ok(out)
    }
}

/// Accepts any sequence but `str`, and returns its length as a capacity hint (0 when the
/// length is unknown). The non-generic half of the extraction.
fn check_sequence(obj: Borrowed<'_, '_, PyAny>) -> PyResult<usize> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err("Can't extract `str` to `SmallVec`"));
    }
    // SAFETY: attached (we hold a `Borrowed` tied to `'py`); the object is alive.
    if unsafe { ffi::PySequence_Check(obj.as_ptr()) } == 0 {
        return Err(CastError::new(obj, PySequence::classinfo_object(obj.py())).into());
    }
    Ok(obj.len().unwrap_or(0))
}
