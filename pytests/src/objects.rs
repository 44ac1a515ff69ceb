//! Module-level values and the object protocol seen from Python (tests/test_objects.py).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

#[pyfunction]
fn make_list(py: Python<'_>, n: usize) -> PyResult<Bound<'_, PyList>> {
    PyList::new(py, (0..n).map(|i| i as i64))
}

#[pyfunction]
fn make_tuple(py: Python<'_>) -> PyResult<Bound<'_, PyTuple>> {
    PyTuple::new(py, ["a", "b"])
}

#[pyfunction]
fn call_twice<'py>(
    f: &Bound<'py, PyAny>,
    arg: i64,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
    Ok((f.call1((arg,))?, f.call((arg,), None)?))
}

#[pyfunction]
fn get_attr<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    obj.getattr(name)
}

#[pyfunction]
fn describe(obj: &Bound<'_, PyAny>) -> PyResult<(String, String, usize)> {
    Ok((
        obj.str()?.to_string_lossy().into_owned(),
        obj.repr()?.to_string_lossy().into_owned(),
        obj.len()?,
    ))
}

#[pyfunction]
fn sum_dict_values(d: &Bound<'_, PyDict>) -> PyResult<i64> {
    let mut total = 0;
    for (_, v) in d {
        total += v.extract::<i64>()?;
    }
    Ok(total)
}

/// The fields of a `datetime` and a `timedelta` through `PyDateAccess`, `PyTimeAccess` and
/// `PyDeltaAccess` (not in the limited API, as in PyO3).
#[cfg(not(Py_LIMITED_API))]
#[pyfunction]
fn datetime_fields(
    dt: &Bound<'_, pyo3::types::PyDateTime>,
    delta: &Bound<'_, pyo3::types::PyDelta>,
) -> (i32, u8, u8, u8, u8, u8, u32, bool, i32, i32, i32) {
    use pyo3::types::{PyDateAccess, PyDeltaAccess, PyTimeAccess};
    (
        dt.get_year(),
        dt.get_month(),
        dt.get_day(),
        dt.get_hour(),
        dt.get_minute(),
        dt.get_second(),
        dt.get_microsecond(),
        dt.get_fold(),
        delta.get_days(),
        delta.get_seconds(),
        delta.get_microseconds(),
    )
}

/// The same fields through `pyo3::ffi`'s datetime accessors (the header's macros on
/// CPython, the functions PyPy's cpyext exports on PyPy).
#[cfg(not(Py_LIMITED_API))]
#[pyfunction]
fn datetime_fields_ffi(
    dt: &Bound<'_, pyo3::types::PyDateTime>,
) -> (i32, i32, i32, i32, i32, i32, i32, bool) {
    use pyo3::ffi;
    let o = dt.as_ptr();
    // SAFETY: attached; `o` is a live datetime (the argument's type was checked), which
    // is all the accessors need once the datetime API is imported.
    unsafe {
        ffi::PyDateTime_IMPORT();
        (
            ffi::PyDateTime_GET_YEAR(o),
            ffi::PyDateTime_GET_MONTH(o),
            ffi::PyDateTime_GET_DAY(o),
            ffi::PyDateTime_DATE_GET_HOUR(o),
            ffi::PyDateTime_DATE_GET_MINUTE(o),
            ffi::PyDateTime_DATE_GET_SECOND(o),
            ffi::PyDateTime_DATE_GET_MICROSECOND(o),
            ffi::PyDateTime_DATE_GET_FOLD(o) != 0,
        )
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("ANSWER", 42)?;
    m.add("GREETING", "hello")?;
    m.add_function(wrap_pyfunction!(make_list, m)?)?;
    m.add_function(wrap_pyfunction!(make_tuple, m)?)?;
    m.add_function(wrap_pyfunction!(call_twice, m)?)?;
    m.add_function(wrap_pyfunction!(get_attr, m)?)?;
    m.add_function(wrap_pyfunction!(describe, m)?)?;
    m.add_function(wrap_pyfunction!(sum_dict_values, m)?)?;
    #[cfg(not(Py_LIMITED_API))]
    m.add_function(wrap_pyfunction!(datetime_fields, m)?)?;
    #[cfg(not(Py_LIMITED_API))]
    m.add_function(wrap_pyfunction!(datetime_fields_ffi, m)?)?;
    Ok(())
}
