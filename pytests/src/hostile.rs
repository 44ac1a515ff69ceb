//! Hostile inputs for the std conversions and argument kinds (tests/test_hostile.py): each
//! function converts its arguments and hands the Rust values back, so the Python side can
//! check exactly what was accepted, what was rejected and with which exception.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::path::PathBuf;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList};
use pyo3::{PyTraverseError, PyVisit};

#[pyfunction]
fn h_to_i64(value: i64) -> i64 {
    value
}

#[pyfunction]
fn h_to_u8(value: u8) -> u8 {
    value
}

#[pyfunction]
fn h_to_u64(value: u64) -> u64 {
    value
}

#[pyfunction]
fn h_to_i128(value: i128) -> i128 {
    value
}

#[pyfunction]
fn h_to_usize(value: usize) -> usize {
    value
}

#[pyfunction]
fn h_to_f64(value: f64) -> f64 {
    value
}

#[pyfunction]
fn h_to_f32(value: f32) -> f32 {
    value
}

#[pyfunction]
fn h_to_bool(value: bool) -> bool {
    value
}

#[pyfunction]
fn h_to_char(value: char) -> char {
    value
}

#[pyfunction]
fn h_to_string(value: String) -> String {
    value
}

/// The length in bytes of the UTF-8 text of a `str` (kept alive, not copied).
#[pyfunction]
fn h_str_len(value: PyBackedStr) -> usize {
    value.len()
}

#[pyfunction]
fn h_cow_str(value: Cow<'_, str>) -> String {
    value.into_owned()
}

/// `&str` borrows the UTF-8 text of the `str` (not in the stable ABI before 3.10).
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
#[pyfunction]
fn h_str_ref(value: &str) -> String {
    value.to_owned()
}

#[pyfunction]
fn h_to_string_vec(value: Vec<String>) -> Vec<String> {
    value
}

/// `a == b` as Rust asks it (`rich_compare`, then the truth of the result).
#[pyfunction]
fn h_eq(a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<bool> {
    a.eq(b)
}

#[pyfunction]
fn h_to_byte_vec(value: Vec<u8>) -> Vec<u8> {
    value
}

/// The bytes borrowed from a `bytes` object, returned as a list of ints (not `bytes`).
#[pyfunction]
fn h_byte_slice(value: &[u8]) -> Vec<u16> {
    value.iter().map(|&b| u16::from(b)).collect()
}

#[pyfunction]
fn h_to_vec(value: Vec<i64>) -> Vec<i64> {
    value
}

#[pyfunction]
fn h_to_array(value: [i64; 3]) -> [i64; 3] {
    value
}

#[pyfunction]
fn h_to_pair(value: (i64, String)) -> (i64, String) {
    value
}

#[pyfunction]
fn h_to_hashmap(value: HashMap<String, i64>) -> BTreeMap<String, i64> {
    value.into_iter().collect()
}

#[pyfunction]
fn h_to_hashset(value: HashSet<i64>) -> Vec<i64> {
    let mut items: Vec<i64> = value.into_iter().collect();
    items.sort_unstable();
    items
}

#[pyfunction]
fn h_to_path(value: PathBuf) -> PathBuf {
    value
}

/// The raw bytes of an `OsString` (Unix only in the tests).
#[pyfunction]
fn h_os_bytes(value: OsString) -> Vec<u8> {
    value.into_encoded_bytes()
}

#[pyfunction]
fn h_to_option(value: Option<i64>) -> Option<i64> {
    value
}

/// Looks `key` up in `dict` (its `__hash__` and `__eq__` run).
#[pyfunction]
fn h_dict_lookup(dict: &Bound<'_, PyDict>, key: &Bound<'_, PyAny>) -> PyResult<Option<Py<PyAny>>> {
    Ok(dict.get_item(key)?.map(Bound::unbind))
}

/// Whether `list` contains `item` (each `__eq__` runs).
#[pyfunction]
fn h_list_contains(list: &Bound<'_, PyList>, item: &Bound<'_, PyAny>) -> PyResult<bool> {
    list.contains(item)
}

/// `hash(value)`.
#[pyfunction]
fn h_hash_of(value: &Bound<'_, PyAny>) -> PyResult<isize> {
    value.hash()
}

/// `len(value)`.
#[pyfunction]
fn h_len_of(value: &Bound<'_, PyAny>) -> PyResult<usize> {
    value.len()
}

/// Iterates over `dict`, calling `visit(key, value)` for each entry; `visit` may mutate it.
#[pyfunction]
fn h_visit_dict(dict: &Bound<'_, PyDict>, visit: &Bound<'_, PyAny>) -> PyResult<usize> {
    let mut seen = 0;
    for (key, value) in dict {
        visit.call1((key, value))?;
        seen += 1;
    }
    Ok(seen)
}

/// Iterates over `list`, calling `visit(item)` for each item; `visit` may mutate it.
#[pyfunction]
fn h_visit_list(list: &Bound<'_, PyList>, visit: &Bound<'_, PyAny>) -> PyResult<usize> {
    let mut seen = 0;
    for item in list {
        visit.call1((item,))?;
        seen += 1;
    }
    Ok(seen)
}

/// Iterates over any iterable, collecting what it yields.
#[pyfunction]
fn h_collect_iter(value: &Bound<'_, PyAny>) -> PyResult<Vec<Py<PyAny>>> {
    value
        .try_iter()?
        .map(|item| item.map(Bound::unbind))
        .collect()
}

/// A class whose methods call back into Python while `self` is borrowed. The callback
/// often refers to the object itself, so the class takes part in garbage collection.
#[pyclass(module = "pyo3_pytests")]
pub struct Reentrant {
    value: i64,
    callback: Option<Py<PyAny>>,
}

impl Reentrant {
    fn callback<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match &self.callback {
            Some(callback) => Ok(callback.bind(py).clone()),
            None => Err(PyValueError::new_err("callback cleared")),
        }
    }
}

#[pymethods]
impl Reentrant {
    #[new]
    fn new(callback: Py<PyAny>) -> Self {
        Reentrant {
            value: 0,
            callback: Some(callback),
        }
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.callback)
    }

    fn __clear__(&mut self) {
        self.callback = None;
    }

    #[getter]
    fn value(&self) -> i64 {
        self.value
    }

    /// Sets the value (needs a mutable borrow).
    fn set(&mut self, value: i64) {
        self.value = value;
    }

    /// Calls the callback with `self` while `self` is mutably borrowed, then increments.
    fn bump(slf: &Bound<'_, Self>) -> PyResult<i64> {
        let mut guard = slf.borrow_mut();
        guard.callback(slf.py())?.call1((slf,))?;
        guard.value += 1;
        Ok(guard.value)
    }

    /// Calls the callback with `self` while `self` is borrowed (shared); returns its text.
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let guard = slf.borrow();
        let text = guard.callback(slf.py())?.call1((slf,))?;
        Ok(format!("Reentrant({}, {})", guard.value, text.str()?))
    }

    /// Equal when the callback says so; called while `self` is mutably borrowed.
    fn __eq__(&mut self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.callback(other.py())?.call1((other,))?.is_truthy()
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(h_to_i64, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_u8, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_u64, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_i128, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_usize, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_f64, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_f32, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_bool, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_char, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_string, m)?)?;
    m.add_function(wrap_pyfunction!(h_str_len, m)?)?;
    m.add_function(wrap_pyfunction!(h_cow_str, m)?)?;
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    m.add_function(wrap_pyfunction!(h_str_ref, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_string_vec, m)?)?;
    m.add_function(wrap_pyfunction!(h_eq, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_byte_vec, m)?)?;
    m.add_function(wrap_pyfunction!(h_byte_slice, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_vec, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_array, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_pair, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_hashmap, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_hashset, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_path, m)?)?;
    m.add_function(wrap_pyfunction!(h_os_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(h_to_option, m)?)?;
    m.add_function(wrap_pyfunction!(h_dict_lookup, m)?)?;
    m.add_function(wrap_pyfunction!(h_list_contains, m)?)?;
    m.add_function(wrap_pyfunction!(h_hash_of, m)?)?;
    m.add_function(wrap_pyfunction!(h_len_of, m)?)?;
    m.add_function(wrap_pyfunction!(h_visit_dict, m)?)?;
    m.add_function(wrap_pyfunction!(h_visit_list, m)?)?;
    m.add_function(wrap_pyfunction!(h_collect_iter, m)?)?;
    m.add_class::<Reentrant>()?;
    Ok(())
}
