//! The `#[pyclass]`-only methods of `Bound<T>` and `Py<T>`: creating instances and
//! borrowing their Rust values.

use crate::instance::{Bound, Py};
use crate::pyclass::boolean_struct::{False, True};
use crate::pyclass::{PyBorrowError, PyBorrowMutError, PyClass, PyRef, PyRefMut};
use crate::pyclass_init::PyClassInitializer;
use crate::{PyResult, Python};

impl<'py, T: PyClass> Bound<'py, T> {
    /// Creates a new instance of `T` from its value (or a [`PyClassInitializer`]).
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// #[pyclass]
    /// struct Point { x: i32 }
    ///
    /// Python::attach(|py| {
    ///     let point = Bound::new(py, Point { x: 1 }).unwrap();
    ///     assert_eq!(point.borrow().x, 1);
    /// });
    /// ```
    pub fn new(
        py: Python<'py>,
        value: impl Into<PyClassInitializer<T>>,
    ) -> PyResult<Bound<'py, T>> {
        value.into().create_class_object(py)
    }

    /// Views this object as an instance of its base class (`Bound<PyAny>` for a class
    /// without `extends`), e.g. to call an extension trait implemented for the base.
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// #[pyclass(subclass)]
    /// struct Base;
    ///
    /// #[pyclass(extends = Base)]
    /// struct Child;
    ///
    /// Python::attach(|py| {
    ///     let child = Bound::new(py, (Child, Base)).unwrap();
    ///     let base: &Bound<'_, Base> = child.as_super();
    ///     assert!(base.is(&child));
    ///     let base: Bound<'_, Base> = child.into_super();
    ///     assert_eq!(base.get_type().name().unwrap(), "Child");
    /// });
    /// ```
    pub fn as_super(&self) -> &Bound<'py, T::BaseType> {
        // SAFETY: an instance of `T` is an instance of its base class.
        unsafe { self.cast_unchecked() }
    }

    /// Turns this object into an instance of its base class (see [`Bound::as_super`]).
    pub fn into_super(self) -> Bound<'py, T::BaseType> {
        // SAFETY: an instance of `T` is an instance of its base class.
        unsafe { self.cast_into_unchecked() }
    }

    /// Borrows the value shared; panics if it is mutably borrowed (see
    /// [`try_borrow`](Self::try_borrow)).
    #[track_caller]
    pub fn borrow(&self) -> PyRef<'py, T> {
        match self.try_borrow() {
            Ok(borrow) => borrow,
            Err(err) => panic!("{}", err),
        }
    }

    /// Borrows the value exclusively; panics if it is borrowed (see
    /// [`try_borrow_mut`](Self::try_borrow_mut)).
    #[track_caller]
    pub fn borrow_mut(&self) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        match self.try_borrow_mut() {
            Ok(borrow) => borrow,
            Err(err) => panic!("{}", err),
        }
    }

    /// Borrows the value shared, or fails if it is mutably borrowed.
    pub fn try_borrow(&self) -> Result<PyRef<'py, T>, PyBorrowError> {
        PyRef::try_borrow(self)
    }

    /// Borrows the value exclusively, or fails if it is borrowed.
    pub fn try_borrow_mut(&self) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        PyRefMut::try_borrow(self)
    }

    /// The value of a `frozen` class, without any borrow bookkeeping.
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// #[pyclass(frozen)]
    /// struct Config { level: u8 }
    ///
    /// Python::attach(|py| {
    ///     let config = Bound::new(py, Config { level: 3 }).unwrap();
    ///     assert_eq!(config.get().level, 3);
    /// });
    /// ```
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = True> + Sync,
    {
        self.as_unbound().get()
    }
}

impl<T: PyClass> Py<T> {
    /// Creates a new instance of `T` from its value (or a [`PyClassInitializer`]).
    pub fn new(py: Python<'_>, value: impl Into<PyClassInitializer<T>>) -> PyResult<Py<T>> {
        Bound::new(py, value).map(Bound::unbind)
    }

    /// Borrows the value shared; panics if it is mutably borrowed.
    #[track_caller]
    pub fn borrow<'py>(&'py self, py: Python<'py>) -> PyRef<'py, T> {
        self.bind(py).borrow()
    }

    /// Borrows the value exclusively; panics if it is borrowed.
    #[track_caller]
    pub fn borrow_mut<'py>(&'py self, py: Python<'py>) -> PyRefMut<'py, T>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).borrow_mut()
    }

    /// Borrows the value shared, or fails if it is mutably borrowed.
    pub fn try_borrow<'py>(&'py self, py: Python<'py>) -> Result<PyRef<'py, T>, PyBorrowError> {
        self.bind(py).try_borrow()
    }

    /// Borrows the value exclusively, or fails if it is borrowed.
    pub fn try_borrow_mut<'py>(
        &'py self,
        py: Python<'py>,
    ) -> Result<PyRefMut<'py, T>, PyBorrowMutError>
    where
        T: PyClass<Frozen = False>,
    {
        self.bind(py).try_borrow_mut()
    }

    /// The value of a `frozen` class; no thread attachment is needed, since the value never
    /// changes and `T: Sync`.
    pub fn get(&self) -> &T
    where
        T: PyClass<Frozen = True> + Sync,
    {
        // SAFETY: `self` keeps a live instance of `T`; a frozen class's value is never
        // borrowed mutably, so a shared reference for `self`'s lifetime is sound.
        unsafe { &*crate::impl_::pyclass::layout::value_ptr::<T>(self.as_ptr()) }
    }
}
