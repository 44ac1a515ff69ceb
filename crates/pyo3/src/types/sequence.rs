//! `PySequence`: any object that `isinstance(obj, collections.abc.Sequence)` accepts, used
//! through the C sequence protocol.

use crate::conversion::to_any;
use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::sync::PyOnceLock;
use crate::type_object::PyTypeInfo;
use crate::types::mapping::abc_type;
use crate::types::{PyAny, PyAnyMethods, PyList, PyTuple, PyType};
use crate::{PyErr, PyResult, Python};

/// A sequence: `list`, `tuple`, or any type registered with `collections.abc.Sequence`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PySequence, PySequenceMethods};
/// Python::attach(|py| {
///     let obj = py.eval(c"(1, 2, 3)", None, None).unwrap();
///     let seq = obj.cast::<PySequence>().unwrap();
///     assert_eq!(seq.len().unwrap(), 3);
///     assert_eq!(seq.index(2).unwrap(), 1);
///     assert!(py.eval(c"{1}", None, None).unwrap().cast::<PySequence>().is_err());
/// });
/// ```
#[repr(transparent)]
pub struct PySequence(PyAny);

impl crate::instance::DerefToPyAny for PySequence {}

fn sequence_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static SEQUENCE_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    abc_type(py, &SEQUENCE_ABC, "Sequence")
}

impl PySequence {
    /// Registers `T` as a virtual subclass of `collections.abc.Sequence`, so that its
    /// instances pass the `PySequence` type check.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        sequence_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

// SAFETY: a sequence is viewed only through the abstract object protocol, which any
// object's layout supports.
unsafe impl PyTypeInfo for PySequence {
    const NAME: &'static str = "Sequence";
    const MODULE: Option<&'static str> = Some("collections.abc");

    /// `collections.abc.Sequence`, imported once.
    ///
    /// # Panics
    ///
    /// When `collections.abc` cannot be imported.
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        sequence_abc(py)
            .expect("collections.abc.Sequence could not be imported")
            .as_ptr()
            .cast()
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; the object is alive.
        if unsafe {
            ffi::PyList_Check(object.as_ptr()) != 0 || ffi::PyTuple_Check(object.as_ptr()) != 0
        } {
            return true;
        }
        let py = object.py();
        sequence_abc(py)
            .and_then(|abc| object.is_instance(abc.as_any()))
            .unwrap_or_else(|err| {
                err.write_unraisable(py, Some(object));
                false
            })
    }
}

/// Methods of `Bound<PySequence>`.
pub trait PySequenceMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `self + other`.
    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self * count`.
    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self += other`, returning the result (`self` itself for mutable sequences).
    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>>;
    /// `self *= count`, returning the result.
    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[index]`.
    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>>;
    /// `self[begin:end]`.
    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>>;
    /// `self[index] = item`.
    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()>;
    /// `del self[index]`.
    fn del_item(&self, index: usize) -> PyResult<()>;
    /// `self[begin:end] = value`.
    fn set_slice(&self, begin: usize, end: usize, value: &Bound<'_, PyAny>) -> PyResult<()>;
    /// `del self[begin:end]`.
    fn del_slice(&self, begin: usize, end: usize) -> PyResult<()>;
    /// `self.count(value)`.
    fn count<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `self.index(value)` (`ValueError` when missing).
    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize>;
    /// `list(self)`.
    fn to_list(&self) -> PyResult<Bound<'py, PyList>>;
    /// `tuple(self)`.
    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>>;
}

/// Clamps a Rust index into `Py_ssize_t` (CPython treats anything past the end the same).
#[inline]
fn ssize(index: usize) -> ffi::Py_ssize_t {
    index.min(ffi::Py_ssize_t::MAX as usize) as ffi::Py_ssize_t
}

fn size_or_err(py: Python<'_>, n: ffi::Py_ssize_t) -> PyResult<usize> {
    if n == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(n as usize)
    }
}

fn unit_or_err(py: Python<'_>, rc: std::os::raw::c_int) -> PyResult<()> {
    if rc == -1 {
        Err(PyErr::fetch(py))
    } else {
        Ok(())
    }
}

/// # Safety
///
/// `ptr` is NULL with an error set, or an owned reference to a sequence.
unsafe fn seq_or_err(py: Python<'_>, ptr: *mut ffi::PyObject) -> PyResult<Bound<'_, PySequence>> {
    // SAFETY: forwarded from the caller.
    unsafe { ptr.assume_owned_or_err(py).map(|s| s.cast_into_unchecked()) }
}

impl<'py> PySequenceMethods<'py> for Bound<'py, PySequence> {
    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached; the object is alive.
        size_or_err(self.py(), unsafe { ffi::PySequence_Size(self.as_ptr()) })
    }

    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }

    fn concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; both objects are alive; returns a new reference or NULL.
        unsafe {
            seq_or_err(
                self.py(),
                ffi::PySequence_Concat(self.as_ptr(), other.as_ptr()),
            )
        }
    }

    fn repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; the object is alive; returns a new reference or NULL.
        unsafe {
            seq_or_err(
                self.py(),
                ffi::PySequence_Repeat(self.as_ptr(), ssize(count)),
            )
        }
    }

    fn in_place_concat(&self, other: &Bound<'_, PySequence>) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; both objects are alive; returns a new reference or NULL.
        unsafe {
            seq_or_err(
                self.py(),
                ffi::PySequence_InPlaceConcat(self.as_ptr(), other.as_ptr()),
            )
        }
    }

    fn in_place_repeat(&self, count: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; the object is alive; returns a new reference or NULL.
        unsafe {
            seq_or_err(
                self.py(),
                ffi::PySequence_InPlaceRepeat(self.as_ptr(), ssize(count)),
            )
        }
    }

    fn get_item(&self, index: usize) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: attached; returns a new reference or NULL with IndexError set.
        unsafe {
            ffi::PySequence_GetItem(self.as_ptr(), ssize(index)).assume_owned_or_err(self.py())
        }
    }

    fn get_slice(&self, begin: usize, end: usize) -> PyResult<Bound<'py, PySequence>> {
        // SAFETY: attached; returns a new reference or NULL.
        unsafe {
            seq_or_err(
                self.py(),
                ffi::PySequence_GetSlice(self.as_ptr(), ssize(begin), ssize(end)),
            )
        }
    }

    fn set_item<I: IntoPyObject<'py>>(&self, index: usize, item: I) -> PyResult<()> {
        let item = to_any(self.py(), item)?;
        // SAFETY: attached; PySequence_SetItem takes its own reference to the item.
        unit_or_err(self.py(), unsafe {
            ffi::PySequence_SetItem(self.as_ptr(), ssize(index), item.as_ptr())
        })
    }

    fn del_item(&self, index: usize) -> PyResult<()> {
        // SAFETY: attached; the object is alive.
        unit_or_err(self.py(), unsafe {
            ffi::PySequence_DelItem(self.as_ptr(), ssize(index))
        })
    }

    fn set_slice(&self, begin: usize, end: usize, value: &Bound<'_, PyAny>) -> PyResult<()> {
        // SAFETY: attached; both objects are alive.
        unit_or_err(self.py(), unsafe {
            ffi::PySequence_SetSlice(self.as_ptr(), ssize(begin), ssize(end), value.as_ptr())
        })
    }

    fn del_slice(&self, begin: usize, end: usize) -> PyResult<()> {
        // SAFETY: attached; the object is alive.
        unit_or_err(self.py(), unsafe {
            ffi::PySequence_DelSlice(self.as_ptr(), ssize(begin), ssize(end))
        })
    }

    fn count<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        let value = to_any(self.py(), value)?;
        // PyPy's cpyext has no PySequence_Count: call the sequence's own `count`.
        #[cfg(PyPy)]
        return self
            .as_any()
            .call_method1(crate::intern!(self.py(), "count"), (value,))?
            .extract();
        // SAFETY: attached; both objects are alive.
        #[cfg(not(PyPy))]
        size_or_err(self.py(), unsafe {
            ffi::PySequence_Count(self.as_ptr(), value.as_ptr())
        })
    }

    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        let value = to_any(self.py(), value)?;
        // SAFETY: attached; both objects are alive.
        crate::err::bool_from_status(self.py(), unsafe {
            ffi::PySequence_Contains(self.as_ptr(), value.as_ptr())
        })
    }

    fn index<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<usize> {
        let value = to_any(self.py(), value)?;
        // SAFETY: attached; both objects are alive.
        size_or_err(self.py(), unsafe {
            ffi::PySequence_Index(self.as_ptr(), value.as_ptr())
        })
    }

    fn to_list(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new list reference or NULL.
        unsafe {
            ffi::PySequence_List(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|l| l.cast_into_unchecked())
        }
    }

    fn to_tuple(&self) -> PyResult<Bound<'py, PyTuple>> {
        // SAFETY: attached; returns a new tuple reference or NULL.
        unsafe {
            ffi::PySequence_Tuple(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|t| t.cast_into_unchecked())
        }
    }
}
