//! Functions taking and returning types with derived conversions
//! (tests/test_derive.py).

use pyo3::prelude::*;

#[derive(FromPyObject, IntoPyObject)]
struct Point {
    #[pyo3(item)]
    x: i64,
    #[pyo3(item)]
    y: i64,
}

#[derive(FromPyObject)]
enum Number {
    #[pyo3(annotation = "int")]
    Int(i64),
    #[pyo3(annotation = "str")]
    Text(String),
}

#[derive(IntoPyObject)]
struct Pair(i64, String);

#[pyfunction]
fn derive_swap(p: Point) -> Point {
    Point { x: p.y, y: p.x }
}

#[pyfunction]
fn derive_number(n: Number) -> String {
    match n {
        Number::Int(i) => format!("int {i}"),
        Number::Text(s) => format!("text {s}"),
    }
}

#[pyfunction]
fn derive_pair() -> Pair {
    Pair(1, "one".to_owned())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(derive_swap, m)?)?;
    m.add_function(wrap_pyfunction!(derive_number, m)?)?;
    m.add_function(wrap_pyfunction!(derive_pair, m)?)?;
    Ok(())
}
