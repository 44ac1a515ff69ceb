//! `Coroutine`: the Python awaitable that an `async fn` exposed with `#[pyfunction]` or
//! `#[pymethods]` returns (feature `experimental-async`).
//!
//! Each `send(None)` (or `next`) polls the wrapped Rust future once, with a waker from
//! [`waker`]. A finished future raises `StopIteration(result)`, as a Python coroutine
//! does; a pending one yields an `asyncio.Future` (or `None`) for the event loop to wait
//! on. `throw(exc)` hands the exception to the function's [`CancelHandle`] if it has one,
//! and otherwise drops the future and raises `exc` back.

use std::future::Future;
use std::panic::{self, AssertUnwindSafe};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use crate::exceptions::{PyAttributeError, PyRuntimeError, PyStopIteration};
use crate::panic::PanicException;
use crate::types::{PyString, PyStringMethods};
use crate::{Bound, Py, PyAny, PyErr, PyResult, Python};

mod cancel;
mod waker;

pub use cancel::CancelHandle;
#[doc(hidden)]
pub use cancel::ThrowCallback;

use waker::AsyncioWaker;

/// The Rust future inside a coroutine, with its result already converted.
pub(crate) type BoxedFuture = Pin<Box<dyn Future<Output = PyResult<Py<PyAny>>> + Send>>;

/// A Python coroutine driving a Rust [`Future`].
///
/// `async fn`s exposed to Python return one; it is awaitable from `asyncio` (and any event
/// loop that accepts `asyncio.Future`s), and offers the coroutine methods `send`, `throw`
/// and `close`, plus `__name__` and `__qualname__` naming the function.
#[crate::pyclass(crate = "crate")]
pub struct Coroutine {
    name: Option<Py<PyString>>,
    qualname_prefix: Option<&'static str>,
    throw_callback: Option<ThrowCallback>,
    future: Option<BoxedFuture>,
}

// SAFETY: the future is only `Send`. Every access to it (`send`, `throw`, `close`,
// `__next__`) goes through `&mut self`, which the class's borrow flag makes exclusive, so
// sharing `&Coroutine` between threads never lets two threads touch the future at once.
unsafe impl Sync for Coroutine {}

const REUSED: &str = "cannot reuse already awaited coroutine";

impl Coroutine {
    /// Wraps `future` (non-generic: the generated code's generic part is in
    /// `impl_::coroutine`).
    pub(crate) fn from_parts(
        name: Option<Py<PyString>>,
        qualname_prefix: Option<&'static str>,
        throw_callback: Option<ThrowCallback>,
        future: BoxedFuture,
    ) -> Self {
        Coroutine {
            name,
            qualname_prefix,
            throw_callback,
            future: Some(future),
        }
    }

    /// One step of the coroutine: deliver `thrown`, then poll the future once.
    fn step(&mut self, py: Python<'_>, thrown: Option<Py<PyAny>>) -> PyResult<Py<PyAny>> {
        if self.future.is_none() {
            return Err(PyRuntimeError::new_err(REUSED));
        }
        if let Some(exception) = thrown {
            match &self.throw_callback {
                Some(callback) => callback.throw(exception),
                None => {
                    self.future = None;
                    return Err(PyErr::from_value(exception.into_bound(py)));
                }
            }
        }
        let waker = Arc::new(AsyncioWaker::new());
        let as_waker = Waker::from(Arc::clone(&waker));
        let future = self.future.as_mut().expect("checked above");
        // A panicking future is dropped below, so no broken state is observed afterwards.
        let polled = panic::catch_unwind(AssertUnwindSafe(|| {
            future.as_mut().poll(&mut Context::from_waker(&as_waker))
        }));
        match polled {
            Ok(Poll::Pending) => waker.yield_value(py),
            Ok(Poll::Ready(result)) => {
                self.future = None;
                Err(PyStopIteration::new_err((result?,)))
            }
            Err(payload) => {
                self.future = None;
                Err(PanicException::from_panic_payload(payload))
            }
        }
    }
}

#[crate::pymethods(crate = "crate")]
impl Coroutine {
    /// The function's name.
    #[getter]
    fn __name__(&self, py: Python<'_>) -> PyResult<Py<PyString>> {
        match &self.name {
            Some(name) => Ok(name.clone_ref(py)),
            None => Err(PyAttributeError::new_err("__name__")),
        }
    }

    /// The function's qualified name (`Class.method` for methods).
    #[getter]
    fn __qualname__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyString>> {
        let Some(name) = &self.name else {
            return Err(PyAttributeError::new_err("__qualname__"));
        };
        let name = name.bind(py);
        match self.qualname_prefix {
            Some(prefix) => Ok(PyString::new(py, &format!("{prefix}.{}", name.to_cow()?))),
            None => Ok(name.clone()),
        }
    }

    /// Runs the coroutine until it next suspends (the value sent is ignored).
    fn send(&mut self, py: Python<'_>, _value: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.step(py, None)
    }

    /// Throws `exc` into the coroutine.
    fn throw(&mut self, py: Python<'_>, exc: Py<PyAny>) -> PyResult<Py<PyAny>> {
        self.step(py, Some(exc))
    }

    /// Drops the Rust future; the coroutine cannot be resumed afterwards.
    fn close(&mut self) {
        self.future = None;
    }

    fn __await__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.step(py, None)
    }
}
