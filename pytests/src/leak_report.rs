//! Deliberate leaks for the leak report (`PYO3_LEAK_REPORT=1`, tests/test_leak_report.py):
//! a class whose reference cycles the garbage collector cannot see, a reference that is
//! never released, and a decrement deferred from a thread that is not attached.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use pyo3::prelude::*;

/// A node that can point at another without telling the garbage collector (no
/// `__traverse__`), so a cycle of them is never collected.
#[pyclass(module = "pyo3_pytests", subclass)]
pub struct LeakyNode {
    other: Option<Py<LeakyNode>>,
}

#[pymethods]
impl LeakyNode {
    #[new]
    fn new() -> Self {
        LeakyNode { other: None }
    }

    /// Points this node at `other` (a strong reference).
    fn link(&mut self, other: Py<LeakyNode>) {
        self.other = Some(other);
    }
}

/// A Rust subclass: its instances count under `LeakyChild`, not `LeakyNode`.
#[pyclass(module = "pyo3_pytests", extends = LeakyNode)]
pub struct LeakyChild {}

#[pymethods]
impl LeakyChild {
    #[new]
    fn new() -> (Self, LeakyNode) {
        (LeakyChild {}, LeakyNode::new())
    }
}

/// Takes a strong reference to `obj` and never releases it.
#[pyfunction]
fn leak_reference(obj: Py<PyAny>) {
    std::mem::forget(obj);
}

/// Drops a reference to `obj` on a new thread, which is never attached, so the decrement
/// is deferred until Python next calls into Rust. The drop must come after this call has
/// returned (a call applies the deferred decrements on its way out), and Python must be
/// able to wait for it without calling into Rust: the thread waits for the file `go` to
/// exist, drops `obj`, then creates the file `done`.
#[pyfunction]
fn drop_detached_when(obj: Py<PyAny>, go: PathBuf, done: PathBuf) {
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !go.exists() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        drop(obj);
        // If this fails, Python's wait for `done` times out and the test reports it.
        let _ = std::fs::write(&done, b"");
    });
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<LeakyNode>()?;
    m.add_class::<LeakyChild>()?;
    m.add_function(wrap_pyfunction!(leak_reference, m)?)?;
    m.add_function(wrap_pyfunction!(drop_detached_when, m)?)?;
    Ok(())
}
