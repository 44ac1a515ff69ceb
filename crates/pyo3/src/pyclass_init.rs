//! [`PyClassInitializer`]: what a new `#[pyclass]` object is made from — its Rust value and
//! the initializers of its base classes, or an existing object.

use crate::impl_::pyclass::{layout, PyClassBaseType};
use crate::impl_::pyclass_init::{PyNativeTypeInitializer, PyObjectInit};
use crate::instance::{Bound, Py};
use crate::pyclass::PyClass;
use crate::{ffi, PyResult, Python};

/// The recipe for a new instance of `T`: `T`'s value plus its base classes' initializers,
/// or an existing object.
///
/// Every `#[pyclass]` value converts into one, so `Py::new(py, value)` works directly;
/// building one by hand is for inheritance chains:
///
/// ```
/// use pyo3::prelude::*;
///
/// #[pyclass(subclass)]
/// struct Base {
///     #[pyo3(get)]
///     base: u32,
/// }
///
/// #[pyclass(extends = Base)]
/// struct Sub {
///     #[pyo3(get)]
///     sub: u32,
/// }
///
/// Python::attach(|py| {
///     let init = PyClassInitializer::from(Base { base: 1 }).add_subclass(Sub { sub: 2 });
///     let obj = Bound::new(py, init).unwrap();
///     assert_eq!(obj.borrow().as_super().base, 1);
///     assert_eq!(obj.borrow().sub, 2);
/// });
/// ```
pub struct PyClassInitializer<T: PyClass>(Init<T>);

enum Init<T: PyClass> {
    Existing(Py<T>),
    New {
        init: T,
        super_init: <T::BaseType as PyClassBaseType>::Initializer,
    },
}

impl<T: PyClass> PyClassInitializer<T> {
    /// `value` on top of the base classes' initializer.
    pub fn new(init: T, super_init: <T::BaseType as PyClassBaseType>::Initializer) -> Self {
        PyClassInitializer(Init::New { init, super_init })
    }

    /// Adds a subclass's value on top of this initializer.
    pub fn add_subclass<S>(self, subclass_value: S) -> PyClassInitializer<S>
    where
        T: PyClassBaseType<Initializer = Self>,
        S: PyClass<BaseType = T>,
    {
        PyClassInitializer::new(subclass_value, self)
    }

    /// Creates the object (of `T`'s own type).
    pub(crate) fn create_class_object(self, py: Python<'_>) -> PyResult<Bound<'_, T>> {
        let ty = T::lazy_type_object().get_or_try_init(py)?.as_ptr().cast();
        // SAFETY: `ty` is `T`'s own type object.
        unsafe { self.create_class_object_of_type(py, ty) }
    }

    /// Creates the object as an instance of `subtype`.
    ///
    /// # Safety
    ///
    /// `subtype` is `T`'s type object or a subtype of it.
    pub(crate) unsafe fn create_class_object_of_type(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<Bound<'_, T>> {
        // SAFETY: per the caller; the result is a new reference to an instance of `T`.
        let obj = unsafe { self.into_new_object(py, subtype)? };
        // SAFETY: `obj` is a new reference to an instance of `T` (see above).
        Ok(unsafe { Bound::from_owned_ptr(py, obj).cast_into_unchecked() })
    }
}

impl<T: PyClass> PyObjectInit<T> for PyClassInitializer<T> {
    unsafe fn into_new_object(
        self,
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
    ) -> PyResult<*mut ffi::PyObject> {
        match self.0 {
            Init::Existing(obj) => Ok(obj.into_ptr()),
            Init::New { init, super_init } => {
                // SAFETY: per the caller; if the base part fails, `init` is dropped here
                // and nothing was allocated.
                unsafe {
                    let obj = super_init.into_new_object(py, subtype)?;
                    layout::write_contents::<T>(obj, init);
                    Ok(obj)
                }
            }
        }
    }
}

impl<T> From<T> for PyClassInitializer<T>
where
    T: PyClass,
    T::BaseType: PyClassBaseType<Initializer = PyNativeTypeInitializer<T::BaseType>>,
{
    fn from(value: T) -> Self {
        PyClassInitializer::new(value, PyNativeTypeInitializer::NEW)
    }
}

impl<S, B> From<(S, B)> for PyClassInitializer<S>
where
    S: PyClass<BaseType = B>,
    B: PyClass + PyClassBaseType<Initializer = PyClassInitializer<B>>,
    B::BaseType: PyClassBaseType<Initializer = PyNativeTypeInitializer<B::BaseType>>,
{
    fn from((sub, base): (S, B)) -> Self {
        PyClassInitializer::from(base).add_subclass(sub)
    }
}

impl<T: PyClass> From<Py<T>> for PyClassInitializer<T> {
    fn from(obj: Py<T>) -> Self {
        PyClassInitializer(Init::Existing(obj))
    }
}

impl<'py, T: PyClass> From<Bound<'py, T>> for PyClassInitializer<T> {
    fn from(obj: Bound<'py, T>) -> Self {
        PyClassInitializer(Init::Existing(obj.unbind()))
    }
}
