//! `PyMapping`: any object that `isinstance(obj, collections.abc.Mapping)` accepts, used
//! through the C mapping protocol.

use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::sync::PyOnceLock;
use crate::type_object::PyTypeInfo;
use crate::types::{PyAny, PyAnyMethods, PyList, PyType};
use crate::{PyErr, PyResult, Python};

/// A mapping: `dict`, or any type registered with `collections.abc.Mapping`.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::{PyMapping, PyMappingMethods};
/// Python::attach(|py| {
///     let obj = py.eval(c"{'a': 1}", None, None).unwrap();
///     let mapping = obj.cast::<PyMapping>().unwrap();
///     assert_eq!(mapping.len().unwrap(), 1);
///     assert!(mapping.get_item("a").unwrap().eq(1).unwrap());
///     assert!(py.eval(c"[1]", None, None).unwrap().cast::<PyMapping>().is_err());
/// });
/// ```
#[repr(transparent)]
pub struct PyMapping(PyAny);

impl crate::instance::DerefToPyAny for PyMapping {}

/// Imports `collections.abc.<name>` once per process.
pub(crate) fn abc_type<'a, 'py>(
    py: Python<'py>,
    cell: &'a PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'a Bound<'py, PyType>> {
    cell.get_or_try_init(py, || {
        let ty = py.import("collections.abc")?.getattr(name)?;
        Ok::<_, PyErr>(ty.cast_into::<PyType>()?.unbind())
    })
    .map(|ty| ty.bind(py))
}

fn mapping_abc(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static MAPPING_ABC: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    abc_type(py, &MAPPING_ABC, "Mapping")
}

impl PyMapping {
    /// Registers `T` as a virtual subclass of `collections.abc.Mapping`, so that its
    /// instances pass the `PyMapping` type check.
    pub fn register<T: PyTypeInfo>(py: Python<'_>) -> PyResult<()> {
        let ty = T::type_object(py);
        mapping_abc(py)?.call_method1("register", (ty,))?;
        Ok(())
    }
}

// SAFETY: a mapping is viewed only through the abstract object protocol, which any
// object's layout supports; `is_type_of` accepts dicts and `isinstance(obj, Mapping)`.
unsafe impl PyTypeInfo for PyMapping {
    const NAME: &'static str = "Mapping";
    const MODULE: Option<&'static str> = Some("collections.abc");

    /// `collections.abc.Mapping`, imported once.
    ///
    /// # Panics
    ///
    /// When `collections.abc` cannot be imported.
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
        mapping_abc(py)
            .expect("collections.abc.Mapping could not be imported")
            .as_ptr()
            .cast()
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; the object is alive.
        if unsafe { ffi::PyDict_Check(object.as_ptr()) } != 0 {
            return true;
        }
        let py = object.py();
        mapping_abc(py)
            .and_then(|abc| object.is_instance(abc.as_any()))
            .unwrap_or_else(|err| {
                err.write_unraisable(py, Some(object));
                false
            })
    }
}

/// Methods of `Bound<PyMapping>`.
pub trait PyMappingMethods<'py> {
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `key in self`.
    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool>;
    /// `self[key]` (`KeyError` when missing).
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>>;
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `del self[key]`.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `list(self.keys())`.
    fn keys(&self) -> PyResult<Bound<'py, PyList>>;
    /// `list(self.values())`.
    fn values(&self) -> PyResult<Bound<'py, PyList>>;
    /// `list(self.items())`.
    fn items(&self) -> PyResult<Bound<'py, PyList>>;
}

/// Wraps a new list reference returned by `PyMapping_Keys` and friends.
///
/// # Safety
///
/// `ptr` is NULL with an error set, or an owned reference to a list.
unsafe fn list_or_err(py: Python<'_>, ptr: *mut ffi::PyObject) -> PyResult<Bound<'_, PyList>> {
    // SAFETY: forwarded from the caller.
    unsafe { ptr.assume_owned_or_err(py).map(|l| l.cast_into_unchecked()) }
}

impl<'py> PyMappingMethods<'py> for Bound<'py, PyMapping> {
    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached; the object is alive.
        let n = unsafe { ffi::PyMapping_Size(self.as_ptr()) };
        if n == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(n as usize)
        }
    }

    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|n| n == 0)
    }

    fn contains<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<bool> {
        PyAnyMethods::contains(self.as_any(), key)
    }

    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>> {
        PyAnyMethods::get_item(self.as_any(), key)
    }

    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        PyAnyMethods::set_item(self.as_any(), key, value)
    }

    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        PyAnyMethods::del_item(self.as_any(), key)
    }

    fn keys(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new list reference or NULL.
        unsafe { list_or_err(self.py(), ffi::PyMapping_Keys(self.as_ptr())) }
    }

    fn values(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new list reference or NULL.
        unsafe { list_or_err(self.py(), ffi::PyMapping_Values(self.as_ptr())) }
    }

    fn items(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new list reference or NULL.
        unsafe { list_or_err(self.py(), ffi::PyMapping_Items(self.as_ptr())) }
    }
}
