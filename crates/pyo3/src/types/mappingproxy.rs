//! `PyMappingProxy`: Python's read-only `mappingproxy` view of a mapping (what
//! `type.__dict__` is), and iteration over its items.

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{PyAny, PyAnyMethods, PyIterator, PyList, PyMapping};
use crate::{PyResult, Python};

/// `PyDictProxy_Check` is not part of the C API: compare the type directly.
///
/// # Safety
///
/// `op` must point to a live object.
unsafe fn is_mappingproxy(op: *mut ffi::PyObject) -> std::os::raw::c_int {
    // SAFETY: forwarded from the caller; only the static's address is taken.
    unsafe { ffi::Py_IS_TYPE(op, std::ptr::addr_of_mut!(ffi::PyDictProxy_Type)) }
}

crate::types::native_type!(
    /// Python's `types.MappingProxyType`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{IntoPyDict, PyMappingProxy};
    /// Python::attach(|py| {
    ///     let dict = [("a", 1)].into_py_dict(py).unwrap();
    ///     let proxy = PyMappingProxy::new(py, dict.as_mapping());
    ///     assert_eq!(proxy.get_item("a").unwrap().extract::<i32>().unwrap(), 1);
    ///     assert!(proxy.set_item("b", 2).is_err());
    /// });
    /// ```
    PyMappingProxy, PyDictProxy_Type, is_mappingproxy, Some("builtins")
);

impl PyMappingProxy {
    /// A read-only view of `elements` (`types.MappingProxyType(elements)`).
    pub fn new<'py>(
        py: Python<'py>,
        elements: &Bound<'py, PyMapping>,
    ) -> Bound<'py, PyMappingProxy> {
        // SAFETY: attached; the argument is a live mapping (the only requirement), so
        // the call returns a new proxy reference.
        unsafe {
            ffi::PyDictProxy_New(elements.as_ptr())
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }
}

/// Methods of `Bound<PyMappingProxy>` (the general object methods, such as `get_item`,
/// `len` and `contains`, work as well).
pub trait PyMappingProxyMethods<'py, 'a> {
    /// Whether the proxied mapping has no items.
    fn is_empty(&self) -> PyResult<bool>;
    /// The keys, as a list.
    fn keys(&self) -> PyResult<Bound<'py, PyList>>;
    /// The values, as a list.
    fn values(&self) -> PyResult<Bound<'py, PyList>>;
    /// The `(key, value)` pairs, as a list.
    fn items(&self) -> PyResult<Bound<'py, PyList>>;
    /// The proxy seen through the mapping protocol.
    fn as_mapping(&self) -> &Bound<'py, PyMapping>;
    /// Iterates over `(key, value)` pairs.
    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>>;
}

/// Calls one of the `PyMapping_Keys`-style functions, which return a new list or NULL.
fn listing<'py>(
    proxy: &Bound<'py, PyMappingProxy>,
    f: unsafe extern "C" fn(*mut ffi::PyObject) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyList>> {
    // SAFETY: attached; the proxy is alive; `f` returns a new reference or NULL.
    let list = unsafe { f(proxy.as_ptr()).assume_owned_or_err(proxy.py())? };
    // The C functions return lists since 3.7.
    Ok(list.cast_into::<PyList>()?)
}

impl<'py, 'a> PyMappingProxyMethods<'py, 'a> for Bound<'py, PyMappingProxy> {
    fn is_empty(&self) -> PyResult<bool> {
        Ok(self.as_any().len()? == 0)
    }

    fn keys(&self) -> PyResult<Bound<'py, PyList>> {
        listing(self, ffi::PyMapping_Keys)
    }

    fn values(&self) -> PyResult<Bound<'py, PyList>> {
        listing(self, ffi::PyMapping_Values)
    }

    fn items(&self) -> PyResult<Bound<'py, PyList>> {
        listing(self, ffi::PyMapping_Items)
    }

    fn as_mapping(&self) -> &Bound<'py, PyMapping> {
        // SAFETY: a mappingproxy implements the mapping protocol.
        unsafe { self.as_any().cast_unchecked() }
    }

    fn try_iter(&'a self) -> PyResult<BoundMappingProxyIterator<'py, 'a>> {
        Ok(BoundMappingProxyIterator {
            keys: PyIterator::from_object(self.as_any())?,
            proxy: self,
        })
    }
}

/// Iterator over the `(key, value)` pairs of a mappingproxy, looking each value up as
/// its key is produced (so errors surface per item).
pub struct BoundMappingProxyIterator<'py, 'a> {
    keys: Bound<'py, PyIterator>,
    proxy: &'a Bound<'py, PyMappingProxy>,
}

impl<'py> Iterator for BoundMappingProxyIterator<'py, '_> {
    type Item = PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)>;

    fn next(&mut self) -> Option<Self::Item> {
        let key = match self.keys.next()? {
            Ok(key) => key,
            Err(err) => return Some(Err(err)),
        };
        Some(self.proxy.as_any().get_item(&key).map(|value| (key, value)))
    }
}
