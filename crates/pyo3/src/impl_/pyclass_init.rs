//! Allocating the base part of a new `#[pyclass]` object: [`PyObjectInit`], implemented by
//! `PyClassInitializer` (a `#[pyclass]` base) and by [`PyNativeTypeInitializer`] (the native
//! type at the root of every chain).

use std::marker::PhantomData;

use crate::ffi;
use crate::impl_::pyclass::layout;
use crate::type_object::PyTypeInfo;
use crate::types::PyAny;
use crate::{PyErr, PyResult, Python};

/// Creates the part of a new object that belongs to `T` and its bases.
pub trait PyObjectInit<T>: Sized {
    /// Allocates an instance of `subtype` and initializes `T`'s part of it; returns a new
    /// reference.
    ///
    /// # Safety
    ///
    /// `subtype` is a live type object whose instances are laid out as `T`'s (or extend it).
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject>;
}

/// The initializer of a native base type: allocation through `tp_alloc` for `object`, the
/// native type's own `tp_new` (with no arguments) for others.
pub struct PyNativeTypeInitializer<T: PyTypeInfo>(PhantomData<T>);

impl<T: PyTypeInfo> PyNativeTypeInitializer<T> {
    /// The initializer (stateless).
    pub const NEW: Self = PyNativeTypeInitializer(PhantomData);
}

impl<T: PyTypeInfo> Default for PyNativeTypeInitializer<T> {
    fn default() -> Self {
        Self::NEW
    }
}

impl<T: PyTypeInfo> PyObjectInit<T> for PyNativeTypeInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        let native = T::type_object_raw(py);
        // SAFETY: attached; `subtype` and `native` are live type objects (per the caller);
        // the slots read are the types' own, and each call returns a new reference or NULL
        // with an error set.
        unsafe {
            let obj = if native == PyAny::type_object_raw(py) {
                let alloc = layout::type_slot::<ffi::allocfunc>(subtype, ffi::Py_tp_alloc)
                    .unwrap_or(ffi::PyType_GenericAlloc);
                alloc(subtype, 0)
            } else {
                match layout::type_slot::<ffi::newfunc>(native, ffi::Py_tp_new) {
                    Some(new) => {
                        let args = ffi::PyTuple_New(0);
                        if args.is_null() {
                            return Err(PyErr::fetch(py));
                        }
                        let obj = new(subtype, args, std::ptr::null_mut());
                        ffi::Py_DECREF(args);
                        obj
                    }
                    None => {
                        return Err(crate::exceptions::PyTypeError::new_err(format!(
                            "base type {} cannot be instantiated",
                            T::NAME
                        )))
                    }
                }
            };
            if obj.is_null() {
                Err(PyErr::fetch(py))
            } else {
                Ok(obj)
            }
        }
    }
}
