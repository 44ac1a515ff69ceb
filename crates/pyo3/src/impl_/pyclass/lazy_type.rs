//! The type object of a `#[pyclass]`, created on first use and kept for the process.
//!
//! Creation runs without any Rust lock held (it may run Python code, which may release the
//! GIL); if two threads race, the first result stored wins and the other is dropped. Class
//! attributes are set after the type is stored, so code computing them may use the type.
//!
//! [`LazyTypeObject<T>`] is a thin typed wrapper: its inlined fast path reads the cell, and
//! its slow path hands `T`'s [`TypeDescription`] getter to one non-generic, cold routine, so
//! each class adds only the getter to the binary.

use std::marker::PhantomData;
use std::sync::OnceLock;

use crate::impl_::leak_report::{self, LiveCounter};
use crate::impl_::pyclass::create_type::{self, TypeDescription};
use crate::impl_::pyclass::PyClassImpl;
use crate::instance::{Bound, Py};
use crate::types::PyType;
use crate::{ffi, PyResult, Python};

/// Produces a class's description; the slow path calls it only when it creates the type.
type Describe = for<'py> fn(Python<'py>) -> TypeDescription<'py>;

/// The once-created type object of `T`.
pub struct LazyTypeObject<T> {
    cell: TypeObjectCell,
    /// Live instances, counted only under `PYO3_LEAK_REPORT=1`.
    live: LiveCounter,
    marker: PhantomData<fn() -> T>,
}

impl<T> LazyTypeObject<T> {
    /// The class's live-instance counter for the leak report.
    #[inline(always)]
    pub(crate) fn live_counter(&self) -> &LiveCounter {
        &self.live
    }

    /// An empty cell (usable in a `static`).
    pub const fn new() -> Self {
        LazyTypeObject {
            cell: TypeObjectCell(OnceLock::new()),
            live: LiveCounter::new(),
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
        match self.cell.0.get() {
            Some(ty) => ty.as_ptr().cast(),
            None => self.cell.init_or_panic(py, create_type::describe::<T>),
        }
    }

    /// The type object, or the error that stopped its creation.
    #[inline]
    pub fn get_or_try_init<'py>(&self, py: Python<'py>) -> PyResult<&Bound<'py, PyType>> {
        match self.cell.0.get() {
            Some(ty) => Ok(ty.bind(py)),
            None => self.cell.try_init(py, create_type::describe::<T>),
        }
    }
}

/// The untyped cell behind [`LazyTypeObject`], holding the type once it is stored.
struct TypeObjectCell(OnceLock<Py<PyType>>);

impl TypeObjectCell {
    /// The slow path of `get_or_try_init`: describes the class and creates its type.
    #[cold]
    fn try_init<'py>(&self, py: Python<'py>, describe: Describe) -> PyResult<&Bound<'py, PyType>> {
        self.init(py, describe(py))
    }

    /// Creates the described type and stores it, unless another thread stored one first
    /// (then that one is returned and ours is dropped); the winner sets the class attributes.
    fn init<'py>(
        &self,
        py: Python<'py>,
        description: TypeDescription<'py>,
    ) -> PyResult<&Bound<'py, PyType>> {
        let created = create_type::create_type_object(py, &description)?;
        let stored = match self.0.set(created.clone_ref(py)) {
            Ok(()) => {
                // Instances made for class attributes (enum variants, `#[classattr]`s of
                // the class itself) live as long as the type, which is never freed.
                leak_report::not_counted(|| {
                    create_type::set_class_attributes(created.bind(py), &description)
                })?;
                self.0.get()
            }
            Err(_) => self.0.get(),
        };
        match stored {
            Some(ty) => Ok(ty.bind(py)),
            None => unreachable!("type object stored above"),
        }
    }

    /// [`init`](Self::init) for `get_raw`, which cannot report errors: prints the failure
    /// and panics.
    #[cold]
    fn init_or_panic(&self, py: Python<'_>, describe: Describe) -> *mut ffi::PyTypeObject {
        // Another thread may have stored the type since the caller looked.
        if let Some(ty) = self.0.get() {
            return ty.as_ptr().cast();
        }
        let description = describe(py);
        let name = description.info.name;
        match self.init(py, description) {
            Ok(ty) => ty.as_ptr().cast(),
            Err(err) => {
                err.clone_ref(py).print(py);
                panic!("failed to create type object for {name}: {err}")
            }
        }
    }
}
