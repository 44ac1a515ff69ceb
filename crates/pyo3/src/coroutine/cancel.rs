//! `CancelHandle`: how an `async fn` exposed to Python learns that its coroutine was
//! cancelled (an exception was thrown into it with `coroutine.throw(exc)`).

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Context, Poll, Waker};

use crate::{Py, PyAny};

/// What the coroutine and the handle share: the last exception thrown in and the task to
/// wake when one arrives.
#[derive(Debug, Default)]
struct Shared {
    thrown: Option<Py<PyAny>>,
    waiting: Option<Waker>,
}

fn lock(shared: &Mutex<Shared>) -> MutexGuard<'_, Shared> {
    // A poisoned lock only means a panic happened while it was held; the two fields are
    // still consistent (each is replaced whole), so keep going.
    shared.lock().unwrap_or_else(|poison| poison.into_inner())
}

/// Receives the exception thrown into the Python coroutine running an `async fn`.
///
/// Declare a parameter of this type with `#[pyo3(cancel_handle)]`; it takes no Python
/// argument. When Python calls `coroutine.throw(exc)` (asyncio does so to cancel a task,
/// with a `CancelledError`), the exception is handed to this handle instead of ending the
/// coroutine, and the Rust future decides what to do. Only the latest exception is kept.
///
/// # Examples
///
/// ```
/// use pyo3::coroutine::CancelHandle;
///
/// let handle = CancelHandle::new();
/// assert!(!handle.is_cancelled());
/// ```
#[derive(Debug, Default)]
pub struct CancelHandle(Arc<Mutex<Shared>>);

impl CancelHandle {
    /// A handle that nothing has been thrown into yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether an exception has been thrown in and not yet taken.
    pub fn is_cancelled(&self) -> bool {
        lock(&self.0).thrown.is_some()
    }

    /// Takes the thrown exception if there is one; otherwise registers `cx`'s waker to be
    /// woken when one is thrown, and returns `Poll::Pending`.
    pub fn poll_cancelled(&mut self, cx: &mut Context<'_>) -> Poll<Py<PyAny>> {
        let mut shared = lock(&self.0);
        if let Some(exception) = shared.thrown.take() {
            return Poll::Ready(exception);
        }
        match &shared.waiting {
            Some(waker) if waker.will_wake(cx.waker()) => {}
            _ => shared.waiting = Some(cx.waker().clone()),
        }
        Poll::Pending
    }

    /// Waits until an exception is thrown into the coroutine and returns it.
    pub async fn cancelled(&mut self) -> Py<PyAny> {
        WaitCancelled(self).await
    }

    /// The coroutine's side of the handle (called by generated code).
    #[doc(hidden)]
    pub fn throw_callback(&self) -> ThrowCallback {
        ThrowCallback(Arc::clone(&self.0))
    }
}

/// The future behind [`CancelHandle::cancelled`].
struct WaitCancelled<'a>(&'a mut CancelHandle);

impl Future for WaitCancelled<'_> {
    type Output = Py<PyAny>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Py<PyAny>> {
        self.0.poll_cancelled(cx)
    }
}

/// The coroutine's end of a [`CancelHandle`]: delivers thrown exceptions to it.
#[doc(hidden)]
pub struct ThrowCallback(Arc<Mutex<Shared>>);

impl ThrowCallback {
    /// Stores `exception` for the handle and wakes the task waiting on it, if any.
    pub(crate) fn throw(&self, exception: Py<PyAny>) {
        let waker = {
            let mut shared = lock(&self.0);
            shared.thrown = Some(exception);
            shared.waiting.take()
        };
        // Woken outside the lock: the waker may call back into code that takes it.
        if let Some(waker) = waker {
            waker.wake();
        }
    }
}
