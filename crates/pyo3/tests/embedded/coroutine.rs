//! `async fn` exposed to Python (feature `experimental-async`): the `Coroutine` object,
//! asyncio driving it, exceptions both ways, cancellation, receivers held by the future.

use std::ffi::CString;
use std::future::{poll_fn, Future};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Poll, Waker};
use std::thread;
use std::time::Duration;

use pyo3::coroutine::CancelHandle;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A future that completes `seconds` later, woken from another thread.
async fn rust_sleep(seconds: f64) {
    let state: Arc<Mutex<(bool, Option<Waker>)>> = Arc::default();
    let timer = Arc::clone(&state);
    thread::spawn(move || {
        thread::sleep(Duration::from_secs_f64(seconds));
        let waker = {
            let mut state = timer.lock().unwrap();
            state.0 = true;
            state.1.take()
        };
        // Woken outside the lock: waking attaches to the interpreter, whose holder may be
        // polling this very future and waiting for the lock.
        if let Some(waker) = waker {
            waker.wake();
        }
    });
    poll_fn(|cx| {
        let mut state = state.lock().unwrap();
        if state.0 {
            Poll::Ready(())
        } else {
            state.1 = Some(cx.waker().clone());
            Poll::Pending
        }
    })
    .await
}

#[pyfunction]
async fn answer() -> usize {
    42
}

#[pyfunction]
async fn nothing() {}

#[pyfunction]
async fn echo(value: Py<PyAny>) -> Py<PyAny> {
    rust_sleep(0.001).await;
    value
}

#[pyfunction]
async fn sleep_then(seconds: f64, value: String) -> String {
    rust_sleep(seconds).await;
    value
}

#[pyfunction]
async fn yield_once() -> (u8, u8) {
    let mut woken = false;
    poll_fn(|cx| {
        if woken {
            Poll::Ready((4, 2))
        } else {
            woken = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

#[pyfunction]
async fn fail(message: String) -> PyResult<u8> {
    rust_sleep(0.001).await;
    Err(PyValueError::new_err(message))
}

#[pyfunction]
async fn panics() {
    panic!("async panic");
}

#[pyfunction]
async fn cancellable(seconds: f64, #[pyo3(cancel_handle)] mut cancel: CancelHandle) -> String {
    let mut sleep = std::pin::pin!(rust_sleep(seconds));
    poll_fn(|cx| {
        if let Poll::Ready(exc) = cancel.poll_cancelled(cx) {
            return Poll::Ready(Python::attach(|py| {
                format!("cancelled by {}", exc.bind(py).get_type().name().unwrap())
            }));
        }
        sleep.as_mut().poll(cx).map(|()| "slept".to_owned())
    })
    .await
}

#[pyfunction]
async fn poll_until_cancelled(#[pyo3(cancel_handle)] cancel: CancelHandle) -> u32 {
    let mut rounds = 0;
    while !cancel.is_cancelled() {
        rust_sleep(0.001).await;
        rounds += 1;
    }
    rounds
}

static COUNTER_DROPPED: AtomicBool = AtomicBool::new(false);

#[pyclass]
struct Counter(usize);

impl Drop for Counter {
    fn drop(&mut self) {
        COUNTER_DROPPED.store(true, Ordering::SeqCst);
    }
}

#[pymethods]
impl Counter {
    #[new]
    fn new() -> Self {
        Counter(0)
    }

    async fn get(&self) -> usize {
        self.0
    }

    async fn incr(&mut self, by: usize) -> usize {
        rust_sleep(0.001).await;
        self.0 += by;
        self.0
    }

    #[staticmethod]
    async fn double(x: u32) -> u32 {
        x * 2
    }

    async fn with_py_self(slf: Py<Self>) -> usize {
        Python::attach(|py| slf.borrow(py).0)
    }
}

#[pyclass(frozen, name = "Frozen")]
struct FrozenValue(u32);

#[pymethods]
impl FrozenValue {
    #[new]
    fn new(value: u32) -> Self {
        FrozenValue(value)
    }

    async fn value(&self) -> u32 {
        self.0
    }
}

/// Runs `code` with the functions above as globals; returns the error if it raised.
fn run(py: Python<'_>, code: &str) -> PyResult<()> {
    let globals = PyDict::new(py);
    globals.set_item("asyncio", py.import("asyncio")?)?;
    macro_rules! add {
        ($($f:ident),*) => {$(globals.set_item(stringify!($f), wrap_pyfunction!($f, py)?)?;)*};
    }
    add!(
        answer,
        echo,
        nothing,
        sleep_then,
        yield_once,
        fail,
        panics,
        cancellable,
        poll_until_cancelled
    );
    globals.set_item("Counter", py.get_type::<Counter>())?;
    globals.set_item("Frozen", py.get_type::<FrozenValue>())?;
    let code = CString::new(code).unwrap();
    py.run(&code, Some(&globals), None)
}

#[test]
fn runs_to_completion() {
    Python::attach(|py| {
        run(
            py,
            "assert asyncio.run(answer()) == 42\n\
             assert asyncio.run(nothing()) == ()\n\
             assert asyncio.run(yield_once()) == (4, 2)\n\
             assert asyncio.run(sleep_then(0.01, 'done')) == 'done'\n\
             async def both():\n\
             \x20   return await asyncio.gather(sleep_then(0.02, 'a'), sleep_then(0.01, 'b'))\n\
             assert asyncio.run(both()) == ['a', 'b']\n",
        )
        .unwrap();
    });
}

#[test]
fn coroutine_object() {
    Python::attach(|py| {
        run(
            py,
            "c = answer()\n\
             assert type(c).__name__ == 'Coroutine'\n\
             assert c.__name__ == 'answer' and c.__qualname__ == 'answer'\n\
             m = Counter().get()\n\
             assert m.__name__ == 'get' and m.__qualname__ == 'Counter.get'\n\
             assert Frozen(1).value().__qualname__ == 'Frozen.value'\n\
             assert c.__await__() is c\n\
             try:\n\
             \x20   c.send(None)\n\
             except StopIteration as e:\n\
             \x20   assert e.value == 42\n\
             else:\n\
             \x20   raise AssertionError\n\
             m.close()\n",
        )
        .unwrap();
        let err = run(py, "c = answer()\nasyncio.run(c)\nc.send(None)").unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "cannot reuse already awaited coroutine"
        );
    });
}

#[test]
fn errors_reach_python() {
    Python::attach(|py| {
        let err = run(py, "asyncio.run(fail('bad value'))").unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "bad value");

        // A `PanicException` fetched in Rust resumes the panic, so Python checks it.
        run(
            py,
            "try:\n\
             \x20   asyncio.run(panics())\n\
             except BaseException as e:\n\
             \x20   assert type(e).__name__ == 'PanicException', type(e)\n\
             \x20   assert str(e) == 'async panic'\n\
             else:\n\
             \x20   raise AssertionError\n",
        )
        .unwrap();
    });
}

#[test]
fn throw_without_handle_drops_the_future() {
    Python::attach(|py| {
        let err = run(py, "c = sleep_then(10.0, 'x')\nc.throw(KeyError('k'))").unwrap_err();
        assert_eq!(err.get_type(py).name().unwrap(), "KeyError");
        run(
            py,
            "async def main():\n\
             \x20   task = asyncio.ensure_future(sleep_then(10.0, 'x'))\n\
             \x20   await asyncio.sleep(0)\n\
             \x20   task.cancel()\n\
             \x20   try:\n\
             \x20       await task\n\
             \x20   except asyncio.CancelledError:\n\
             \x20       return 'cancelled'\n\
             assert asyncio.run(main()) == 'cancelled'\n",
        )
        .unwrap();
    });
}

#[test]
fn cancel_handle_sees_the_exception() {
    Python::attach(|py| {
        run(
            py,
            "async def main(f, *args):\n\
             \x20   task = asyncio.ensure_future(f(*args))\n\
             \x20   await asyncio.sleep(0.01)\n\
             \x20   task.cancel()\n\
             \x20   return await task\n\
             assert asyncio.run(main(cancellable, 10.0)) == 'cancelled by CancelledError'\n\
             assert asyncio.run(main(poll_until_cancelled)) >= 1\n\
             assert asyncio.run(cancellable(0.001)) == 'slept'\n",
        )
        .unwrap();
    });
}

#[test]
fn no_running_loop() {
    Python::attach(|py| {
        let err = run(py, "sleep_then(1.0, 'x').send(None)").unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(err.value(py).to_string(), "no running event loop");
    });
}

#[test]
fn receivers_stay_borrowed() {
    Python::attach(|py| {
        run(
            py,
            "obj = Counter()\n\
             first = obj.get()\n\
             second = obj.get()\n\
             try:\n\
             \x20   obj.incr(1)\n\
             except RuntimeError as e:\n\
             \x20   assert str(e) == 'Already borrowed', str(e)\n\
             else:\n\
             \x20   raise AssertionError\n\
             assert asyncio.run(first) == 0\n\
             second.close()\n\
             bump = obj.incr(5)\n\
             try:\n\
             \x20   obj.get()\n\
             except RuntimeError as e:\n\
             \x20   assert str(e) == 'Already mutably borrowed', str(e)\n\
             else:\n\
             \x20   raise AssertionError\n\
             assert asyncio.run(bump) == 5\n\
             assert asyncio.run(obj.get()) == 5\n\
             assert asyncio.run(obj.with_py_self()) == 5\n\
             assert asyncio.run(Counter.double(21)) == 42\n\
             assert asyncio.run(Frozen(7).value()) == 7\n\
             del obj, first, second, bump\n",
        )
        .unwrap();
    });
    assert!(COUNTER_DROPPED.load(Ordering::SeqCst));
}

#[test]
fn argument_errors_are_raised_at_the_call() {
    Python::attach(|py| {
        let err = run(py, "sleep_then('x', 'y')").unwrap_err();
        assert_eq!(err.get_type(py).name().unwrap(), "TypeError");
        assert_eq!(
            err.value(py).to_string(),
            "argument 'seconds': must be real number, not str"
        );
    });
}

#[test]
fn references_are_released() {
    Python::attach(|py| {
        run(
            py,
            "import sys\n\
             o = object()\n\
             before = sys.getrefcount(o)\n\
             assert asyncio.run(echo(o)) is o\n\
             assert sys.getrefcount(o) == before\n\
             c = echo(o)\n\
             assert sys.getrefcount(o) == before + 1\n\
             del c\n\
             assert sys.getrefcount(o) == before\n\
             c = echo(o)\n\
             c.close()\n\
             assert sys.getrefcount(o) == before\n\
             c = echo(o)\n\
             try:\n\
             \x20   c.throw(KeyError('k'))\n\
             except KeyError:\n\
             \x20   pass\n\
             assert sys.getrefcount(o) == before\n",
        )
        .unwrap();
    });
}

#[test]
fn coroutine_type() {
    use pyo3::coroutine::Coroutine;
    use pyo3::PyTypeInfo;

    Python::attach(|py| {
        assert_eq!(Coroutine::NAME, "Coroutine");
        let coroutine = wrap_pyfunction!(answer, py).unwrap().call0().unwrap();
        assert!(Coroutine::is_exact_type_of(&coroutine));
        assert!(coroutine.is_instance_of::<Coroutine>());
        assert!(!Coroutine::is_type_of(&py.None().into_bound(py)));
        coroutine.call_method0("close").unwrap();
    });
}
