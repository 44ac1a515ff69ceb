//! Conversions of the optional crates hashbrown, indexmap, smallvec, either, bytes, anyhow,
//! eyre and serde, the lock_api/parking_lot lock extensions and `py-clone`, exercised from
//! Python (`tests/test_integrations_collections.py`).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use bytes::Bytes;
use either::Either;
use indexmap::IndexMap;
use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::{MutexExt, OnceExt, RwLockExt};
use pyo3::types::PyDict;
use smallvec::SmallVec;

#[pyfunction]
fn hashbrown_map_rt(map: hashbrown::HashMap<String, i64>) -> hashbrown::HashMap<String, i64> {
    map
}

#[pyfunction]
fn hashbrown_set_rt(set: hashbrown::HashSet<i64>) -> hashbrown::HashSet<i64> {
    set
}

/// The sum of the values, computed from a borrowed map (the `&HashMap` conversion).
#[pyfunction]
fn hashbrown_map_ref<'py>(
    py: Python<'py>,
    map: hashbrown::HashMap<String, Vec<u8>>,
) -> PyResult<Bound<'py, PyDict>> {
    (&map).into_pyobject(py)
}

#[pyfunction]
fn indexmap_rt(map: IndexMap<String, i64>) -> IndexMap<String, i64> {
    map
}

/// The keys as Rust saw them, in the map's order.
#[pyfunction]
fn indexmap_keys(map: IndexMap<String, i64>) -> Vec<String> {
    map.into_keys().collect()
}

/// The map re-ordered by value in Rust, so Python can see the order carried out.
#[pyfunction]
fn indexmap_sorted_by_value(mut map: IndexMap<String, i64>) -> IndexMap<String, i64> {
    map.sort_by(|_, a, _, b| a.cmp(b));
    map
}

#[pyfunction]
fn smallvec_rt(items: SmallVec<[i64; 4]>) -> SmallVec<[i64; 4]> {
    items
}

/// Whether the extracted vector outgrew its inline storage of 4.
#[pyfunction]
fn smallvec_spilled(items: SmallVec<[i64; 4]>) -> bool {
    items.spilled()
}

#[pyfunction]
fn smallvec_bytes(items: SmallVec<[u8; 8]>) -> SmallVec<[u8; 8]> {
    items
}

#[pyfunction]
fn either_rt(value: Either<i64, String>) -> Either<i64, String> {
    value
}

#[pyfunction]
fn either_side(value: Either<f64, i64>) -> &'static str {
    match value {
        Either::Left(_) => "left",
        Either::Right(_) => "right",
    }
}

#[pyfunction]
fn bytes_rt(data: Bytes) -> Bytes {
    data
}

/// A slice of the extracted buffer (a view, no copy), returned as a new `bytes`.
#[pyfunction]
fn bytes_slice(data: Bytes, start: usize, end: usize) -> Bytes {
    data.slice(start..end)
}

#[pyfunction]
fn bytes_static() -> Bytes {
    Bytes::from_static(b"static\x00data")
}

fn io_failure() -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::PermissionDenied,
        "oh no!",
    ))
}

/// Fails in the way named by `kind`, through `anyhow`.
#[pyfunction]
fn anyhow_fail(kind: &str) -> anyhow::Result<()> {
    use anyhow::Context as _;
    match kind {
        "pyerr" => Err(PyKeyError::new_err("missing").into()),
        "pyerr-context" => {
            Err(anyhow::Error::from(PyValueError::new_err("bad value")).context("while checking"))
        }
        "chain" => Ok(io_failure()
            .context("inner step failed")
            .context("outer step failed")?),
        "question-mark" => {
            let n: u16 = "seventy".parse()?;
            Err(anyhow::anyhow!("unreachable {n}"))
        }
        other => Err(anyhow::anyhow!("plain failure: {other}")),
    }
}

/// Fails in the way named by `kind`, through `eyre`.
#[pyfunction]
fn eyre_fail(kind: &str) -> eyre::Result<()> {
    use eyre::WrapErr as _;
    match kind {
        "pyerr" => Err(PyKeyError::new_err("missing").into()),
        "pyerr-context" => {
            Err(eyre::Report::from(PyValueError::new_err("bad value")).wrap_err("while checking"))
        }
        "chain" => Ok(io_failure()
            .wrap_err("inner step failed")
            .wrap_err("outer step failed")?),
        other => Err(eyre::eyre!("plain failure: {other}")),
    }
}

/// A `#[pyclass]` that serde (de)serializes through `Py<SerdePoint>`.
#[pyclass(get_all, set_all)]
#[derive(serde::Serialize, serde::Deserialize)]
struct SerdePoint {
    x: i32,
    y: i32,
}

#[pymethods]
impl SerdePoint {
    #[new]
    fn new(x: i32, y: i32) -> Self {
        SerdePoint { x, y }
    }

    /// Serializes this very object while holding a mutable borrow of it.
    fn to_json_while_borrowed(slf: &Bound<'_, Self>) -> PyResult<String> {
        let _guard = slf.borrow_mut();
        let this: Py<SerdePoint> = slf.clone().unbind();
        serde_json::to_string(&this).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

#[pyfunction]
fn serde_to_json(points: Vec<Py<SerdePoint>>) -> PyResult<String> {
    serde_json::to_string(&points).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pyfunction]
fn serde_from_json(text: &str) -> PyResult<Vec<Py<SerdePoint>>> {
    serde_json::from_str(text).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Counters behind lock_api (parking_lot) locks, locked with the interpreter-aware
/// extension traits from many Python threads.
#[pyclass]
struct ParkingCounters {
    mutex: parking_lot::Mutex<i64>,
    arc_mutex: Arc<parking_lot::Mutex<i64>>,
    reentrant: parking_lot::ReentrantMutex<std::cell::Cell<i64>>,
    rwlock: parking_lot::RwLock<Vec<i64>>,
    arc_rwlock: Arc<parking_lot::RwLock<i64>>,
}

#[pymethods]
impl ParkingCounters {
    #[new]
    fn new() -> Self {
        ParkingCounters {
            mutex: parking_lot::Mutex::new(0),
            arc_mutex: Arc::new(parking_lot::Mutex::new(0)),
            reentrant: parking_lot::ReentrantMutex::new(std::cell::Cell::new(0)),
            rwlock: parking_lot::RwLock::new(Vec::new()),
            arc_rwlock: Arc::new(parking_lot::RwLock::new(0)),
        }
    }

    /// Adds `n` to every counter; `callback` (any Python callable) runs while the plain
    /// mutex is held, so a thread holding the lock needs the interpreter to go on.
    fn add(&self, py: Python<'_>, n: i64, callback: Bound<'_, PyAny>) -> PyResult<()> {
        {
            let mut guard = self.mutex.lock_py_attached(py);
            callback.call0()?;
            *guard += n;
        }
        *self.arc_mutex.lock_py_attached(py) += n;
        {
            let outer = self.reentrant.lock_py_attached(py);
            let inner = self.reentrant.lock_py_attached(py);
            inner.set(outer.get() + n);
        }
        self.rwlock.write_py_attached(py).push(n);
        *self.arc_rwlock.write_py_attached(py) += n;
        Ok(())
    }

    /// Every counter's value: the mutexes, the reentrant one, the rwlock's sum and length,
    /// the Arc rwlock.
    fn values(&self, py: Python<'_>) -> (i64, i64, i64, i64, usize, i64) {
        let items = self.rwlock.read_py_attached(py);
        (
            *self.mutex.lock_py_attached(py),
            *self.arc_mutex.lock_py_attached(py),
            self.reentrant.lock_py_attached(py).get(),
            items.iter().sum(),
            items.len(),
            *self.arc_rwlock.read_py_attached(py),
        )
    }
}

static PARKING_ONCE: parking_lot::Once = parking_lot::Once::new();
static PARKING_ONCE_CALLS: AtomicUsize = AtomicUsize::new(0);

/// Runs `init` (a Python callable) through a `parking_lot::Once` shared by every caller;
/// returns how many times an initialiser has run so far.
#[pyfunction]
fn parking_once(py: Python<'_>, init: Bound<'_, PyAny>) -> PyResult<usize> {
    let mut result = Ok(());
    PARKING_ONCE.call_once_py_attached(py, || {
        PARKING_ONCE_CALLS.fetch_add(1, Ordering::SeqCst);
        result = init.call0().map(drop);
    });
    result?;
    Ok(PARKING_ONCE_CALLS.load(Ordering::SeqCst))
}

/// Two clones of `obj` (`Clone for Py<T>` with the `py-clone` feature).
#[pyfunction]
fn py_clone_twice(obj: Py<PyAny>) -> (Py<PyAny>, Py<PyAny>) {
    (obj.clone(), obj.clone())
}

/// Clones `obj` while detached, which panics.
#[pyfunction]
fn py_clone_detached(py: Python<'_>, obj: Py<PyAny>) -> Py<PyAny> {
    py.detach(|| obj.clone())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(hashbrown_map_rt, m)?)?;
    m.add_function(wrap_pyfunction!(hashbrown_set_rt, m)?)?;
    m.add_function(wrap_pyfunction!(hashbrown_map_ref, m)?)?;
    m.add_function(wrap_pyfunction!(indexmap_rt, m)?)?;
    m.add_function(wrap_pyfunction!(indexmap_keys, m)?)?;
    m.add_function(wrap_pyfunction!(indexmap_sorted_by_value, m)?)?;
    m.add_function(wrap_pyfunction!(smallvec_rt, m)?)?;
    m.add_function(wrap_pyfunction!(smallvec_spilled, m)?)?;
    m.add_function(wrap_pyfunction!(smallvec_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(either_rt, m)?)?;
    m.add_function(wrap_pyfunction!(either_side, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_rt, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_slice, m)?)?;
    m.add_function(wrap_pyfunction!(bytes_static, m)?)?;
    m.add_function(wrap_pyfunction!(anyhow_fail, m)?)?;
    m.add_function(wrap_pyfunction!(eyre_fail, m)?)?;
    m.add_class::<SerdePoint>()?;
    m.add_function(wrap_pyfunction!(serde_to_json, m)?)?;
    m.add_function(wrap_pyfunction!(serde_from_json, m)?)?;
    m.add_class::<ParkingCounters>()?;
    m.add_function(wrap_pyfunction!(parking_once, m)?)?;
    m.add_function(wrap_pyfunction!(py_clone_twice, m)?)?;
    m.add_function(wrap_pyfunction!(py_clone_detached, m)?)?;
    Ok(())
}
