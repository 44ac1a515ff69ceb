//! `cpython/lock.h` (new in 3.13): the one-byte `PyMutex`, outside the limited API.
//! Checked against CPython 3.13.
//!
//! The struct itself is declared in `object.rs`, because the free-threaded object header
//! embeds one. The header's `PyMutex_Lock`/`PyMutex_Unlock` macros expand to inline
//! functions that try one compare-and-swap before calling the exported functions of the
//! same name; the exported functions start with that same attempt, so only they are
//! declared here.

use crate::object::PyMutex;

/// `_Py_UNLOCKED`: the value of `PyMutex._bits` when nobody holds the lock.
pub const _Py_UNLOCKED: u8 = 0;
/// `_Py_LOCKED`: the bit of `PyMutex._bits` that is set while the lock is held (the bit
/// above it records parked waiters).
pub const _Py_LOCKED: u8 = 1;

extern "C" {
    /// Blocks until the mutex is acquired; a thread attached to the interpreter detaches
    /// while it waits (so the GIL is released meanwhile).
    #[cfg(not(PyPy))]
    pub fn PyMutex_Lock(m: *mut PyMutex);
    /// Releases the mutex; a fatal error if it is not locked.
    #[cfg(not(PyPy))]
    pub fn PyMutex_Unlock(m: *mut PyMutex);
}

// PyMutex_IsLocked: added in 3.14, not declared while 3.13 is the newest supported version.
