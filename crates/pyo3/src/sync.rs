//! Synchronisation helpers that cooperate with the interpreter: once-initialised cells
//! (`PyOnceLock`, `GILOnceCell`), interned strings for `intern!`, extension traits that
//! wait on std locks while detached (`OnceExt`, `OnceLockExt`, `MutexExt`) and the
//! critical-section helpers.
//!
//! Waiting on a lock while attached can deadlock: the holder may need the interpreter to
//! finish. Every blocking wait here therefore detaches first, and re-attaches the thread
//! to run the initialiser.

use std::sync::{
    LockResult, Mutex, MutexGuard, Once, OnceLock, OnceState, RwLock, RwLockReadGuard,
    RwLockWriteGuard, TryLockError,
};

use crate::instance::{Bound, Py};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{PyResult, Python};

/// Carries a value into `Python::detach`, which runs its closure on the current thread:
/// nothing actually moves to another thread, so the `Send` bound is vacuous here.
struct SameThread<T>(T);

// SAFETY: only used with `Python::detach`, which runs the closure on the calling thread
// and returns before the caller continues; the value never reaches another thread.
unsafe impl<T> Send for SameThread<T> {}
// SAFETY: as for `Send` (with the `nightly` feature, `detach` asks for `Ungil` instead).
#[cfg(all(feature = "nightly", pyo3_nightly_toolchain))]
unsafe impl<T> crate::marker::Ungil for SameThread<T> {}

impl<T> SameThread<T> {
    fn into_inner(self) -> T {
        self.0
    }
}

/// Runs `f` with the thread detached; `f` may re-attach with `Python::attach`.
fn run_detached<R>(py: Python<'_>, f: impl FnOnce() -> R) -> R {
    let f = SameThread(f);
    py.detach(move || SameThread(f.into_inner()())).into_inner()
}

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

    /// The value, initialising it with `f` if needed. `f` runs at most once; a thread that
    /// finds another one initialising waits detached. `f` must not use this same cell.
    pub fn get_or_init<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        if let Some(value) = self.inner.get() {
            return value;
        }
        self.inner.get_or_init_py_attached(py, f)
    }

    /// Mutable access to the value, if initialised.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.inner.get_mut()
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

impl<T> PyOnceLock<Py<T>> {
    /// Another cell holding a new reference to the same object (empty if this one is).
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        let cell = PyOnceLock::new();
        if let Some(value) = self.get(py) {
            let _ = cell.set(py, value.clone_ref(py));
        }
        cell
    }
}

impl<T: PyTypeCheck> PyOnceLock<Py<T>> {
    /// Imports `module_name.attr_name` the first time, checks that it is a `T`, and keeps
    /// it for later calls.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::sync::PyOnceLock;
    /// use pyo3::types::PyType;
    /// static ORDERED_DICT: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    /// Python::attach(|py| {
    ///     let ty = ORDERED_DICT.import(py, "collections", "OrderedDict").unwrap();
    ///     assert_eq!(ty.name().unwrap().to_str().unwrap(), "OrderedDict");
    /// });
    /// ```
    pub fn import<'py>(
        &self,
        py: Python<'py>,
        module_name: &str,
        attr_name: &str,
    ) -> PyResult<&Bound<'py, T>> {
        let value = self.get_or_try_init(py, || -> PyResult<Py<T>> {
            let attr = py.import(module_name)?.getattr(attr_name)?;
            Ok(attr.cast_into::<T>()?.unbind())
        })?;
        Ok(value.bind(py))
    }
}

// ---------------------------------------------------------------- GILOnceCell

/// The once-initialised cell PyO3 offered before 0.26, kept so that code using it still
/// compiles; it behaves as [`PyOnceLock`] (which it wraps), and so, unlike PyO3's older
/// cell, also never runs two initialisers at once on free-threaded builds.
///
/// ```
/// # #![allow(deprecated)]
/// use pyo3::prelude::*;
/// use pyo3::sync::GILOnceCell;
/// static GREETING: GILOnceCell<String> = GILOnceCell::new();
/// Python::attach(|py| {
///     assert!(GREETING.get(py).is_none());
///     assert_eq!(GREETING.get_or_init(py, || "hello".to_owned()), "hello");
///     assert_eq!(GREETING.set(py, "again".to_owned()), Err("again".to_owned()));
/// });
/// ```
#[deprecated(since = "0.26.0", note = "use `PyOnceLock` instead")]
pub struct GILOnceCell<T>(PyOnceLock<T>);

#[allow(deprecated)]
impl<T> Default for GILOnceCell<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[allow(deprecated)]
impl<T> GILOnceCell<T> {
    /// An empty cell.
    pub const fn new() -> Self {
        GILOnceCell(PyOnceLock::new())
    }

    /// The value, if initialised.
    #[inline]
    pub fn get(&self, py: Python<'_>) -> Option<&T> {
        self.0.get(py)
    }

    /// The value, initialising it with `f` first if the cell is empty.
    #[inline]
    pub fn get_or_init<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        self.0.get_or_init(py, f)
    }

    /// Like [`GILOnceCell::get_or_init`], but `f` may fail, leaving the cell empty.
    #[inline]
    pub fn get_or_try_init<F, E>(&self, py: Python<'_>, f: F) -> Result<&T, E>
    where
        F: FnOnce() -> Result<T, E>,
    {
        self.0.get_or_try_init(py, f)
    }

    /// Mutable access to the value, if initialised.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.0.get_mut()
    }

    /// Sets the value; gives it back if the cell was already set.
    pub fn set(&self, py: Python<'_>, value: T) -> Result<(), T> {
        self.0.set(py, value)
    }

    /// Takes the value out, leaving the cell empty.
    pub fn take(&mut self) -> Option<T> {
        self.0.take()
    }

    /// The value, if initialised.
    pub fn into_inner(self) -> Option<T> {
        self.0.into_inner()
    }
}

#[allow(deprecated)]
impl<T> GILOnceCell<Py<T>> {
    /// Another cell holding a new reference to the same object (empty if this one is).
    pub fn clone_ref(&self, py: Python<'_>) -> Self {
        GILOnceCell(self.0.clone_ref(py))
    }
}

#[allow(deprecated)]
impl<T> GILOnceCell<Py<T>>
where
    T: PyTypeCheck,
{
    /// Imports `module_name.attr_name` the first time, checks that it is a `T`, and keeps
    /// it for later calls (as [`PyOnceLock::import`]).
    pub fn import<'py>(
        &self,
        py: Python<'py>,
        module_name: &str,
        attr_name: &str,
    ) -> PyResult<&Bound<'py, T>> {
        self.0.import(py, module_name, attr_name)
    }
}

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

/// Waiting on a [`std::sync::Once`] without deadlocking against the interpreter.
pub trait OnceExt: private::Sealed {
    /// The state handed to [`OnceExt::call_once_force_py_attached`]'s closure.
    type OnceState;

    /// Like `Once::call_once`, but waits detached if another thread is running the
    /// initialiser, and runs `f` attached.
    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce());

    /// Like `Once::call_once_force`, with the same detaching behaviour.
    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&Self::OnceState));
}

/// Initialising a [`std::sync::OnceLock`] without deadlocking against the interpreter.
pub trait OnceLockExt<T>: private::Sealed {
    /// Like `OnceLock::get_or_init`, but waits detached if another thread is
    /// initialising, and runs `f` attached.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::sync::OnceLockExt;
    /// use std::sync::OnceLock;
    /// static ANSWER: OnceLock<i64> = OnceLock::new();
    /// Python::attach(|py| {
    ///     let v = ANSWER.get_or_init_py_attached(py, || 42);
    ///     assert_eq!(*v, 42);
    /// });
    /// ```
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T;
}

/// Locking a [`std::sync::Mutex`] without deadlocking against the interpreter.
pub trait MutexExt<T>: private::Sealed {
    /// What [`MutexExt::lock_py_attached`] returns (a `LockResult` for std's mutex, the
    /// guard itself for lock_api's, which cannot be poisoned).
    type LockResult<'a>
    where
        Self: 'a;

    /// Like `Mutex::lock`, but waits detached while another thread holds the lock.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::sync::MutexExt;
    /// use std::sync::Mutex;
    /// let counter = Mutex::new(0);
    /// Python::attach(|py| *counter.lock_py_attached(py).unwrap() += 1);
    /// assert_eq!(*counter.lock().unwrap(), 1);
    /// ```
    fn lock_py_attached(&self, py: Python<'_>) -> Self::LockResult<'_>;
}

/// Locking a [`std::sync::RwLock`] without deadlocking against the interpreter.
pub trait RwLockExt<T>: private::Sealed {
    /// What [`RwLockExt::read_py_attached`] returns.
    type ReadLockResult<'a>
    where
        Self: 'a;
    /// What [`RwLockExt::write_py_attached`] returns.
    type WriteLockResult<'a>
    where
        Self: 'a;

    /// Like `RwLock::read`, but waits detached while a writer holds the lock.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::sync::RwLockExt;
    /// use std::sync::RwLock;
    /// let lock = RwLock::new(1);
    /// Python::attach(|py| {
    ///     *lock.write_py_attached(py).unwrap() += 1;
    ///     assert_eq!(*lock.read_py_attached(py).unwrap(), 2);
    /// });
    /// ```
    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_>;

    /// Like `RwLock::write`, but waits detached while anyone else holds the lock.
    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_>;
}

mod private {
    pub trait Sealed {}
    impl Sealed for std::sync::Once {}
    impl<T> Sealed for std::sync::OnceLock<T> {}
    impl<T> Sealed for std::sync::Mutex<T> {}
    impl<T> Sealed for std::sync::RwLock<T> {}
}

impl<T> RwLockExt<T> for RwLock<T> {
    type ReadLockResult<'a>
        = LockResult<RwLockReadGuard<'a, T>>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = LockResult<RwLockWriteGuard<'a, T>>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
        loop {
            match self.try_read() {
                Ok(guard) => return Ok(guard),
                Err(TryLockError::Poisoned(poisoned)) => return Err(poisoned),
                // Wait for the writer detached, then race for the lock again attached.
                Err(TryLockError::WouldBlock) => run_detached(py, || drop(self.read())),
            }
        }
    }

    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
        loop {
            match self.try_write() {
                Ok(guard) => return Ok(guard),
                Err(TryLockError::Poisoned(poisoned)) => return Err(poisoned),
                Err(TryLockError::WouldBlock) => run_detached(py, || drop(self.write())),
            }
        }
    }
}

impl OnceExt for Once {
    type OnceState = OnceState;

    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce()) {
        if self.is_completed() {
            return;
        }
        run_detached(py, || self.call_once(|| Python::attach(|_| f())));
    }

    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&OnceState)) {
        if self.is_completed() {
            return;
        }
        run_detached(py, || {
            self.call_once_force(|state| Python::attach(|_| f(state)))
        });
    }
}

impl<T> OnceLockExt<T> for OnceLock<T> {
    fn get_or_init_py_attached<F>(&self, py: Python<'_>, f: F) -> &T
    where
        F: FnOnce() -> T,
    {
        if let Some(value) = self.get() {
            return value;
        }
        run_detached(py, || {
            self.get_or_init(|| Python::attach(|_| f()));
        });
        self.get().expect("the OnceLock was just initialised")
    }
}

impl<T> MutexExt<T> for Mutex<T> {
    type LockResult<'a>
        = LockResult<MutexGuard<'a, T>>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> LockResult<MutexGuard<'_, T>> {
        loop {
            match self.try_lock() {
                Ok(guard) => return Ok(guard),
                Err(TryLockError::Poisoned(poisoned)) => return Err(poisoned),
                Err(TryLockError::WouldBlock) => {
                    // Wait for the holder detached, then race for the lock again attached.
                    run_detached(py, || drop(self.lock()));
                }
            }
        }
    }
}

/// Runs `f` while holding the per-object critical section of `object`: on the free-threaded
/// build, `PyCriticalSection_Begin`/`End` around `f` (like `Py_BEGIN_CRITICAL_SECTION`). On
/// interpreters with a global interpreter lock the lock already serialises access, so `f`
/// just runs.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyList;
/// Python::attach(|py| {
///     let list = PyList::empty(py);
///     let n = pyo3::sync::with_critical_section(&list, || list.len());
///     assert_eq!(n, 0);
/// });
/// ```
pub fn with_critical_section<F, R>(object: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    #[cfg(all(Py_GIL_DISABLED, not(limited_api_only)))]
    {
        let _section = critical_section::Section::begin(object);
        f()
    }
    #[cfg(not(all(Py_GIL_DISABLED, not(limited_api_only))))]
    {
        let _ = object;
        f()
    }
}

/// Like [`with_critical_section`], for two objects at once.
pub fn with_critical_section2<F, R>(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>, f: F) -> R
where
    F: FnOnce() -> R,
{
    #[cfg(all(Py_GIL_DISABLED, not(limited_api_only)))]
    {
        let _section = critical_section::Section2::begin(a, b);
        f()
    }
    #[cfg(not(all(Py_GIL_DISABLED, not(limited_api_only))))]
    {
        let _ = (a, b);
        f()
    }
}

/// The free-threaded build's critical sections, ended by `Drop` so a panic in the closure
/// still unlocks the object.
#[cfg(all(Py_GIL_DISABLED, not(limited_api_only)))]
mod critical_section {
    use crate::ffi;
    use crate::instance::Bound;
    use crate::types::PyAny;

    /// An open section over one object; boxed so the address CPython links into the
    /// thread's chain of sections stays put.
    pub(super) struct Section(Box<ffi::PyCriticalSection>);

    impl Section {
        pub(super) fn begin(object: &Bound<'_, PyAny>) -> Section {
            let mut section = Box::new(ffi::PyCriticalSection {
                _cs_prev: 0,
                _cs_mutex: std::ptr::null_mut(),
            });
            // SAFETY: attached (the `Bound` proves it); `object` is alive for the section,
            // since the caller's borrow outlives it; `section` is valid, writable storage
            // that stays at one address until `PyCriticalSection_End` in `Drop`.
            unsafe { ffi::PyCriticalSection_Begin(&mut *section, object.as_ptr()) };
            Section(section)
        }
    }

    impl Drop for Section {
        fn drop(&mut self) {
            // SAFETY: the section was begun on this storage by this thread and not ended.
            unsafe { ffi::PyCriticalSection_End(&mut *self.0) };
        }
    }

    /// An open section over two objects.
    pub(super) struct Section2(Box<ffi::PyCriticalSection2>);

    impl Section2 {
        pub(super) fn begin(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> Section2 {
            let mut section = Box::new(ffi::PyCriticalSection2 {
                _cs_base: ffi::PyCriticalSection {
                    _cs_prev: 0,
                    _cs_mutex: std::ptr::null_mut(),
                },
                _cs_mutex2: std::ptr::null_mut(),
            });
            // SAFETY: as for `Section::begin`, for both objects.
            unsafe { ffi::PyCriticalSection2_Begin(&mut *section, a.as_ptr(), b.as_ptr()) };
            Section2(section)
        }
    }

    impl Drop for Section2 {
        fn drop(&mut self) {
            // SAFETY: the section was begun on this storage by this thread and not ended.
            unsafe { ffi::PyCriticalSection2_End(&mut *self.0) };
        }
    }
}

/// A value that may only be reached while attached; the global interpreter lock makes
/// that access exclusive.
#[cfg(not(Py_GIL_DISABLED))]
#[deprecated(
    since = "0.26.0",
    note = "use `PyOnceLock`, a `Mutex` with `MutexExt`, or atomics instead"
)]
pub struct GILProtected<T> {
    value: T,
}

#[cfg(not(Py_GIL_DISABLED))]
#[allow(deprecated)]
impl<T> GILProtected<T> {
    /// Wraps `value`.
    pub const fn new(value: T) -> Self {
        GILProtected { value }
    }

    /// The value, reachable while attached.
    pub fn get<'py>(&'py self, _py: Python<'py>) -> &'py T {
        &self.value
    }

    /// The value, reachable from a `__traverse__` implementation (the garbage collector
    /// runs it while the interpreter is locked).
    pub fn traverse<'py>(&'py self, _visit: crate::pyclass::PyVisit<'py>) -> &'py T {
        &self.value
    }
}

#[cfg(not(Py_GIL_DISABLED))]
#[allow(deprecated)]
// SAFETY: the value is only reached through `get`, which needs an attached thread; the
// global interpreter lock lets one such thread run at a time.
unsafe impl<T: Send> Sync for GILProtected<T> {}

#[cfg(feature = "lock_api")]
mod lock_api;
