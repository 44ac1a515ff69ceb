//! Many Python threads calling in at once (tested by `tests/test_free_threading.py`): a
//! shared class mutated through `borrow_mut` and under `with_critical_section`, threads that
//! detach and attach again on every call, references dropped while detached, a
//! `PyOnceLock` raced for, Rust threads attaching on their own; plus a second module, `pyo3_pytests_gil`, that keeps PyO3's
//! default `gil_used = true` (the main module declares `gil_used = false`).

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::sync::{with_critical_section, PyOnceLock};

/// A counter shared by every thread of a test.
#[pyclass(module = "pyo3_pytests")]
pub struct SharedCounter {
    #[pyo3(get)]
    value: u64,
    /// How often an exclusive borrow was refused because another thread held one.
    #[pyo3(get)]
    conflicts: u64,
}

#[pymethods]
impl SharedCounter {
    #[new]
    fn new() -> Self {
        SharedCounter {
            value: 0,
            conflicts: 0,
        }
    }
}

/// How often `ONCE`'s initialiser ran.
static ONCE_INITS: AtomicUsize = AtomicUsize::new(0);
static ONCE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Detaches, drops a new reference to `token` while detached (so its decrement is deferred
/// to the pool), and attaches again from inside the detached closure, which applies it.
fn detach_and_attach(py: Python<'_>, token: &Bound<'_, PyAny>) {
    let extra = token.clone().unbind();
    py.detach(move || {
        drop(extra);
        Python::attach(|py| {
            ONCE.get_or_init(py, || {
                ONCE_INITS.fetch_add(1, Ordering::SeqCst);
                py.None()
            });
        });
    });
}

/// One increment through `try_borrow_mut`, retried (detached in between) while another
/// thread holds the borrow: on the free-threaded build, threads really overlap.
#[pyfunction]
fn hammer_borrow_mut(
    py: Python<'_>,
    counter: &Bound<'_, SharedCounter>,
    token: &Bound<'_, PyAny>,
) -> PyResult<()> {
    detach_and_attach(py, token);
    let mut refused = 0;
    loop {
        match counter.try_borrow_mut() {
            Ok(mut guard) => {
                guard.value += 1;
                guard.conflicts += refused;
                return Ok(());
            }
            Err(_) => {
                refused += 1;
                py.detach(std::thread::yield_now);
            }
        }
    }
}

/// One increment under the object's critical section, where `borrow_mut` cannot conflict.
#[pyfunction]
fn hammer_critical_section(
    py: Python<'_>,
    counter: &Bound<'_, SharedCounter>,
    token: &Bound<'_, PyAny>,
) -> PyResult<()> {
    detach_and_attach(py, token);
    with_critical_section(counter.as_any(), || {
        let mut guard = counter.borrow_mut();
        guard.value += 1;
    });
    Ok(())
}

/// `threads` Rust threads (unknown to Python until they first attach), each attaching
/// `rounds` times to increment the counter under its critical section, and each round
/// dropping a new reference to `token` while not attached (into the deferred pool, which
/// the end of `detach` drains).
#[pyfunction]
fn hammer_from_rust_threads(
    py: Python<'_>,
    counter: &Bound<'_, SharedCounter>,
    token: &Bound<'_, PyAny>,
    threads: usize,
    rounds: usize,
) {
    let counter = counter.clone().unbind();
    let token = token.clone().unbind();
    py.detach(|| {
        std::thread::scope(|scope| {
            for _ in 0..threads {
                scope.spawn(|| {
                    for _ in 0..rounds {
                        let extra = Python::attach(|py| {
                            let counter = counter.bind(py);
                            with_critical_section(counter.as_any(), || {
                                counter.borrow_mut().value += 1;
                            });
                            token.clone_ref(py)
                        });
                        drop(extra);
                    }
                });
            }
        });
    });
}

/// How often the shared `PyOnceLock`'s initialiser ran (at most once, however many raced).
#[pyfunction]
fn once_inits() -> usize {
    ONCE_INITS.load(Ordering::SeqCst)
}

/// Whether this library was compiled for the free-threaded build: the `Py_GIL_DISABLED` cfg
/// that `pyo3_build_config::use_pyo3_cfgs` sets from the interpreter.
#[pyfunction]
fn built_gil_disabled() -> bool {
    cfg!(Py_GIL_DISABLED)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<SharedCounter>()?;
    m.add_function(wrap_pyfunction!(built_gil_disabled, m)?)?;
    m.add_function(wrap_pyfunction!(hammer_borrow_mut, m)?)?;
    m.add_function(wrap_pyfunction!(hammer_critical_section, m)?)?;
    m.add_function(wrap_pyfunction!(once_inits, m)?)?;
    m.add_function(wrap_pyfunction!(hammer_from_rust_threads, m)?)?;
    Ok(())
}

/// A second module in the same library (`PyInit_pyo3_pytests_gil`), with PyO3's default
/// `gil_used = true`: importing it makes a free-threaded interpreter enable the GIL.
#[pymodule]
fn pyo3_pytests_gil(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ANSWER", 42)
}
