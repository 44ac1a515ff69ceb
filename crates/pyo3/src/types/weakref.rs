//! Weak references: `PyWeakrefReference` (`weakref.ref`), `PyWeakrefProxy`
//! (`weakref.proxy`, callable or not), and `PyWeakref` for either, with the shared
//! `PyWeakrefMethods` for getting the referent back.

use crate::conversion::to_any;
use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::{native_type, PyAny, PyType};
use crate::{PyErr, PyResult, Python};

native_type!(
    /// `weakref.ref` (`weakref.ReferenceType`).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyWeakrefMethods, PyWeakrefReference};
    /// Python::attach(|py| {
    ///     let obj = py.eval(c"type('C', (), {})()", None, None).unwrap();
    ///     let weak = PyWeakrefReference::new(&obj).unwrap();
    ///     assert!(weak.upgrade().unwrap().is(&obj));
    ///     drop(obj);
    ///     assert!(weak.upgrade().is_none());
    /// });
    /// ```
    PyWeakrefReference, _PyWeakref_RefType, ffi::PyWeakref_CheckRef, Some("weakref"),
    pypy = c"__import__('weakref').ReferenceType"
);

/// The classes of weak references: `weakref.ref`, the proxy and the callable proxy.
#[cfg(not(PyPy))]
fn weakref_types(py: Python<'_>) -> [Bound<'_, PyType>; 3] {
    // SAFETY: the weak reference type objects are static and live for the whole process.
    unsafe {
        [
            std::ptr::addr_of_mut!(ffi::_PyWeakref_RefType),
            std::ptr::addr_of_mut!(ffi::_PyWeakref_ProxyType),
            std::ptr::addr_of_mut!(ffi::_PyWeakref_CallableProxyType),
        ]
        .map(|t| PyType::from_borrowed_type_ptr(py, t))
    }
}

/// The classes of weak references: `weakref.ref`, the proxy and the callable proxy, from the
/// `weakref` module (PyPy's cpyext does not export their C statics).
#[cfg(PyPy)]
fn weakref_types(py: Python<'_>) -> [Bound<'_, PyType>; 3] {
    static TYPES: crate::sync::PyOnceLock<[crate::Py<PyType>; 3]> = crate::sync::PyOnceLock::new();
    TYPES
        .get_or_try_init(py, || {
            use crate::types::PyAnyMethods;
            let weakref = py.import("weakref")?;
            let get = |name: &str| -> PyResult<crate::Py<PyType>> {
                Ok(weakref.getattr(name)?.cast_into::<PyType>()?.unbind())
            };
            Ok::<_, PyErr>([
                get("ReferenceType")?,
                get("ProxyType")?,
                get("CallableProxyType")?,
            ])
        })
        .expect("the weakref module has its three classes")
        .each_ref()
        .map(|t| t.bind(py).clone())
}

/// `weakref.proxy` objects, callable or not (`weakref.ProxyTypes`).
#[repr(transparent)]
pub struct PyWeakrefProxy(PyAny);

impl crate::instance::DerefToPyAny for PyWeakrefProxy {}

// SAFETY: the check accepts only the two proxy types, which are weak reference objects.
unsafe impl PyTypeCheck for PyWeakrefProxy {
    const NAME: &'static str = "weakref.ProxyTypes";

    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        let [_, proxy, callable_proxy] = weakref_types(py);
        crate::types::PyTuple::new(py, [proxy, callable_proxy])
            .expect("a tuple of two types")
            .into_any()
    }

    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; the object is alive.
        unsafe { ffi::PyWeakref_CheckProxy(object.as_ptr()) != 0 }
    }
}

/// Any weak reference: a `weakref.ref` or a proxy.
#[repr(transparent)]
pub struct PyWeakref(PyAny);

impl crate::instance::DerefToPyAny for PyWeakref {}

// SAFETY: the check accepts only weak reference objects (references and proxies).
unsafe impl PyTypeCheck for PyWeakref {
    const NAME: &'static str = "weakref";

    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        crate::types::PyTuple::new(py, weakref_types(py))
            .expect("a tuple of three types")
            .into_any()
    }

    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; the object is alive.
        unsafe { ffi::PyWeakref_Check(object.as_ptr()) != 0 }
    }
}

/// Creates a weak reference with `maker` (`PyWeakref_NewRef` or `PyWeakref_NewProxy`).
fn new_weak<'py>(
    object: &Bound<'py, PyAny>,
    callback: *mut ffi::PyObject,
    maker: unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; the object is alive; the callback is NULL, None or a live
    // callable; returns a new reference or NULL with TypeError (not weakly referenceable).
    unsafe { maker(object.as_ptr(), callback).assume_owned_or_err(object.py()) }
}

impl PyWeakrefReference {
    /// `weakref.ref(object)`.
    ///
    /// # Errors
    ///
    /// `TypeError` if `object`'s type does not support weak references.
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefReference>> {
        let weak = new_weak(object, std::ptr::null_mut(), ffi::PyWeakref_NewRef)?;
        // SAFETY: PyWeakref_NewRef makes a reference object.
        Ok(unsafe { weak.cast_into_unchecked() })
    }

    /// `weakref.ref(object, callback)`: `callback(weak)` runs when `object` dies.
    pub fn new_with<'py, C: IntoPyObject<'py>>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefReference>> {
        let callback = to_any(object.py(), callback)?;
        let weak = new_weak(object, callback.as_ptr(), ffi::PyWeakref_NewRef)?;
        // SAFETY: PyWeakref_NewRef makes a reference object.
        Ok(unsafe { weak.cast_into_unchecked() })
    }
}

impl PyWeakrefProxy {
    /// `weakref.proxy(object)`.
    ///
    /// # Errors
    ///
    /// `TypeError` if `object`'s type does not support weak references.
    pub fn new<'py>(object: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyWeakrefProxy>> {
        let weak = new_weak(object, std::ptr::null_mut(), ffi::PyWeakref_NewProxy)?;
        // SAFETY: PyWeakref_NewProxy makes a proxy object.
        Ok(unsafe { weak.cast_into_unchecked() })
    }

    /// `weakref.proxy(object, callback)`.
    pub fn new_with<'py, C: IntoPyObject<'py>>(
        object: &Bound<'py, PyAny>,
        callback: C,
    ) -> PyResult<Bound<'py, PyWeakrefProxy>> {
        let callback = to_any(object.py(), callback)?;
        let weak = new_weak(object, callback.as_ptr(), ffi::PyWeakref_NewProxy)?;
        // SAFETY: PyWeakref_NewProxy makes a proxy object.
        Ok(unsafe { weak.cast_into_unchecked() })
    }
}

/// Methods shared by every kind of weak reference.
pub trait PyWeakrefMethods<'py> {
    /// The referent, or `None` once it has been destroyed.
    fn upgrade(&self) -> Option<Bound<'py, PyAny>>;

    /// The referent cast to `T`, `Ok(None)` once it has been destroyed.
    ///
    /// # Errors
    ///
    /// The cast error (`TypeError`) if the referent is not a `T`.
    fn upgrade_as<T: PyTypeCheck>(&self) -> PyResult<Option<Bound<'py, T>>> {
        match self.upgrade() {
            Some(object) => Ok(Some(object.cast_into::<T>().map_err(PyErr::from)?)),
            None => Ok(None),
        }
    }

    /// The referent as `T`, unchecked.
    ///
    /// # Safety
    ///
    /// The referent, if alive, must be an instance of `T`.
    unsafe fn upgrade_as_unchecked<T>(&self) -> Option<Bound<'py, T>> {
        // SAFETY: forwarded from the caller.
        self.upgrade()
            .map(|object| unsafe { object.cast_into_unchecked() })
    }

    /// The referent cast to exactly `T` (not a subclass), `Ok(None)` once destroyed.
    ///
    /// # Errors
    ///
    /// The cast error (`TypeError`) if the referent's type is not exactly `T`.
    fn upgrade_as_exact<T: PyTypeInfo>(&self) -> PyResult<Option<Bound<'py, T>>> {
        match self.upgrade() {
            Some(object) => Ok(Some(object.cast_into_exact::<T>().map_err(PyErr::from)?)),
            None => Ok(None),
        }
    }

    /// The referent, or `None` (Python's) once it has been destroyed.
    fn get_object(&self) -> Bound<'py, PyAny>;
}

/// The referent of the weak reference `weak` (a new reference), if still alive.
fn referent<'py>(weak: &Bound<'py, PyAny>) -> Option<Bound<'py, PyAny>> {
    let py = weak.py();
    #[cfg(Py_3_13)]
    {
        let mut object = std::ptr::null_mut();
        // SAFETY: attached; `weak` is a live weak reference; PyWeakref_GetRef stores a new
        // reference (or NULL when dead) and returns 1, 0, or -1 on error.
        match unsafe { ffi::PyWeakref_GetRef(weak.as_ptr(), &mut object) } {
            -1 => {
                // Only raised for objects that are not weak references, which our types
                // rule out; keep the interpreter's error state clean regardless.
                drop(PyErr::take(py));
                None
            }
            // SAFETY: on success `object` is NULL (dead) or a new reference.
            _ => unsafe { object.assume_owned_or_opt(py) },
        }
    }
    #[cfg(not(Py_3_13))]
    {
        // SAFETY: attached; `weak` is a live weak reference; the result is a borrowed
        // reference (None when dead), of which we take our own at once.
        let object =
            unsafe { Bound::from_borrowed_ptr_or_opt(py, ffi::PyWeakref_GetObject(weak.as_ptr())) };
        object.filter(|o| !crate::types::PyAnyMethods::is_none(o))
    }
}

macro_rules! weakref_methods {
    ($ty:ty) => {
        impl<'py> PyWeakrefMethods<'py> for Bound<'py, $ty> {
            fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
                referent(self.as_any())
            }

            fn get_object(&self) -> Bound<'py, PyAny> {
                self.upgrade()
                    .unwrap_or_else(|| self.py().None().into_bound(self.py()))
            }
        }
    };
}

weakref_methods!(PyWeakref);
weakref_methods!(PyWeakrefReference);
weakref_methods!(PyWeakrefProxy);
