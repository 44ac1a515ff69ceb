//! `#[pyfunction]`s with `signature = (...)`: defaults, `/`, `*`, `*args`, `**kwargs`,
//! plus `pass_module`, `from_py_with` and `new_closure` (tests/test_signatures.py, which
//! compares them with pure-Python twins of the same signatures).

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};

fn describe(
    args: &[(&str, Option<Bound<'_, PyAny>>)],
    rest: Option<&Bound<'_, PyTuple>>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let mut out = Vec::new();
    for (name, value) in args {
        let text = match value {
            Some(v) => v.repr()?.to_string(),
            None => "None".to_owned(),
        };
        out.push(format!("{name}={text}"));
    }
    if let Some(rest) = rest {
        out.push(format!("args={}", rest.repr()?));
    }
    if let Some(kwargs) = kwargs {
        out.push(format!("kwargs={}", kwargs.repr()?));
    }
    Ok(out.join(" "))
}

#[pyfunction]
#[pyo3(signature = (a, b = 5, c = None))]
fn sig_defaults(a: i64, b: i64, c: Option<i64>) -> (i64, i64, Option<i64>) {
    (a, b, c)
}

#[pyfunction]
#[pyo3(signature = (a, b, /, c))]
fn sig_posonly(a: i64, b: i64, c: i64) -> i64 {
    a + b + c
}

#[pyfunction]
#[pyo3(signature = (a, b = 2, /))]
fn sig_posonly_defaults(a: i64, b: i64) -> i64 {
    a * b
}

#[pyfunction]
#[pyo3(signature = (a, *, b, c = 3))]
fn sig_kwonly(a: i64, b: i64, c: i64) -> (i64, i64, i64) {
    (a, b, c)
}

#[pyfunction]
#[pyo3(signature = (a, *args))]
fn sig_varargs(a: i64, args: &Bound<'_, PyTuple>) -> PyResult<String> {
    describe(
        &[("a", Some(a.into_pyobject(args.py())?.into_any()))],
        Some(args),
        None,
    )
}

#[pyfunction]
#[pyo3(signature = (a, **kwargs))]
fn sig_kwargs(a: &Bound<'_, PyAny>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
    describe(&[("a", Some(a.clone()))], None, kwargs)
}

#[pyfunction]
#[pyo3(signature = (a, b = 1, /, c = 2, *args, d, e = 4, **kwargs))]
#[allow(clippy::too_many_arguments)]
fn sig_all(
    a: i64,
    b: i64,
    c: i64,
    args: &Bound<'_, PyTuple>,
    d: i64,
    e: i64,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let py = args.py();
    let obj = |v: i64| v.into_pyobject(py).map(|o| Some(o.into_any()));
    describe(
        &[
            ("a", obj(a)?),
            ("b", obj(b)?),
            ("c", obj(c)?),
            ("d", obj(d)?),
            ("e", obj(e)?),
        ],
        Some(args),
        kwargs,
    )
}

#[pyfunction]
#[pyo3(signature = (a, b, c, d = 1, *, e, f, g))]
#[allow(clippy::too_many_arguments)]
fn sig_many(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64) -> i64 {
    a + b + c + d + e + f + g
}

#[pyfunction]
#[pyo3(signature = (*, only))]
fn sig_only_kw(only: Py<PyAny>) -> Py<PyAny> {
    only
}

#[pyfunction]
#[pyo3(signature = (x, y = "hi", z = true, w = 1.5, v = Vec::new()))]
fn sig_literals(x: i64, y: &str, z: bool, w: f64, v: Vec<i64>) -> String {
    format!("{x} {y} {z} {w} {v:?}")
}

#[pyfunction]
#[pyo3(signature = (n = 1, *, fail = false))]
fn sig_result(n: u32, fail: bool) -> Result<Option<u32>, PyErr> {
    if fail {
        Err(pyo3::exceptions::PyRuntimeError::new_err("asked to fail"))
    } else if n == 0 {
        Ok(None)
    } else {
        Ok(Some(n))
    }
}

#[pyfunction]
#[pyo3(signature = (*args, **kwargs))]
fn sig_panics(args: &Bound<'_, PyTuple>, kwargs: Option<&Bound<'_, PyDict>>) -> usize {
    panic!(
        "panicked with {} args and {} kwargs",
        args.len(),
        kwargs.map_or(0, |k| k.len())
    )
}

#[pyfunction]
#[pyo3(pass_module, name = "sig_module_name")]
fn module_name(module: &Bound<'_, PyModule>) -> PyResult<String> {
    Ok(module.name()?.to_string())
}

fn as_len(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[pyfunction]
#[pyo3(signature = (seq, scale = 1))]
fn sig_from_py_with(#[pyo3(from_py_with = as_len)] seq: usize, scale: usize) -> usize {
    seq * scale
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(sig_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(sig_posonly, m)?)?;
    m.add_function(wrap_pyfunction!(sig_posonly_defaults, m)?)?;
    m.add_function(wrap_pyfunction!(sig_kwonly, m)?)?;
    m.add_function(wrap_pyfunction!(sig_varargs, m)?)?;
    m.add_function(wrap_pyfunction!(sig_kwargs, m)?)?;
    m.add_function(wrap_pyfunction!(sig_all, m)?)?;
    m.add_function(wrap_pyfunction!(sig_many, m)?)?;
    m.add_function(wrap_pyfunction!(sig_only_kw, m)?)?;
    m.add_function(wrap_pyfunction!(sig_literals, m)?)?;
    m.add_function(wrap_pyfunction!(sig_result, m)?)?;
    m.add_function(wrap_pyfunction!(sig_panics, m)?)?;
    m.add_function(wrap_pyfunction!(module_name, m)?)?;
    m.add_function(wrap_pyfunction!(sig_from_py_with, m)?)?;
    Ok(())
}
