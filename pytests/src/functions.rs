//! `#[pyfunction]`s with positional parameters of many types, for argument parsing,
//! conversion errors, return conversions and panics (tests/test_functions.py).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Formats the sum of two numbers as string.
#[pyfunction]
fn sum_as_string(a: usize, b: usize) -> PyResult<String> {
    Ok((a + b).to_string())
}

#[pyfunction]
fn add_i64(a: i64, b: i64) -> i64 {
    a.wrapping_add(b)
}

#[pyfunction]
fn no_args() -> u32 {
    7
}

#[pyfunction]
fn three(a: i32, b: f64, c: bool) -> (i32, f64, bool) {
    (a, b, c)
}

#[pyfunction]
fn to_u8(value: u8) -> u8 {
    value
}

#[pyfunction]
fn str_len(s: &str) -> usize {
    s.chars().count()
}

#[pyfunction]
fn shout(s: String) -> String {
    s.to_uppercase()
}

#[pyfunction]
fn maybe_double(value: Option<i64>) -> Option<i64> {
    value.map(|v| v * 2)
}

#[pyfunction]
fn returns_unit(_value: i64) {}

#[pyfunction]
fn returns_ok_unit() -> PyResult<()> {
    Ok(())
}

#[pyfunction]
fn raise_value_error(message: String) -> PyResult<()> {
    Err(PyValueError::new_err(message))
}

#[pyfunction]
fn panics(message: String) -> i64 {
    panic!("{}", message)
}

#[pyfunction]
fn with_py(py: Python<'_>, n: i64) -> PyResult<Bound<'_, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("n", n)?;
    Ok(d)
}

#[pyfunction]
fn identity<'py>(obj: &Bound<'py, PyAny>) -> Bound<'py, PyAny> {
    obj.clone()
}

#[pyfunction]
fn dict_len(d: &Bound<'_, PyDict>) -> usize {
    d.len()
}

#[pyfunction]
fn big(value: u128) -> u128 {
    value
}

#[pyfunction]
fn signed_big(value: i128) -> i128 {
    value
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sum_as_string, m)?)?;
    m.add_function(wrap_pyfunction!(add_i64, m)?)?;
    m.add_function(wrap_pyfunction!(no_args, m)?)?;
    m.add_function(wrap_pyfunction!(three, m)?)?;
    m.add_function(wrap_pyfunction!(to_u8, m)?)?;
    m.add_function(wrap_pyfunction!(str_len, m)?)?;
    m.add_function(wrap_pyfunction!(shout, m)?)?;
    m.add_function(wrap_pyfunction!(maybe_double, m)?)?;
    m.add_function(wrap_pyfunction!(returns_unit, m)?)?;
    m.add_function(wrap_pyfunction!(returns_ok_unit, m)?)?;
    m.add_function(wrap_pyfunction!(raise_value_error, m)?)?;
    m.add_function(wrap_pyfunction!(panics, m)?)?;
    m.add_function(wrap_pyfunction!(with_py, m)?)?;
    m.add_function(wrap_pyfunction!(identity, m)?)?;
    m.add_function(wrap_pyfunction!(dict_len, m)?)?;
    m.add_function(wrap_pyfunction!(big, m)?)?;
    m.add_function(wrap_pyfunction!(signed_big, m)?)?;
    Ok(())
}
