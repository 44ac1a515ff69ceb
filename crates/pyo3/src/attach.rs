//! Attaching threads to the interpreter: `Python::attach`/`detach`, interpreter start-up,
//! and the pool of reference-count decrements deferred from threads that were not attached.

use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

use crate::ffi;
use crate::python::Python;

/// Whether the current thread is attached to the (running) interpreter.
///
/// The interpreter keeps this fact itself (`PyGILState_Check`), so callbacks from Python
/// pay nothing to maintain a second copy of it; only code that holds no token (dropping a
/// `Py<T>`, `Python::attach`) asks.
#[inline]
pub(crate) fn thread_is_attached() -> bool {
    // SAFETY: Py_IsInitialized may be called at any time; PyGILState_Check may be called
    // at any time once the interpreter is initialized.
    unsafe { ffi::Py_IsInitialized() != 0 && gil_state_check() != 0 }
}

#[cfg(not(Py_LIMITED_API))]
use ffi::PyGILState_Check as gil_state_check;

// `PyGILState_Check` is missing from the limited-API headers, but every CPython since 3.4
// exports it with this signature, so stable-ABI builds declare it here (pyo3-ffi mirrors the
// headers and does not).
#[cfg(Py_LIMITED_API)]
extern "C" {
    #[link_name = "PyGILState_Check"]
    fn gil_state_check() -> std::os::raw::c_int;
}

/// Decrements requested while the thread was not attached; applied at the next attach.
struct PendingDecrefs {
    dirty: AtomicBool,
    objects: Mutex<Vec<NonNull<ffi::PyObject>>>,
}

// SAFETY: the raw pointers are only dereferenced by `apply`, which runs attached; the vector
// itself is protected by the mutex.
unsafe impl Sync for PendingDecrefs {}

static PENDING: PendingDecrefs = PendingDecrefs {
    dirty: AtomicBool::new(false),
    objects: Mutex::new(Vec::new()),
};

impl PendingDecrefs {
    #[cfg_attr(pyo3_disable_reference_pool, allow(dead_code))]
    fn push(&self, obj: NonNull<ffi::PyObject>) {
        self.objects
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(obj);
        self.dirty.store(true, Ordering::Release);
    }

    /// Applies the deferred decrements. One relaxed load when nothing is pending, which is
    /// what every call from Python pays.
    #[inline(always)]
    fn apply(&self, py: Python<'_>) {
        if self.dirty.load(Ordering::Relaxed) {
            self.apply_slow(py);
        }
    }

    #[cold]
    #[inline(never)]
    fn apply_slow(&self, _py: Python<'_>) {
        let objects = {
            let mut guard = self.objects.lock().unwrap_or_else(|e| e.into_inner());
            self.dirty.store(false, Ordering::Release);
            std::mem::take(&mut *guard)
        };
        for obj in objects {
            // SAFETY:
            // - we are attached (`_py`);
            // - each pointer was an owned strong reference handed to the pool exactly once.
            unsafe { ffi::Py_DECREF(obj.as_ptr()) };
        }
    }
}

/// How many deferred decrements are waiting (for the leak report at exit).
pub(crate) fn pending_decref_count() -> usize {
    PENDING
        .objects
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .len()
}

/// Applies decrements deferred by other threads; called on entry to every callback.
#[inline(always)]
pub(crate) fn apply_pending_decrefs(py: Python<'_>) {
    PENDING.apply(py);
}

/// Releases one strong reference: immediately when the thread is attached, otherwise at
/// the next time any thread attaches (or Python calls into Rust).
///
/// # Safety
///
/// `obj` must be an owned strong reference that the caller gives up.
pub(crate) unsafe fn release_reference(obj: NonNull<ffi::PyObject>) {
    if thread_is_attached() {
        // SAFETY: attached, and the caller hands over an owned reference.
        unsafe { ffi::Py_DECREF(obj.as_ptr()) };
    } else {
        release_detached(obj);
    }
}

/// A reference dropped by a thread that is not attached: deferred to the pool, or, when
/// the user compiled with `--cfg pyo3_disable_reference_pool`, leaked (with
/// `--cfg pyo3_leak_on_drop_without_reference_pool`) or fatal, as PyO3 documents.
#[cfg(not(pyo3_disable_reference_pool))]
fn release_detached(obj: NonNull<ffi::PyObject>) {
    PENDING.push(obj);
}

/// See the pooled version above.
#[cfg(pyo3_disable_reference_pool)]
fn release_detached(_obj: NonNull<ffi::PyObject>) {
    #[cfg(not(pyo3_leak_on_drop_without_reference_pool))]
    {
        /// Turns the unwinding below into an abort: this runs inside `Drop`, where a
        /// panic would otherwise unwind through user code that cannot expect it.
        struct AbortOnUnwind;
        impl Drop for AbortOnUnwind {
            fn drop(&mut self) {
                eprintln!("Aborting the process to avoid panic-from-drop.");
                std::process::abort();
            }
        }
        let _abort = AbortOnUnwind;
        panic!("Cannot drop pointer into Python heap without the thread being attached.");
    }
}

/// Holds the GILState of a `Python::attach` that had to attach the thread.
struct AttachGuard {
    gil_state: ffi::PyGILState_STATE,
}

impl AttachGuard {
    fn acquire() -> AttachGuard {
        ensure_initialized();
        // SAFETY: the interpreter was just checked or started.
        unsafe { AttachGuard::acquire_unchecked() }
    }

    /// Attaches without checking that the interpreter runs.
    ///
    /// # Safety
    ///
    /// The interpreter must be initialized.
    unsafe fn acquire_unchecked() -> AttachGuard {
        // SAFETY: the interpreter is initialized; PyGILState_Ensure may be called from any
        // thread and is balanced by PyGILState_Release in `Drop`.
        let gil_state = unsafe { ffi::PyGILState_Ensure() };
        // Attached now, as registering the leak report's exit hook requires.
        crate::impl_::leak_report::init();
        // SAFETY: PyGILState_Ensure returned, so the thread is attached.
        PENDING.apply(unsafe { Python::assume_attached() });
        AttachGuard { gil_state }
    }
}

impl Drop for AttachGuard {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: balances the PyGILState_Ensure of `acquire` on this same thread.
        unsafe { ffi::PyGILState_Release(self.gil_state) };
    }
}

static START: Once = Once::new();

/// Starts the interpreter if the `auto-initialize` feature asks for it; otherwise checks
/// that someone else has started it.
fn ensure_initialized() {
    if cfg!(feature = "auto-initialize") {
        initialize_interpreter();
        return;
    }
    START.call_once_force(|_| {
        // SAFETY: Py_IsInitialized may be called at any time.
        let running = unsafe { ffi::Py_IsInitialized() } != 0;
        assert!(
            running,
            "the Python interpreter is not initialized. Enable the `auto-initialize` \
             feature of pyo3, or call `Python::initialize()` before `Python::attach`."
        );
    });
}

/// Starts the interpreter (once per process) and detaches the calling thread from it, so
/// that `Python::attach` works from every thread. Does nothing if it is already running.
fn initialize_interpreter() {
    START.call_once_force(|_| {
        // SAFETY: guarded by `START`, so only one thread runs this; Py_IsInitialized,
        // Py_InitializeEx and PyEval_SaveThread follow CPython's documented start-up
        // sequence for embedders.
        #[cfg(not(any(PyPy, GraalPy)))]
        unsafe {
            if ffi::Py_IsInitialized() == 0 {
                ffi::Py_InitializeEx(0);
                // Py_InitializeEx leaves this thread holding the GIL; release it.
                ffi::PyEval_SaveThread();
            }
        }
    });
}

/// Deprecated name of [`Python::initialize`].
#[deprecated(since = "0.26.0", note = "use `Python::initialize` instead")]
pub fn prepare_freethreaded_python() {
    initialize_interpreter();
}

/// Starts an embedded interpreter, runs `f` attached to it, then finalizes the
/// interpreter and returns `f`'s result.
///
/// It imports `threading` first, so that the calling thread is Python's main thread
/// (finalization otherwise warns about it).
///
/// # Panics
///
/// When an interpreter is already running.
///
/// # Safety
///
/// - Call it at most once per process (many C extension modules cannot be initialized
///   twice), and not concurrently with other threads using Python.
/// - No Python API may be used after it returns.
/// - `R` must hold no Python object (not even inside a `PyResult`): they would outlive the
///   interpreter.
///
/// ```
/// use pyo3::prelude::*;
///
/// let total = unsafe {
///     pyo3::with_embedded_python_interpreter(|py| {
///         py.eval(c"sum(range(5))", None, None).unwrap().extract::<i64>().unwrap()
///     })
/// };
/// assert_eq!(total, 10);
/// ```
#[cfg(not(any(PyPy, GraalPy)))]
pub unsafe fn with_embedded_python_interpreter<F, R>(f: F) -> R
where
    F: for<'p> FnOnce(Python<'p>) -> R,
{
    // SAFETY: Py_IsInitialized may be called at any time.
    let running = unsafe { ffi::Py_IsInitialized() } != 0;
    assert!(
        !running,
        "called `with_embedded_python_interpreter` but a Python interpreter is already running."
    );
    // SAFETY: no interpreter runs (checked above); the caller promises no other thread
    // races this start-up. The thread holds the GIL afterwards.
    unsafe { ffi::Py_InitializeEx(0) };
    let result = {
        // SAFETY: Py_InitializeEx left this thread attached; `py` does not escape the block.
        let py = unsafe { Python::assume_attached() };
        if let Err(err) = py.import("threading") {
            err.print(py);
        }
        f(py)
    };
    // SAFETY: the thread is attached and started the interpreter; the caller promises no
    // Python object survives (R holds none) and that no Python API is used after this.
    unsafe { ffi::Py_FinalizeEx() };
    result
}

/// Restores the thread's attachment when a `detach` scope ends, even by unwinding.
struct DetachGuard {
    tstate: *mut ffi::PyThreadState,
}

impl Drop for DetachGuard {
    fn drop(&mut self) {
        // SAFETY: `tstate` came from PyEval_SaveThread on this thread.
        unsafe { ffi::PyEval_RestoreThread(self.tstate) };
        // References dropped while detached (by this closure or other threads) are released
        // now, as PyO3 does when `detach` returns.
        // SAFETY: PyEval_RestoreThread returned, so the thread is attached.
        PENDING.apply(unsafe { Python::assume_attached() });
    }
}

impl Python<'_> {
    /// Runs `f` with the current thread attached to the interpreter.
    ///
    /// Nested calls are cheap. With the `auto-initialize` feature the interpreter is
    /// started on first use; without it, it must be running already (as it is inside an
    /// extension module).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// let sum: i64 = Python::attach(|py| py.eval(c"1 + 2", None, None)?.extract()).unwrap();
    /// assert_eq!(sum, 3);
    /// ```
    #[inline]
    pub fn attach<F, R>(f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        if thread_is_attached() {
            // SAFETY: the thread is attached, and stays so while `f` runs (it can only
            // detach inside `Python::detach`, which reattaches before returning).
            return f(unsafe { Python::assume_attached() });
        }
        let _guard = AttachGuard::acquire();
        // SAFETY: the guard keeps the thread attached until after `f` returns.
        f(unsafe { Python::assume_attached() })
    }

    /// Like [`Python::attach`], but neither starts the interpreter (whatever the
    /// `auto-initialize` feature says) nor checks that it runs.
    ///
    /// # Safety
    ///
    /// The interpreter must be initialized; if it is not, behaviour is undefined.
    pub unsafe fn attach_unchecked<F, R>(f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        if thread_is_attached() {
            // SAFETY: the thread is attached, and stays so while `f` runs.
            return f(unsafe { Python::assume_attached() });
        }
        // SAFETY: the caller promises that the interpreter is initialized.
        let _guard = unsafe { AttachGuard::acquire_unchecked() };
        // SAFETY: the guard keeps the thread attached until after `f` returns.
        f(unsafe { Python::assume_attached() })
    }

    /// Deprecated name of [`Python::attach_unchecked`].
    ///
    /// # Safety
    ///
    /// As for [`Python::attach_unchecked`].
    #[deprecated(since = "0.26.0", note = "use `Python::attach_unchecked` instead")]
    pub unsafe fn with_gil_unchecked<F, R>(f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        // SAFETY: forwarded from the caller.
        unsafe { Python::attach_unchecked(f) }
    }

    /// Deprecated name of [`Python::attach`].
    #[deprecated(since = "0.26.0", note = "use `Python::attach` instead")]
    pub fn with_gil<F, R>(f: F) -> R
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        Python::attach(f)
    }

    /// Like [`Python::attach`], but returns `None` instead of starting or waiting on an
    /// interpreter that is not running.
    pub fn try_attach<F, R>(f: F) -> Option<R>
    where
        F: for<'py> FnOnce(Python<'py>) -> R,
    {
        // SAFETY: Py_IsInitialized may be called at any time.
        if unsafe { ffi::Py_IsInitialized() } == 0 {
            return None;
        }
        Some(Python::attach(f))
    }

    /// Starts the interpreter if it is not running, and leaves no thread attached.
    pub fn initialize() {
        initialize_interpreter();
    }

    /// Detaches the thread from the interpreter while `f` runs, so other threads can run
    /// Python code. `f` must not use Python objects (it cannot: `Bound` and the token are
    /// not [`Ungil`](crate::marker::Ungil)).
    pub fn detach<T, F>(self, f: F) -> T
    where
        F: crate::marker::Ungil + FnOnce() -> T,
        T: crate::marker::Ungil,
    {
        // SAFETY: the thread is attached (we hold `self`); the state is restored by the
        // guard's Drop on this same thread.
        let tstate = unsafe { ffi::PyEval_SaveThread() };
        let _guard = DetachGuard { tstate };
        f()
    }

    /// Deprecated name of [`Python::detach`].
    #[deprecated(since = "0.26.0", note = "use `Python::detach` instead")]
    pub fn allow_threads<T, F>(self, f: F) -> T
    where
        F: crate::marker::Ungil + FnOnce() -> T,
        T: crate::marker::Ungil,
    {
        self.detach(f)
    }
}
