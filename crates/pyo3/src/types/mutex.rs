//! `PyMutex<T>`: a value behind CPython's one-byte `PyMutex` (3.13+, not in the limited
//! API), with an RAII guard and poisoning in the manner of `std::sync::Mutex`.
//!
//! Why not `std::sync::Mutex`: a thread blocked in `PyMutex_Lock` detaches from the
//! interpreter while it waits, so the holder of the lock can still run Python code (the
//! GIL is not held by the waiter; on the free-threaded build, the waiter does not hold up
//! a stop-the-world pause). There is no `try_lock`: CPython 3.13 exports no such function.
//!
//! Poisoning is ours, not CPython's: a flag beside the C mutex, set when a guard is
//! dropped by a thread that started panicking after taking the lock.
//!
//! The module is compiled only for `all(Py_3_13, not(Py_LIMITED_API))` (see `types.rs`),
//! so its doctests are collected, and run, only in such builds.

use std::cell::UnsafeCell;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{LockResult, PoisonError};
use std::thread;

use crate::ffi;

/// A mutual-exclusion lock around a `T`, built on CPython's `PyMutex`.
///
/// [`lock`](PyMutex::lock) blocks until the lock is free and returns a guard that gives
/// access to the value; the lock is released when the guard is dropped. While a thread
/// waits for the lock it is detached from the interpreter, so a value can be guarded
/// across calls into Python without deadlocking against the GIL. Unlike
/// `std::sync::Mutex` there is no `try_lock`: every `lock` may block, so take care not to
/// lock twice on one thread (that deadlocks).
///
/// # Poisoning
///
/// As with `std::sync::Mutex`, a panic while a guard is alive marks the mutex poisoned:
/// later calls to `lock` (and `into_inner`) return `Err(PoisonError)`, which still holds
/// the guard (or value) for callers that can restore the invariants.
/// [`clear_poison`](PyMutex::clear_poison) removes the mark.
///
/// # Examples
///
/// ```
/// use pyo3::types::PyMutex;
/// use std::sync::Arc;
///
/// let total = Arc::new(PyMutex::new(0u64));
/// let workers: Vec<_> = (1..=4u64)
///     .map(|n| {
///         let total = Arc::clone(&total);
///         std::thread::spawn(move || *total.lock().unwrap() += n)
///     })
///     .collect();
/// for worker in workers {
///     worker.join().unwrap();
/// }
/// assert!(!total.is_locked());
/// assert_eq!(*total.lock().unwrap(), 10);
/// ```
pub struct PyMutex<T: ?Sized> {
    /// The C mutex. It lives in an `UnsafeCell` because CPython changes its bits through
    /// a `*mut` that we derive from `&self`.
    raw: UnsafeCell<ffi::PyMutex>,
    poisoned: AtomicBool,
    data: UnsafeCell<T>,
}

/// Access to the value of a locked [`PyMutex`]; dropping it unlocks the mutex.
///
/// Made by [`PyMutex::lock`]. The guard cannot be sent to another thread (the lock is
/// released by the thread that took it), but may be shared with one when `T: Sync`.
///
/// # Examples
///
/// ```
/// use pyo3::types::{PyMutex, PyMutexGuard};
///
/// let names = PyMutex::new(vec!["a"]);
/// {
///     let mut guard: PyMutexGuard<'_, Vec<&str>> = names.lock().unwrap();
///     guard.push("b");
///     assert!(names.is_locked());
/// } // unlocked here
/// assert!(!names.is_locked());
/// assert_eq!(names.into_inner().unwrap(), ["a", "b"]);
/// ```
pub struct PyMutexGuard<'a, T: ?Sized> {
    mutex: &'a PyMutex<T>,
    /// Whether this thread was already panicking when it took the lock: a panic that was
    /// in flight before is not one that happened while the value was being changed.
    panicking_on_entry: bool,
    /// Keeps the guard `!Send` (a raw pointer is neither `Send` nor `Sync`; `Sync` is
    /// restored below).
    _not_send: PhantomData<*const ()>,
}

// SAFETY:
// - the value is reached only through a guard, and the C mutex lets one guard exist at a
//   time, so sharing `&PyMutex<T>` between threads hands the `T` from thread to thread
//   but never to two at once: `T: Send` is what that needs (as for `std::sync::Mutex`);
// - the C mutex and the poison flag are themselves made for concurrent use.
unsafe impl<T: ?Sized + Send> Sync for PyMutex<T> {}
// SAFETY: owning the mutex owns the value and an unlocked C mutex (no guard can outlive the
// borrow it holds), so moving it to another thread moves a `T`: `T: Send` suffices.
unsafe impl<T: ?Sized + Send> Send for PyMutex<T> {}
// SAFETY: a shared guard only gives `&T`, which may cross threads when `T: Sync`; the
// unlock in `Drop` needs ownership, which `&PyMutexGuard` does not give.
unsafe impl<T: ?Sized + Sync> Sync for PyMutexGuard<'_, T> {}

// Poisoning is what makes a mutex safe to observe after a caught panic (as for
// `std::sync::Mutex`): a value left half-changed is reported through `PoisonError`.
impl<T: ?Sized> UnwindSafe for PyMutex<T> {}
impl<T: ?Sized> RefUnwindSafe for PyMutex<T> {}

impl<T> PyMutex<T> {
    /// A new, unlocked and unpoisoned mutex holding `value`.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::types::PyMutex;
    /// static COUNTER: PyMutex<u32> = PyMutex::new(0);
    /// *COUNTER.lock().unwrap() += 1;
    /// assert_eq!(*COUNTER.lock().unwrap(), 1);
    /// ```
    pub const fn new(value: T) -> Self {
        PyMutex {
            // All bits zero is CPython's unlocked state (`_Py_UNLOCKED`).
            raw: UnsafeCell::new(ffi::PyMutex {
                _bits: ffi::_Py_UNLOCKED,
            }),
            poisoned: AtomicBool::new(false),
            data: UnsafeCell::new(value),
        }
    }

    /// Consumes the mutex and returns the value.
    ///
    /// # Errors
    ///
    /// `Err(PoisonError)` holding the value if the mutex is poisoned.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::types::PyMutex;
    /// let m = PyMutex::new(String::from("kept"));
    /// assert_eq!(m.into_inner().unwrap(), "kept");
    /// ```
    pub fn into_inner(self) -> LockResult<T> {
        // Owning `self` means no guard is alive, so the C mutex is unlocked and needs no
        // teardown (a `PyMutex` owns no resources).
        let poisoned = self.is_poisoned();
        let value = self.data.into_inner();
        if poisoned {
            Err(PoisonError::new(value))
        } else {
            Ok(value)
        }
    }
}

impl<T: ?Sized> PyMutex<T> {
    /// Blocks until this thread holds the lock, then returns the guard.
    ///
    /// While blocked, a thread attached to the interpreter detaches (releasing the GIL on
    /// GIL builds) and re-attaches once it has the lock. Locking a mutex already held by
    /// the same thread never returns.
    ///
    /// # Errors
    ///
    /// `Err(PoisonError)` if the mutex is poisoned; the lock is held all the same, and the
    /// error's `into_inner` gives the guard.
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::types::PyMutex;
    /// let m = PyMutex::new([1, 2]);
    /// m.lock().unwrap()[0] = 5;
    /// assert_eq!(*m.lock().unwrap(), [5, 2]);
    /// ```
    pub fn lock(&self) -> LockResult<PyMutexGuard<'_, T>> {
        // SAFETY:
        // - `raw` points to a live, initialised `PyMutex` that is never moved while
        //   borrowed (we hold `&self`);
        // - CPython changes its bits only atomically, so concurrent callers are fine;
        // - `PyMutex_Lock` needs no attached thread state (it detaches only if attached).
        unsafe { ffi::PyMutex_Lock(self.raw.get()) };
        let guard = PyMutexGuard {
            mutex: self,
            panicking_on_entry: thread::panicking(),
            _not_send: PhantomData,
        };
        if self.is_poisoned() {
            Err(PoisonError::new(guard))
        } else {
            Ok(guard)
        }
    }

    /// Whether some thread holds the lock at this moment.
    ///
    /// The answer may be stale by the time it is used; it suits assertions and
    /// diagnostics, not synchronisation. Reads the low bit of the C mutex, which
    /// `cpython/lock.h` documents as the locked bit (`PyMutex_IsLocked` is 3.14 only).
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::types::PyMutex;
    /// let m = PyMutex::new(());
    /// let guard = m.lock().unwrap();
    /// assert!(m.is_locked());
    /// drop(guard);
    /// assert!(!m.is_locked());
    /// ```
    pub fn is_locked(&self) -> bool {
        let bits: *mut u8 = self.raw.get().cast();
        // SAFETY:
        // - `bits` is the address of the mutex's only field, a `u8`, live for `&self`
        //   (alignment 1, as `AtomicU8` needs);
        // - every other access to these bits is atomic: CPython's lock and unlock use
        //   atomic operations and we never touch the bits non-atomically after `new`.
        let bits = unsafe { AtomicU8::from_ptr(bits) };
        bits.load(Ordering::Relaxed) & ffi::_Py_LOCKED != 0
    }

    /// Removes the poison mark, for a caller that has restored the value's invariants
    /// (usually through the guard inside a `PoisonError`).
    ///
    /// # Examples
    ///
    /// ```
    /// use pyo3::types::PyMutex;
    /// let m = PyMutex::new(0);
    /// let _ = std::panic::catch_unwind(|| {
    ///     let _guard = m.lock().unwrap();
    ///     panic!("while holding the lock");
    /// });
    /// let mut guard = m.lock().unwrap_err().into_inner();
    /// *guard = 0; // repair
    /// drop(guard);
    /// m.clear_poison();
    /// assert!(m.lock().is_ok());
    /// ```
    pub fn clear_poison(&self) {
        self.poisoned.store(false, Ordering::Relaxed);
    }

    fn is_poisoned(&self) -> bool {
        self.poisoned.load(Ordering::Relaxed)
    }
}

impl<T: ?Sized> Drop for PyMutexGuard<'_, T> {
    fn drop(&mut self) {
        // Poison before unlocking, so the next holder is sure to see the mark.
        if !self.panicking_on_entry && thread::panicking() {
            self.mutex.poisoned.store(true, Ordering::Relaxed);
        }
        // SAFETY:
        // - this guard's existence means this thread locked the mutex and has not yet
        //   unlocked it (a guard is made only after `PyMutex_Lock` returns and is dropped
        //   once), so `PyMutex_Unlock` finds it locked;
        // - the pointer is valid for the guard's borrow of the mutex.
        unsafe { ffi::PyMutex_Unlock(self.mutex.raw.get()) };
    }
}

impl<T: ?Sized> Deref for PyMutexGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock, so no other guard (the only other way to the
        // value) exists; a shared borrow of the guard yields a shared borrow of the value.
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T: ?Sized> DerefMut for PyMutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock, so this is the only access to the value, and
        // the exclusive borrow of the guard makes the returned borrow exclusive too.
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for PyMutexGuard<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl<T: ?Sized> fmt::Debug for PyMutex<T> {
    /// Does not show the value: reading it would mean locking, which may block.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PyMutex")
            .field("locked", &self.is_locked())
            .field("poisoned", &self.is_poisoned())
            .finish_non_exhaustive()
    }
}
