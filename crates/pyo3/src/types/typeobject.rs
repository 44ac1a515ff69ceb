//! `PyType`: Python's type objects.

use crate::ffi;
use crate::instance::Bound;
use crate::type_object::PyTypeInfo;
use crate::types::{native_type, PyAny, PyAnyMethods, PyString, PyTuple};
use crate::{intern, PyErr, PyResult, Python};

native_type!(
    /// A Python type object.
    PyType, PyType_Type, ffi::PyType_Check, Some("builtins")
);

/// Methods of `Bound<PyType>`.
pub trait PyTypeMethods<'py> {
    /// The raw type object pointer.
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject;
    /// `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__qualname__`.
    fn qualname(&self) -> PyResult<Bound<'py, PyString>>;
    /// `__module__`.
    fn module(&self) -> PyResult<Bound<'py, PyString>>;
    /// `module.qualname`, or just `qualname` for builtins.
    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>>;
    /// `issubclass(self, other)`.
    fn is_subclass(&self, other: &Bound<'py, PyAny>) -> PyResult<bool>;
    /// `issubclass(self, T)`.
    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool>;
    /// `self.__mro__`, the method resolution order.
    fn mro(&self) -> Bound<'py, PyTuple>;
    /// `self.__bases__`, the direct base classes.
    fn bases(&self) -> Bound<'py, PyTuple>;
}

impl<'py> PyTypeMethods<'py> for Bound<'py, PyType> {
    fn as_type_ptr(&self) -> *mut ffi::PyTypeObject {
        self.as_ptr().cast()
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        Ok(self
            .as_any()
            .getattr(intern!(self.py(), "__name__"))?
            .cast_into()?)
    }

    fn qualname(&self) -> PyResult<Bound<'py, PyString>> {
        Ok(self
            .as_any()
            .getattr(intern!(self.py(), "__qualname__"))?
            .cast_into()?)
    }

    fn module(&self) -> PyResult<Bound<'py, PyString>> {
        Ok(self
            .as_any()
            .getattr(intern!(self.py(), "__module__"))?
            .cast_into()?)
    }

    fn fully_qualified_name(&self) -> PyResult<Bound<'py, PyString>> {
        let module = self.module()?;
        let qualname = self.qualname()?;
        let module_str = crate::types::PyStringMethods::to_cow(&module)?;
        if module_str == "builtins" || module_str == "__main__" {
            return Ok(qualname);
        }
        let qualname_str = crate::types::PyStringMethods::to_cow(&qualname)?;
        Ok(PyString::new(
            self.py(),
            &format!("{}.{}", module_str, qualname_str),
        ))
    }

    fn is_subclass(&self, other: &Bound<'py, PyAny>) -> PyResult<bool> {
        // SAFETY: attached; both objects are alive.
        match unsafe { ffi::PyObject_IsSubclass(self.as_ptr(), other.as_ptr()) } {
            -1 => Err(PyErr::fetch(self.py())),
            rc => Ok(rc == 1),
        }
    }

    fn is_subclass_of<T: PyTypeInfo>(&self) -> PyResult<bool> {
        self.is_subclass(T::type_object(self.py()).as_any())
    }

    fn mro(&self) -> Bound<'py, PyTuple> {
        self.as_any()
            .getattr(intern!(self.py(), "__mro__"))
            .and_then(|m| Ok(m.cast_into::<PyTuple>()?))
            .expect("a type's `__mro__` is a tuple")
    }

    fn bases(&self) -> Bound<'py, PyTuple> {
        self.as_any()
            .getattr(intern!(self.py(), "__bases__"))
            .and_then(|b| Ok(b.cast_into::<PyTuple>()?))
            .expect("a type's `__bases__` is a tuple")
    }
}

impl PyType {
    /// The type object standing for `T`.
    #[inline]
    pub fn new<T: PyTypeInfo>(py: Python<'_>) -> Bound<'_, PyType> {
        T::type_object(py)
    }

    /// A `Bound<PyType>` from a borrowed type-object pointer (a new reference is taken).
    ///
    /// # Safety
    ///
    /// `p` must point to a live type object.
    #[inline]
    pub unsafe fn from_borrowed_type_ptr(
        py: Python<'_>,
        p: *mut ffi::PyTypeObject,
    ) -> Bound<'_, PyType> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::from_borrowed_ptr(py, p.cast()).cast_into_unchecked() }
    }
}
