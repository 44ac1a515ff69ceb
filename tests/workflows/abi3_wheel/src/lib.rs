//! One stable-ABI (`abi3-py38`) wheel, installed on several interpreters
//! (`python3 x.py workflows`).
use pyo3::prelude::*;

/// A counter that steps by a fixed amount.
#[pyclass]
struct Counter {
    /// The current value.
    #[pyo3(get)]
    value: i64,
    /// What `bump` adds.
    step: i64,
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (step = 1))]
    fn new(step: i64) -> Self {
        Counter { value: 0, step }
    }

    /// Adds the step `times` times and returns the new value.
    #[pyo3(signature = (times = 1))]
    fn bump(&mut self, times: i64) -> i64 {
        self.value += self.step * times;
        self.value
    }

    fn __repr__(&self) -> String {
        format!("Counter(value={}, step={})", self.value, self.step)
    }
}

/// `"major.minor"` of the interpreter the module is running in.
#[pyfunction]
fn running_on(py: Python<'_>) -> String {
    let v = py.version_info();
    format!("{}.{}", v.major, v.minor)
}

/// Python module `abi3_wheel`.
#[pymodule]
fn abi3_wheel(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Counter>()?;
    m.add_function(wrap_pyfunction!(running_on, m)?)
}
