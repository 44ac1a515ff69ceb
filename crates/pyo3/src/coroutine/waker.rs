//! The waker given to the Rust future of a [`Coroutine`](super::Coroutine): waking it
//! resolves an `asyncio.Future` that the coroutine handed to the event loop, so the task
//! awaiting the coroutine is scheduled again.
//!
//! The `asyncio.Future` is made only when the Rust future stays pending after a poll. A
//! wake that comes during the poll itself needs no event-loop future: the coroutine then
//! yields `None`, which asyncio treats as "run me again soon" (as `asyncio.sleep(0)`).

use std::sync::{Arc, Mutex, MutexGuard};
use std::task::Wake;

use crate::sync::PyOnceLock;
use crate::types::{PyAnyMethods, PyCFunction};
use crate::{intern, Bound, Py, PyAny, PyResult, Python};

/// Where one poll of the coroutine stands, as far as waking is concerned.
enum State {
    /// The Rust future is being polled; nothing woke it yet.
    Polling,
    /// Woken before an `asyncio.Future` was needed.
    WokenEarly,
    /// The coroutine yielded this future to the event loop; waking resolves it.
    Waiting(Arc<LoopFuture>),
}

/// The waker of one poll of a coroutine.
pub(crate) struct AsyncioWaker(Mutex<State>);

impl AsyncioWaker {
    /// A waker for a poll that is about to start.
    pub(crate) fn new() -> Self {
        AsyncioWaker(Mutex::new(State::Polling))
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // Each transition writes the state whole, so a poisoned lock is still consistent.
        self.0.lock().unwrap_or_else(|poison| poison.into_inner())
    }

    /// After a poll that returned `Pending`: the object the coroutine should yield to the
    /// event loop. That is `None` if the future was woken during the poll, else a fresh
    /// `asyncio.Future` of the running loop (as its `__await__` yields it) that a later
    /// wake resolves.
    pub(crate) fn yield_value(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        if matches!(*self.state(), State::WokenEarly) {
            return Ok(py.None());
        }
        // The event loop is called without holding the lock: a wake from another thread
        // may hold the interpreter and wait for the lock meanwhile.
        let waiting = Arc::new(LoopFuture::new(py)?);
        let yielded = waiting
            .future
            .bind(py)
            .call_method0(intern!(py, "__await__"))?
            .call_method0(intern!(py, "__next__"))?
            .unbind();
        let mut state = self.state();
        if matches!(*state, State::WokenEarly) {
            drop(state);
            return Ok(py.None());
        }
        *state = State::Waiting(waiting);
        Ok(yielded)
    }
}

impl Wake for AsyncioWaker {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        let waiting = {
            let mut state = self.state();
            match &*state {
                State::Polling => {
                    *state = State::WokenEarly;
                    None
                }
                State::WokenEarly => None,
                State::Waiting(waiting) => Some(Arc::clone(waiting)),
            }
        };
        if let Some(waiting) = waiting {
            Python::attach(|py| {
                if let Err(err) = waiting.resolve(py) {
                    err.write_unraisable(py, None);
                }
            });
        }
    }
}

/// An `asyncio.Future` and the event loop it belongs to.
struct LoopFuture {
    event_loop: Py<PyAny>,
    future: Py<PyAny>,
}

impl LoopFuture {
    /// A new future of the running event loop (`RuntimeError` if there is none).
    fn new(py: Python<'_>) -> PyResult<Self> {
        static GET_RUNNING_LOOP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        let get_running_loop = GET_RUNNING_LOOP.get_or_try_init(py, || {
            py.import("asyncio")?
                .getattr("get_running_loop")
                .map(Bound::unbind)
        })?;
        let event_loop = get_running_loop.call0(py)?;
        let future = event_loop.call_method0(py, intern!(py, "create_future"))?;
        Ok(LoopFuture { event_loop, future })
    }

    /// Schedules `future.set_result(None)` on the loop's own thread, as asyncio requires
    /// (a wake may come from any thread). A closed loop has nobody left to wake.
    fn resolve(&self, py: Python<'_>) -> PyResult<()> {
        static RELEASE: PyOnceLock<Py<PyCFunction>> = PyOnceLock::new();
        let release = RELEASE.get_or_try_init(py, || {
            crate::wrap_pyfunction!(release_waiter, py).map(Bound::unbind)
        })?;
        let scheduled = self.event_loop.call_method1(
            py,
            intern!(py, "call_soon_threadsafe"),
            (release.clone_ref(py), self.future.clone_ref(py)),
        );
        match scheduled {
            Ok(_) => Ok(()),
            Err(err) => {
                let closed = self.event_loop.call_method0(py, intern!(py, "is_closed"))?;
                if closed.extract::<bool>(py)? {
                    Ok(())
                } else {
                    Err(err)
                }
            }
        }
    }
}

/// Resolves `future` with `None` unless it is already done (the task may have been
/// cancelled in between).
#[crate::pyfunction(crate = "crate")]
fn release_waiter(future: &Bound<'_, PyAny>) -> PyResult<()> {
    let py = future.py();
    if !future
        .call_method0(intern!(py, "done"))?
        .extract::<bool>()?
    {
        future.call_method1(intern!(py, "set_result"), (py.None(),))?;
    }
    Ok(())
}
