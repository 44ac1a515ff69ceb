//! Synchronisation helpers that cooperate with the interpreter: once-initialised cells
//! (`PyOnceLock`, `GILOnceCell`) and interned strings for `intern!`.

use std::sync::OnceLock;

use crate::instance::{Bound, Py};
use crate::types::PyString;
use crate::Python;

/// A cell initialised once, by the first thread to ask while attached.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::sync::PyOnceLock;
/// use pyo3::types::PyList;
/// static LIST: PyOnceLock<Py<PyList>> = PyOnceLock::new();
/// Python::attach(|py| {
///     let list = LIST.get_or_init(py, || PyList::empty(py).unbind());
///     assert_eq!(list.bind(py).len(), 0);
/// });
/// ```
pub struct PyOnceLock<T> {
    inner: OnceLock<T>,
}

impl<T> Default for PyOnceLock<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T> PyOnceLock<T> {
    /// An empty cell.
    pub const fn new() -> Self {
        PyOnceLock {
            inner: OnceLock::new(),
        }
    }

    /// The value, if initialised.
    pub fn get(&self, _py: Python<'_>) -> Option<&T> {
        self.inner.get()
    }

    /// The value, initialising it with `f` if needed. `f` must not use this same cell.
    pub fn get_or_init<F>(&self, _py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        self.inner.get_or_init(f)
    }

    /// Like `get_or_init`, but `f` may fail (and then the cell stays empty).
    pub fn get_or_try_init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        if let Some(value) = self.inner.get() {
            return Ok(value);
        }
        let value = f()?;
        let _ = self.set(py, value);
        Ok(self.inner.get().expect("value was just set"))
    }

    /// Sets the value; returns it back if the cell was already set.
    pub fn set(&self, _py: Python<'_>, value: T) -> Result<(), T> {
        self.inner.set(value)
    }

    /// Takes the value out, leaving the cell empty.
    pub fn take(&mut self) -> Option<T> {
        self.inner.take()
    }

    /// The value, if initialised.
    pub fn into_inner(self) -> Option<T> {
        self.inner.into_inner()
    }
}

/// The name PyO3 used before 0.26 for a once-initialised cell; same behaviour as
/// [`PyOnceLock`].
#[deprecated(since = "0.26.0", note = "use `PyOnceLock` instead")]
pub type GILOnceCell<T> = PyOnceLock<T>;

/// An interned Python string created on first use, for `intern!`.
#[doc(hidden)]
pub struct Interned {
    text: &'static str,
    cell: OnceLock<Py<PyString>>,
}

impl Interned {
    /// A not-yet-created interned string.
    pub const fn new(text: &'static str) -> Self {
        Interned {
            text,
            cell: OnceLock::new(),
        }
    }

    /// The interned string.
    #[inline]
    pub fn get<'py>(&self, py: Python<'py>) -> &Bound<'py, PyString> {
        self.cell
            .get_or_init(|| PyString::intern(py, self.text).unbind())
            .bind(py)
    }
}
