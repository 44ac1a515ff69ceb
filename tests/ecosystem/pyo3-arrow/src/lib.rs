//! pyo3-arrow from Python: Arrow data in and out through the Arrow PyCapsule interface.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::Int64Type;
use arrow_array::{Array, Int64Array};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3_arrow::error::PyArrowResult;
use pyo3_arrow::{PyArray, PyField, PyRecordBatch, PySchema, PyTable};

/// The README's example: `values[indices]`, returned as a pyarrow array.
#[pyfunction]
fn take(py: Python<'_>, values: PyArray, indices: PyArray) -> PyArrowResult<Py<PyAny>> {
    let output = py.detach(|| arrow_select::take::take(values.as_ref(), indices.as_ref(), None))?;
    let taken = PyArray::new(output, values.field().clone());
    let exported = taken.to_pyarrow(py)?.unbind();
    Ok(exported)
}

/// The sum of an int64 array's valid values.
#[pyfunction]
fn sum_int64(array: PyArray) -> PyResult<i64> {
    let array = array.as_ref();
    let ints = array.as_primitive_opt::<Int64Type>().ok_or_else(|| {
        PyTypeError::new_err(format!("expected int64, got {}", array.data_type()))
    })?;
    Ok(ints.iter().flatten().sum())
}

/// A new int64 array `0..n` with every third value null, as this crate's `Array` class.
#[pyfunction]
fn make_array(n: i64) -> PyArray {
    let values: Int64Array = (0..n).map(|i| (i % 3 != 2).then_some(i)).collect();
    PyArray::from_array_ref(Arc::new(values))
}

/// The column names and row count of a table (any object with `__arrow_c_stream__`).
#[pyfunction]
fn describe_table(table: PyTable) -> (Vec<String>, usize) {
    let (batches, schema) = table.into_inner();
    let names = schema.fields().iter().map(|f| f.name().clone()).collect();
    let rows = batches.iter().map(|b| b.num_rows()).sum();
    (names, rows)
}

/// A record batch handed back unchanged, as this crate's `RecordBatch` class.
#[pyfunction]
fn echo_batch(batch: PyRecordBatch) -> PyRecordBatch {
    batch
}

/// A field's name, type and nullability.
#[pyfunction]
fn describe_field(field: PyField) -> (String, String, bool) {
    let field = field.into_inner();
    (
        field.name().clone(),
        field.data_type().to_string(),
        field.is_nullable(),
    )
}

/// A schema exported to pyarrow.
#[pyfunction]
fn schema_to_pyarrow<'py>(py: Python<'py>, schema: PySchema) -> PyResult<Bound<'py, PyAny>> {
    schema.into_pyarrow(py)
}

#[pymodule]
fn eco_arrow(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyArray>()?;
    m.add_class::<PyRecordBatch>()?;
    m.add_function(wrap_pyfunction!(take, m)?)?;
    m.add_function(wrap_pyfunction!(sum_int64, m)?)?;
    m.add_function(wrap_pyfunction!(make_array, m)?)?;
    m.add_function(wrap_pyfunction!(describe_table, m)?)?;
    m.add_function(wrap_pyfunction!(echo_batch, m)?)?;
    m.add_function(wrap_pyfunction!(describe_field, m)?)?;
    m.add_function(wrap_pyfunction!(schema_to_pyarrow, m)?)?;
    Ok(())
}
