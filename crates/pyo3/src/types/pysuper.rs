//! `PySuper`: Python's `super` objects, for calling a base class's methods.

use crate::ffi;
use crate::instance::Bound;
use crate::types::{native_type, PyAny, PyAnyMethods, PyType};
use crate::{PyResult, PyTypeInfo};

native_type!(
    /// Python's `super`.
    PySuper, PySuper_Type, is_super, Some("builtins")
);

/// Whether `object` is a `super` instance (the header has no check macro for it).
///
/// # Safety
///
/// Attached; `object` is alive.
unsafe fn is_super(object: *mut ffi::PyObject) -> std::os::raw::c_int {
    // SAFETY: forwarded from the caller; `PySuper_Type` is a static type object.
    unsafe { ffi::PyObject_TypeCheck(object, std::ptr::addr_of_mut!(ffi::PySuper_Type)) }
}

impl PySuper {
    /// `super(ty, obj)`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PySuper;
    /// Python::attach(|py| {
    ///     let obj = py.eval(c"ValueError('x')", None, None).unwrap();
    ///     let sup = PySuper::new(&obj.get_type(), &obj).unwrap();
    ///     let s = sup.call_method0("__str__").unwrap();
    ///     assert_eq!(s.extract::<String>().unwrap(), "x");
    /// });
    /// ```
    pub fn new<'py>(
        ty: &Bound<'py, PyType>,
        obj: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PySuper>> {
        let py = ty.py();
        let sup = PySuper::type_object(py).call1((ty, obj))?;
        // SAFETY: calling `super` gives a super object.
        Ok(unsafe { sup.cast_into_unchecked() })
    }
}
