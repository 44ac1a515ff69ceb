use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

#[pyfunction]
fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[pyfunction]
fn mean(values: Vec<f64>) -> PyResult<f64> {
    if values.is_empty() {
        return Err(PyValueError::new_err("mean of empty list"));
    }
    Ok(values.iter().sum::<f64>() / values.len() as f64)
}

#[pyfunction]
fn tally<'py>(py: Python<'py>, items: &Bound<'py, PyList>) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    for item in items.iter() {
        let key: String = item.extract()?;
        let n: usize = d.get_item(&key)?.map(|v| v.extract()).transpose()?.unwrap_or(0);
        d.set_item(key, n + 1)?;
    }
    Ok(d)
}

#[pymodule]
fn patched_extension(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(word_count, m)?)?;
    m.add_function(wrap_pyfunction!(mean, m)?)?;
    m.add_function(wrap_pyfunction!(tally, m)?)?;
    m.add("__version__", "0.1.0")?;
    Ok(())
}
