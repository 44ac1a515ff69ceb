//! `async fn`s exposed to Python (feature `experimental-async`), awaited from asyncio in
//! tests/test_coroutines.py: completion, exceptions both ways, cancellation, and Rust
//! futures woken from another thread or by an asyncio future.

use std::future::{poll_fn, Future};
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::thread;
use std::time::Duration;

use pyo3::coroutine::CancelHandle;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A flag and the task waiting for it.
type Signal = Arc<Mutex<(bool, Option<Waker>)>>;

fn raise(signal: &Signal) {
    let waker = {
        let mut state = signal.lock().unwrap();
        state.0 = true;
        state.1.take()
    };
    if let Some(waker) = waker {
        waker.wake();
    }
}

/// Completes once `signal` is raised.
async fn raised(signal: Signal) {
    poll_fn(|cx| {
        let mut state = signal.lock().unwrap();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

/// Completes `seconds` later; a plain thread does the waiting.
async fn rust_sleep(seconds: f64) {
    let signal = Signal::default();
    let timer = Arc::clone(&signal);
    thread::spawn(move || {
        thread::sleep(Duration::from_secs_f64(seconds));
        raise(&timer);
    });
    raised(signal).await
}

#[pyfunction]
async fn async_answer() -> u32 {
    42
}

#[pyfunction]
async fn async_nothing() {}

#[pyfunction]
async fn async_sleep(seconds: f64, value: Py<PyAny>) -> Py<PyAny> {
    rust_sleep(seconds).await;
    value
}

#[pyfunction]
async fn async_fail(message: String) -> PyResult<u32> {
    rust_sleep(0.001).await;
    Err(PyValueError::new_err(message))
}

#[pyfunction]
async fn async_panic() {
    panic!("panic in a future");
}

/// Sleeps unless cancelled first; says which happened.
#[pyfunction]
async fn async_cancellable(
    seconds: f64,
    #[pyo3(cancel_handle)] mut cancel: CancelHandle,
) -> String {
    let mut sleep = std::pin::pin!(rust_sleep(seconds));
    poll_fn(|cx| {
        if let Poll::Ready(exception) = cancel.poll_cancelled(cx) {
            let name = Python::attach(|py| {
                exception
                    .bind(py)
                    .get_type()
                    .name()
                    .map(|name| name.to_string())
            });
            return Poll::Ready(format!("cancelled by {}", name.unwrap_or_default()));
        }
        sleep.as_mut().poll(cx).map(|()| "slept".to_owned())
    })
    .await
}

/// Sleeps in short steps until cancelled, and returns the thrown exception.
#[pyfunction]
async fn async_until_cancelled(#[pyo3(cancel_handle)] mut cancel: CancelHandle) -> Py<PyAny> {
    while !cancel.is_cancelled() {
        rust_sleep(0.001).await;
    }
    cancel.cancelled().await
}

/// A flag that Python raises and a Rust future waits for.
#[pyclass(frozen)]
struct AsyncEvent {
    signal: Signal,
}

#[pymethods]
impl AsyncEvent {
    #[new]
    fn new() -> Self {
        AsyncEvent {
            signal: Signal::default(),
        }
    }

    fn set(&self) {
        raise(&self.signal);
    }

    /// Waits for `set`, then returns `value`.
    async fn wait(&self, value: u32) -> u32 {
        raised(Arc::clone(&self.signal)).await;
        value
    }
}

/// Holds a total; its async methods borrow it for as long as their coroutine lives.
#[pyclass]
struct AsyncAccount {
    total: i64,
}

#[pymethods]
impl AsyncAccount {
    #[new]
    fn new() -> Self {
        AsyncAccount { total: 0 }
    }

    async fn total(&self) -> i64 {
        self.total
    }

    async fn deposit(&mut self, amount: i64) -> i64 {
        rust_sleep(0.001).await;
        self.total += amount;
        self.total
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(async_answer, m)?)?;
    m.add_function(wrap_pyfunction!(async_nothing, m)?)?;
    m.add_function(wrap_pyfunction!(async_sleep, m)?)?;
    m.add_function(wrap_pyfunction!(async_fail, m)?)?;
    m.add_function(wrap_pyfunction!(async_panic, m)?)?;
    m.add_function(wrap_pyfunction!(async_cancellable, m)?)?;
    m.add_function(wrap_pyfunction!(async_until_cancelled, m)?)?;
    m.add_class::<AsyncEvent>()?;
    m.add_class::<AsyncAccount>()?;
    Ok(())
}
