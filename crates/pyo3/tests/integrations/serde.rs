//! serde `Serialize` / `Deserialize` for `Py<T>` of a `#[pyclass]`.

use pyo3::prelude::*;
use serde::{Deserialize, Serialize};

#[pyclass]
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Serialize, Deserialize)]
struct Shape {
    name: String,
    corners: Vec<Py<Point>>,
    centre: Option<Py<Point>>,
}

#[test]
fn serialize_reads_the_python_object() {
    let shape = Python::attach(|py| Shape {
        name: "line".to_owned(),
        corners: vec![
            Py::new(py, Point { x: 1, y: 2 }).unwrap(),
            Py::new(py, Point { x: -3, y: 4 }).unwrap(),
        ],
        centre: None,
    });
    // The object is changed from Python's side; serialization sees the change.
    Python::attach(|py| shape.corners[0].borrow_mut(py).x = 10);
    let json = serde_json::to_string(&shape).unwrap();
    assert_eq!(
        json,
        r#"{"name":"line","corners":[{"x":10,"y":2},{"x":-3,"y":4}],"centre":null}"#
    );
}

#[test]
fn deserialize_creates_python_objects() {
    let shape: Shape =
        serde_json::from_str(r#"{"name":"dot","corners":[],"centre":{"x":5,"y":-6}}"#).unwrap();
    Python::attach(|py| {
        let centre = shape.centre.as_ref().unwrap();
        assert_eq!(*centre.borrow(py), Point { x: 5, y: -6 });
        assert_eq!(centre.get_refcnt(py), 1);
        let obj = centre.bind(py);
        assert_eq!(
            obj.getattr("__class__")
                .unwrap()
                .getattr("__name__")
                .unwrap()
                .to_string(),
            "Point"
        );
    });
    let err = serde_json::from_str::<Py<Point>>(r#"{"x":1}"#).unwrap_err();
    assert_eq!(err.to_string(), "missing field `y` at line 1 column 7");
}

#[test]
fn serialize_while_mutably_borrowed_fails() {
    Python::attach(|py| {
        let point = Py::new(py, Point { x: 1, y: 1 }).unwrap();
        let guard = point.borrow_mut(py);
        let err = serde_json::to_string(&point).unwrap_err();
        assert_eq!(err.to_string(), "Already mutably borrowed");
        drop(guard);
        assert_eq!(serde_json::to_string(&point).unwrap(), r#"{"x":1,"y":1}"#);
    });
}
