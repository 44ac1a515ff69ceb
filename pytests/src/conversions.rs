//! Std conversions and custom exceptions seen from Python (tests/test_conversions.py).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};

create_exception!(
    pyo3_pytests,
    ConversionError,
    PyException,
    "Raised by the tests."
);

#[pyfunction]
fn rt_hashmap(map: HashMap<String, i64>) -> HashMap<String, i64> {
    map
}

#[pyfunction]
fn rt_btreemap(map: BTreeMap<i64, Vec<String>>) -> BTreeMap<i64, Vec<String>> {
    map
}

#[pyfunction]
fn rt_hashset(set: HashSet<i64>) -> HashSet<i64> {
    set
}

#[pyfunction]
fn rt_btreeset(set: BTreeSet<String>) -> BTreeSet<String> {
    set
}

#[pyfunction]
fn rt_array(arr: [i32; 3]) -> [i32; 3] {
    arr
}

#[pyfunction]
fn rt_bytes(data: &[u8]) -> Vec<u8> {
    data.to_vec()
}

#[pyfunction]
fn rt_cow_bytes(data: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    data
}

#[pyfunction]
fn rt_path(path: PathBuf) -> PathBuf {
    path
}

#[pyfunction]
fn make_path() -> &'static Path {
    Path::new("/root/file.txt")
}

#[pyfunction]
fn rt_duration(d: Duration) -> Duration {
    d
}

#[pyfunction]
fn rt_systemtime(t: SystemTime) -> SystemTime {
    t
}

#[pyfunction]
fn rt_ipaddr(ip: IpAddr) -> IpAddr {
    ip
}

#[pyfunction]
fn rt_backed_str(s: PyBackedStr) -> PyBackedStr {
    s
}

#[pyfunction]
fn rt_backed_bytes(b: PyBackedBytes) -> PyBackedBytes {
    b
}

#[pyfunction]
fn rt_u8(n: u8) -> u8 {
    n
}

#[pyfunction]
fn raise_conversion_error(msg: String) -> PyResult<()> {
    Err(ConversionError::new_err(msg))
}

#[pyfunction]
fn raise_io_error() -> PyResult<()> {
    Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such thing").into())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ConversionError", m.py().get_type::<ConversionError>())?;
    m.add_function(wrap_pyfunction!(rt_hashmap, m)?)?;
    m.add_function(wrap_pyfunction!(rt_btreemap, m)?)?;
    m.add_function(wrap_pyfunction!(rt_hashset, m)?)?;
    m.add_function(wrap_pyfunction!(rt_btreeset, m)?)?;
    m.add_function(wrap_pyfunction!(rt_array, m)?)?;
    m.add_function(wrap_pyfunction!(rt_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(rt_cow_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(rt_path, m)?)?;
    m.add_function(wrap_pyfunction!(make_path, m)?)?;
    m.add_function(wrap_pyfunction!(rt_duration, m)?)?;
    m.add_function(wrap_pyfunction!(rt_systemtime, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ipaddr, m)?)?;
    m.add_function(wrap_pyfunction!(rt_backed_str, m)?)?;
    m.add_function(wrap_pyfunction!(rt_backed_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(rt_u8, m)?)?;
    m.add_function(wrap_pyfunction!(raise_conversion_error, m)?)?;
    m.add_function(wrap_pyfunction!(raise_io_error, m)?)?;
    Ok(())
}
