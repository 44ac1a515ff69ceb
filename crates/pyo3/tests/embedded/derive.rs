//! `#[derive(FromPyObject)]`, `#[derive(IntoPyObject)]` and `#[derive(IntoPyObjectRef)]`
//! against objects built in Python.

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[derive(FromPyObject, Debug, PartialEq)]
struct ByAttribute {
    x: i64,
    #[pyo3(attribute("label"))]
    name: String,
    #[pyo3(default)]
    missing: Option<i64>,
    #[pyo3(default = 9)]
    nine: u8,
}

#[derive(FromPyObject, Debug, PartialEq)]
struct ByItem {
    #[pyo3(item)]
    a: i64,
    #[pyo3(item("B"))]
    b: String,
    #[pyo3(item, from_py_with = length)]
    c: usize,
}

#[derive(FromPyObject, Debug, PartialEq)]
#[pyo3(from_item_all)]
struct AllItems {
    a: i64,
    #[pyo3(default)]
    b: i64,
}

#[derive(FromPyObject, Debug, PartialEq)]
struct Pair(i64, String);

#[derive(FromPyObject, Debug, PartialEq)]
struct Newtype(Vec<i64>);

#[derive(FromPyObject, Debug, PartialEq)]
#[pyo3(transparent)]
struct Transparent {
    inner: String,
}

#[derive(FromPyObject, Debug, PartialEq)]
enum Shape {
    #[pyo3(annotation = "int")]
    Int(i64),
    Pair(i64, i64),
    #[pyo3(transparent)]
    Text {
        text: String,
    },
    Point {
        #[pyo3(item)]
        x: f64,
    },
}

fn length(obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    obj.len()
}

#[derive(IntoPyObject, IntoPyObjectRef)]
struct Out {
    a: i64,
    #[pyo3(item("B"))]
    b: String,
}

#[derive(IntoPyObject)]
struct OutTuple(i64, &'static str);

#[derive(IntoPyObject, IntoPyObjectRef)]
struct OutNewtype(String);

#[derive(IntoPyObject)]
enum OutEnum {
    Num(i64),
    Named { v: bool },
}

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

#[test]
fn structs_from_attributes_and_items() {
    Python::attach(|py| {
        let obj = eval(py, "type('O', (), {'x': 3, 'label': 'lbl', 'nine': 1})()");
        assert_eq!(
            obj.extract::<ByAttribute>().unwrap(),
            ByAttribute {
                x: 3,
                name: "lbl".into(),
                missing: None,
                nine: 1
            }
        );
        let obj = eval(py, "type('O', (), {'x': 3, 'label': 'lbl'})()");
        assert_eq!(obj.extract::<ByAttribute>().unwrap().nine, 9);
        let err = eval(py, "type('O', (), {'x': 'no', 'label': 'l'})()")
            .extract::<ByAttribute>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: failed to extract field ByAttribute.x"
        );
        assert_eq!(
            err.cause(py).unwrap().to_string(),
            "TypeError: 'str' object cannot be interpreted as an integer"
        );
        let err = eval(py, "object()").extract::<ByAttribute>().unwrap_err();
        assert!(err.to_string().starts_with("AttributeError"), "{err}");

        let d = eval(py, "{'a': 1, 'B': 'b', 'c': [1, 2, 3]}");
        assert_eq!(
            d.extract::<ByItem>().unwrap(),
            ByItem {
                a: 1,
                b: "b".into(),
                c: 3
            }
        );
        let err = eval(py, "{'a': 1, 'B': 'b', 'c': 5}")
            .extract::<ByItem>()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: failed to extract field ByItem.c"
        );
        assert_eq!(
            eval(py, "{'a': 1}").extract::<AllItems>().unwrap(),
            AllItems { a: 1, b: 0 }
        );
        let err = eval(py, "{}").extract::<AllItems>().unwrap_err();
        assert!(err.to_string().starts_with("KeyError"), "{err}");
    });
}

#[test]
fn tuples_newtypes_and_transparent() {
    Python::attach(|py| {
        assert_eq!(
            eval(py, "(1, 'x')").extract::<Pair>().unwrap(),
            Pair(1, "x".into())
        );
        assert_eq!(
            eval(py, "(1, 2, 3)")
                .extract::<Pair>()
                .unwrap_err()
                .to_string(),
            "TypeError: expected tuple of length 2, but got tuple of length 3"
        );
        assert_eq!(
            eval(py, "(1, 2)")
                .extract::<Pair>()
                .unwrap_err()
                .to_string(),
            "TypeError: failed to extract field Pair.1"
        );
        assert_eq!(
            eval(py, "[1, 2]").extract::<Newtype>().unwrap(),
            Newtype(vec![1, 2])
        );
        assert_eq!(
            eval(py, "'s'").extract::<Transparent>().unwrap(),
            Transparent { inner: "s".into() }
        );
        assert_eq!(
            eval(py, "1")
                .extract::<Transparent>()
                .unwrap_err()
                .to_string(),
            "TypeError: failed to extract field Transparent.inner"
        );
    });
}

#[test]
fn enums_try_each_variant() {
    Python::attach(|py| {
        assert_eq!(eval(py, "5").extract::<Shape>().unwrap(), Shape::Int(5));
        assert_eq!(
            eval(py, "(1, 2)").extract::<Shape>().unwrap(),
            Shape::Pair(1, 2)
        );
        assert_eq!(
            eval(py, "'t'").extract::<Shape>().unwrap(),
            Shape::Text { text: "t".into() }
        );
        assert_eq!(
            eval(py, "{'x': 1.5}").extract::<Shape>().unwrap(),
            Shape::Point { x: 1.5 }
        );
        let err = eval(py, "[]").extract::<Shape>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        let message = err.value(py).to_string();
        let lines: Vec<&str> = message.lines().collect();
        assert_eq!(
            lines[0],
            "failed to extract enum Shape ('int | Pair | Text | Point')"
        );
        assert_eq!(lines.len(), 5, "{message}");
        assert!(lines[1].starts_with(
            "- variant Int (int): TypeError: failed to extract field Shape::Int.0, caused by TypeError: "
        ), "{message}");
        assert!(
            lines[2].starts_with("- variant Pair (Pair): TypeError: "),
            "{message}"
        );
        assert!(
            lines[4].starts_with("- variant Point (Point): TypeError: "),
            "{message}"
        );
    });
}

#[test]
fn into_py_object_derives() {
    Python::attach(|py| {
        let out = Out {
            a: 1,
            b: "x".into(),
        };
        let by_ref = (&out).into_pyobject(py).unwrap();
        let d = out.into_pyobject(py).unwrap();
        assert!(d.is_instance_of::<PyDict>());
        assert_eq!(d.repr().unwrap().to_string(), "{'a': 1, 'B': 'x'}");
        assert_eq!(by_ref.repr().unwrap().to_string(), "{'a': 1, 'B': 'x'}");
        let t = OutTuple(2, "y").into_pyobject(py).unwrap();
        assert_eq!(t.repr().unwrap().to_string(), "(2, 'y')");
        let n = OutNewtype("z".into());
        assert_eq!(
            (&n).into_pyobject(py).unwrap().repr().unwrap().to_string(),
            "'z'"
        );
        assert_eq!(
            n.into_pyobject(py).unwrap().repr().unwrap().to_string(),
            "'z'"
        );
        assert_eq!(OutEnum::Num(4).into_pyobject(py).unwrap().to_string(), "4");
        assert_eq!(
            OutEnum::Named { v: true }
                .into_pyobject(py)
                .unwrap()
                .repr()
                .unwrap()
                .to_string(),
            "{'v': True}"
        );
    });
}
