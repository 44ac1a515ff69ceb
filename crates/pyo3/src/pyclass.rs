//! Classes defined in Rust with `#[pyclass]`: the [`PyClass`] trait every such type
//! implements, the rich-comparison operator passed to `__richcmp__`, the run-time borrow
//! guards ([`PyRef`](crate::PyRef), [`PyRefMut`](crate::PyRefMut), [`PyClassGuard`],
//! [`PyClassGuardMut`]) and the garbage-collector visitor ([`PyVisit`]).
//!
//! How the objects are laid out and how their type objects are made is the hidden runtime
//! under `impl_::pyclass`; this module is what users name.

use std::os::raw::c_int;

use crate::ffi;
use crate::impl_::pyclass::PyClassImpl;
use crate::type_object::PyTypeInfo;

mod borrow;
mod gc;
mod guard;

pub use borrow::{PyBorrowError, PyBorrowMutError, PyRef, PyRefMut};
pub use gc::{PyTraverseError, PyVisit};
pub use guard::{
    PyClassGuard, PyClassGuardError, PyClassGuardMap, PyClassGuardMut, PyClassGuardMutError,
};

/// A Rust type exposed to Python as a class, implemented by `#[pyclass]`.
///
/// ```
/// use pyo3::prelude::*;
///
/// #[pyclass]
/// struct Counter {
///     #[pyo3(get)]
///     count: u32,
/// }
///
/// Python::attach(|py| {
///     let counter = Bound::new(py, Counter { count: 3 }).unwrap();
///     assert_eq!(counter.borrow().count, 3);
///     assert_eq!(counter.getattr("count").unwrap().extract::<u32>().unwrap(), 3);
/// });
/// ```
pub trait PyClass: PyTypeInfo + PyClassImpl {
    /// Whether the class is `frozen` ([`boolean_struct::True`]): no mutable borrows, and
    /// shared access without a borrow flag through [`Py::get`](crate::Py::get).
    type Frozen: boolean_struct::Boolean;
}

/// Type-level booleans, used for [`PyClass::Frozen`].
#[doc(hidden)]
pub mod boolean_struct {
    /// A type-level boolean.
    pub trait Boolean: private::Sealed {
        /// Its value.
        const VALUE: bool;
    }

    /// Type-level `true`.
    pub struct True(());
    /// Type-level `false`.
    pub struct False(());

    impl Boolean for True {
        const VALUE: bool = true;
    }
    impl Boolean for False {
        const VALUE: bool = false;
    }

    mod private {
        pub trait Sealed {}
        impl Sealed for super::True {}
        impl Sealed for super::False {}
    }
}

/// A rich-comparison operator, as passed to `__richcmp__`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i32)]
pub enum CompareOp {
    /// `<`
    Lt = ffi::Py_LT,
    /// `<=`
    Le = ffi::Py_LE,
    /// `==`
    Eq = ffi::Py_EQ,
    /// `!=`
    Ne = ffi::Py_NE,
    /// `>`
    Gt = ffi::Py_GT,
    /// `>=`
    Ge = ffi::Py_GE,
}

impl CompareOp {
    /// Converts CPython's integer operator code.
    pub fn from_raw(op: c_int) -> Option<CompareOp> {
        Some(match op {
            ffi::Py_LT => CompareOp::Lt,
            ffi::Py_LE => CompareOp::Le,
            ffi::Py_EQ => CompareOp::Eq,
            ffi::Py_NE => CompareOp::Ne,
            ffi::Py_GT => CompareOp::Gt,
            ffi::Py_GE => CompareOp::Ge,
            _ => return None,
        })
    }

    /// Applies the operator to an `Ordering`.
    ///
    /// ```
    /// use pyo3::pyclass::CompareOp;
    /// assert!(CompareOp::Le.matches(1.cmp(&2)));
    /// assert!(!CompareOp::Gt.matches(1.cmp(&2)));
    /// ```
    pub fn matches(&self, result: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => result == Less,
            CompareOp::Le => result != Greater,
            CompareOp::Eq => result == Equal,
            CompareOp::Ne => result != Equal,
            CompareOp::Gt => result == Greater,
            CompareOp::Ge => result != Less,
        }
    }
}
