//! The interpreter-aware lock extension traits for [lock_api](https://docs.rs/lock_api)'s
//! `Mutex`, `ReentrantMutex` and `RwLock` (so also parking_lot's and spin's), their `Arc`
//! forms with the `arc_lock` feature, and [`OnceExt`] for `parking_lot::Once` with the
//! `parking_lot` feature.
//!
//! Each lock is first tried without blocking. Only if that fails does the thread detach
//! from the interpreter, wait for the lock, and re-attach holding it, so a thread that
//! holds the lock and needs the interpreter to release it can always make progress. These
//! locks cannot be poisoned, so the guard is returned as it is.

#[cfg(feature = "arc_lock")]
use std::sync::Arc;

#[cfg(feature = "arc_lock")]
use ::lock_api::{ArcMutexGuard, ArcReentrantMutexGuard, ArcRwLockReadGuard, ArcRwLockWriteGuard};
use ::lock_api::{
    GetThreadId, Mutex, MutexGuard, RawMutex, RawRwLock, ReentrantMutex, ReentrantMutexGuard,
    RwLock, RwLockReadGuard, RwLockWriteGuard,
};

use super::{private::Sealed, run_detached, MutexExt, RwLockExt};
use crate::Python;

impl<R, T> Sealed for Mutex<R, T> {}
impl<R, G, T> Sealed for ReentrantMutex<R, G, T> {}
impl<R, T> Sealed for RwLock<R, T> {}
#[cfg(feature = "arc_lock")]
impl<R, T> Sealed for Arc<Mutex<R, T>> {}
#[cfg(feature = "arc_lock")]
impl<R, G, T> Sealed for Arc<ReentrantMutex<R, G, T>> {}
#[cfg(feature = "arc_lock")]
impl<R, T> Sealed for Arc<RwLock<R, T>> {}
#[cfg(feature = "parking_lot")]
impl Sealed for parking_lot::Once {}

/// The guard from `try_lock` if the lock is free, else from `lock` awaited detached.
#[inline]
fn acquire<G>(py: Python<'_>, try_lock: impl FnOnce() -> Option<G>, lock: impl FnOnce() -> G) -> G {
    match try_lock() {
        Some(guard) => guard,
        None => run_detached(py, lock),
    }
}

impl<R: RawMutex, T> MutexExt<T> for Mutex<R, T> {
    type LockResult<'a>
        = MutexGuard<'a, R, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> MutexGuard<'_, R, T> {
        acquire(py, || self.try_lock(), || self.lock())
    }
}

impl<R, G, T> MutexExt<T> for ReentrantMutex<R, G, T>
where
    R: RawMutex,
    G: GetThreadId,
{
    type LockResult<'a>
        = ReentrantMutexGuard<'a, R, G, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> ReentrantMutexGuard<'_, R, G, T> {
        acquire(py, || self.try_lock(), || self.lock())
    }
}

impl<R: RawRwLock, T> RwLockExt<T> for RwLock<R, T> {
    type ReadLockResult<'a>
        = RwLockReadGuard<'a, R, T>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = RwLockWriteGuard<'a, R, T>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
        acquire(py, || self.try_read(), || self.read())
    }

    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
        acquire(py, || self.try_write(), || self.write())
    }
}

#[cfg(feature = "arc_lock")]
impl<R, T> MutexExt<T> for Arc<Mutex<R, T>>
where
    R: RawMutex,
{
    type LockResult<'a>
        = ArcMutexGuard<R, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> ArcMutexGuard<R, T> {
        acquire(py, || self.try_lock_arc(), || self.lock_arc())
    }
}

#[cfg(feature = "arc_lock")]
impl<R, G, T> MutexExt<T> for Arc<ReentrantMutex<R, G, T>>
where
    R: RawMutex,
    G: GetThreadId,
{
    type LockResult<'a>
        = ArcReentrantMutexGuard<R, G, T>
    where
        Self: 'a;

    fn lock_py_attached(&self, py: Python<'_>) -> ArcReentrantMutexGuard<R, G, T> {
        acquire(py, || self.try_lock_arc(), || self.lock_arc())
    }
}

#[cfg(feature = "arc_lock")]
impl<R, T> RwLockExt<T> for Arc<RwLock<R, T>>
where
    R: RawRwLock,
{
    type ReadLockResult<'a>
        = ArcRwLockReadGuard<R, T>
    where
        Self: 'a;
    type WriteLockResult<'a>
        = ArcRwLockWriteGuard<R, T>
    where
        Self: 'a;

    fn read_py_attached(&self, py: Python<'_>) -> Self::ReadLockResult<'_> {
        acquire(py, || self.try_read_arc(), || self.read_arc())
    }

    fn write_py_attached(&self, py: Python<'_>) -> Self::WriteLockResult<'_> {
        acquire(py, || self.try_write_arc(), || self.write_arc())
    }
}

#[cfg(feature = "parking_lot")]
impl super::OnceExt for parking_lot::Once {
    type OnceState = parking_lot::OnceState;

    fn call_once_py_attached(&self, py: Python<'_>, f: impl FnOnce()) {
        if self.state().done() {
            return;
        }
        // Wait detached for a concurrent initialiser; run ours attached again.
        run_detached(py, || self.call_once(|| Python::attach(|_| f())));
    }

    fn call_once_force_py_attached(&self, py: Python<'_>, f: impl FnOnce(&parking_lot::OnceState)) {
        if self.state().done() {
            return;
        }
        run_detached(py, || {
            self.call_once_force(|state| Python::attach(|_| f(&state)))
        });
    }
}
