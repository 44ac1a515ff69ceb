//! The type object of a `#[pyclass]`, created on first use and kept for the process.
//!
//! Creation runs without any Rust lock held (it may run Python code, which may release the
//! GIL); if two threads race, the first result stored wins and the other is dropped. Class
//! attributes are set after the type is stored, so code computing them may use the type.

use std::marker::PhantomData;
use std::sync::OnceLock;

use crate::impl_::pyclass::{create_type, PyClassImpl};
use crate::instance::{Bound, Py};
use crate::types::PyType;
use crate::{ffi, PyResult, Python};

/// The once-created type object of `T`.
pub struct LazyTypeObject<T> {
    cell: OnceLock<Py<PyType>>,
    marker: PhantomData<fn() -> T>,
}

impl<T> LazyTypeObject<T> {
    /// An empty cell (usable in a `static`).
    pub const fn new() -> Self {
        LazyTypeObject {
            cell: OnceLock::new(),
            marker: PhantomData,
        }
    }
}

impl<T> Default for LazyTypeObject<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: PyClassImpl> LazyTypeObject<T> {
    /// The type object, creating it on first use; panics if creation fails (the failure is
    /// printed first), since `PyTypeInfo::type_object_raw` cannot report errors.
    #[inline]
    pub fn get_raw(&self, py: Python<'_>) -> *mut ffi::PyTypeObject {
        match self.cell.get() {
            Some(ty) => ty.as_ptr().cast(),
            None => self.init_or_panic(py),
        }
    }

    /// The type object, or the error that stopped its creation.
    pub fn get_or_try_init<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        if let Some(ty) = self.cell.get() {
            return Ok(ty.bind(py));
        }
        let created = create_type::create_type_object::<T>(py)?;
        let stored = match self.cell.set(created.clone_ref(py)) {
            Ok(()) => {
                create_type::set_class_attributes::<T>(created.bind(py))?;
                self.cell.get()
            }
            Err(_) => self.cell.get(),
        };
        match stored {
            Some(ty) => Ok(ty.bind(py)),
            None => unreachable!("type object stored above"),
        }
    }

    #[cold]
    fn init_or_panic(&self, py: Python<'_>) -> *mut ffi::PyTypeObject {
        match self.get_or_try_init(py) {
            Ok(ty) => ty.as_ptr().cast(),
            Err(err) => {
                err.clone_ref(py).print(py);
                panic!(
                    "failed to create type object for {}: {}",
                    T::class_info().name,
                    err
                )
            }
        }
    }
}
