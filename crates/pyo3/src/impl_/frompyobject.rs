//! Runtime helpers for `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and
//! `#[derive(IntoPyObjectRef)]`: looking fields up, converting them with errors that name
//! the field, and the combined error of an enum whose every variant failed. The generated
//! code only strings these calls together.

use crate::conversion::{BoundObject, FromPyObjectOwned, IntoPyObject};
use crate::exceptions::{PyAttributeError, PyIndexError, PyKeyError, PyTypeError};
use crate::instance::Bound;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyDictMethods, PyTuple, PyTupleMethods};
use crate::{PyErr, PyResult, Python};

/// `obj.<name>`.
#[inline]
pub fn attribute<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    obj.getattr(name)
}

/// `obj[key]`.
#[inline]
pub fn item<'py, K: IntoPyObject<'py>>(
    obj: &Bound<'py, PyAny>,
    key: K,
) -> PyResult<Bound<'py, PyAny>> {
    obj.get_item(key)
}

/// A lookup in `obj` for a field with a default: `None` if the attribute or item is
/// missing (`AttributeError`, `KeyError`, `IndexError`), other errors unchanged.
pub fn present<'py>(
    obj: &Bound<'py, PyAny>,
    lookup: PyResult<Bound<'py, PyAny>>,
) -> PyResult<Option<Bound<'py, PyAny>>> {
    let py = obj.py();
    match lookup {
        Ok(value) => Ok(Some(value)),
        Err(err)
            if err.is_instance_of::<PyAttributeError>(py)
                || err.is_instance_of::<PyKeyError>(py)
                || err.is_instance_of::<PyIndexError>(py) =>
        {
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Converts a field's value, naming the field on failure: `TypeError: failed to extract
/// field Point.x`, caused by the conversion's own error.
#[inline]
pub fn field<'py, T: FromPyObjectOwned<'py>>(
    value: &Bound<'py, PyAny>,
    struct_name: &str,
    field_name: &str,
) -> PyResult<T> {
    match value.extract::<T>() {
        Ok(value) => Ok(value),
        Err(err) => Err(field_error(value.py(), struct_name, field_name, err.into())),
    }
}

/// As [`field`], converting with the user's `from_py_with` function.
#[inline]
pub fn field_with<'a, 'py, T, E: Into<PyErr>>(
    value: &'a Bound<'py, PyAny>,
    struct_name: &str,
    field_name: &str,
    extractor: impl FnOnce(&'a Bound<'py, PyAny>) -> Result<T, E>,
) -> PyResult<T> {
    match extractor(value) {
        Ok(value) => Ok(value),
        Err(err) => Err(field_error(value.py(), struct_name, field_name, err.into())),
    }
}

#[cold]
fn field_error(py: Python<'_>, struct_name: &str, field_name: &str, cause: PyErr) -> PyErr {
    let err = PyTypeError::new_err(format!(
        "failed to extract field {struct_name}.{field_name}"
    ));
    err.set_cause(py, Some(cause));
    err
}

/// `obj` as a tuple of exactly `len` items, for a tuple struct.
pub fn tuple<'py>(obj: &Bound<'py, PyAny>, len: usize) -> PyResult<Bound<'py, PyTuple>> {
    let tuple = obj.cast::<PyTuple>().map_err(PyErr::from)?;
    let found = tuple.len();
    if found != len {
        return Err(PyTypeError::new_err(format!(
            "expected tuple of length {len}, but got tuple of length {found}"
        )));
    }
    Ok(tuple.clone())
}

/// Item `index` of a tuple already checked by [`tuple`].
#[inline]
pub fn tuple_item<'py>(tuple: &Bound<'py, PyTuple>, index: usize) -> PyResult<Bound<'py, PyAny>> {
    tuple.get_item(index)
}

/// The error of an enum none of whose variants could be extracted: one line per variant
/// with the chain of errors it failed with.
#[cold]
pub fn enum_error(
    py: Python<'_>,
    type_name: &str,
    variant_names: &[&str],
    error_names: &[&str],
    errors: impl IntoIterator<Item = PyErr>,
) -> PyErr {
    use std::fmt::Write;
    let mut message = format!(
        "failed to extract enum {type_name} ('{}')",
        error_names.join(" | ")
    );
    for ((variant, shown), error) in variant_names.iter().zip(error_names).zip(errors) {
        let _ = write!(message, "\n- variant {variant} ({shown}): {error}");
        let mut cause = error.cause(py);
        while let Some(inner) = cause {
            let _ = write!(message, ", caused by {inner}");
            cause = inner.cause(py);
        }
    }
    PyTypeError::new_err(message)
}

/// Converts one value for `#[derive(IntoPyObject)]`.
#[inline]
pub fn into_any<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    value: T,
) -> PyResult<Bound<'py, PyAny>> {
    match value.into_pyobject(py) {
        Ok(obj) => Ok(obj.into_any().into_bound()),
        Err(err) => Err(err.into()),
    }
}

/// An empty dict, for a struct converted by `#[derive(IntoPyObject)]`.
#[inline]
pub fn new_dict(py: Python<'_>) -> Bound<'_, PyDict> {
    PyDict::new(py)
}

/// `dict[key] = value`, converting `value`.
#[inline]
pub fn set_field<'py, K: IntoPyObject<'py>, T: IntoPyObject<'py>>(
    dict: &Bound<'py, PyDict>,
    key: K,
    value: T,
) -> PyResult<()> {
    dict.set_item(key, value)
}

/// A tuple of converted values, for a tuple struct converted by `#[derive(IntoPyObject)]`.
#[inline]
pub fn new_tuple<'py>(
    py: Python<'py>,
    items: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    PyTuple::new(py, items).map(Bound::into_any)
}
