//! Simple (fieldless) `#[pyclass]` enums: variants as class attributes, `__repr__`,
//! `__int__`, comparisons, renaming, methods and extraction.

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyclass(eq, eq_int)]
#[derive(Clone, Debug, PartialEq)]
enum Mode {
    Fast,
    Slow = 10,
    #[pyo3(name = "CAREFUL")]
    Careful,
    #[cfg(any())]
    Never,
}

#[pymethods]
impl Mode {
    fn is_fast(&self) -> bool {
        *self == Mode::Fast
    }

    #[staticmethod]
    fn default() -> Mode {
        Mode::Slow
    }
}

#[pyclass(
    eq,
    ord,
    frozen,
    hash,
    rename_all = "SCREAMING_SNAKE_CASE",
    module = "shapes"
)]
#[derive(Clone, PartialEq, PartialOrd, Hash)]
enum Colour {
    DeepRed,
    Blue,
}

#[pyfunction]
fn describe(mode: Mode) -> String {
    format!("{mode:?}")
}

fn run(py: Python<'_>, code: &str) -> PyResult<()> {
    let globals = PyDict::new(py);
    globals.set_item("Mode", py.get_type::<Mode>())?;
    globals.set_item("Colour", py.get_type::<Colour>())?;
    globals.set_item("describe", wrap_pyfunction!(describe, py)?)?;
    let code = std::ffi::CString::new(code).unwrap();
    py.run(&code, Some(&globals), None)
}

#[test]
fn variants_are_class_attributes() {
    Python::attach(|py| {
        run(
            py,
            r#"
assert repr(Mode.Fast) == "Mode.Fast" and repr(Mode.CAREFUL) == "Mode.CAREFUL"
assert isinstance(Mode.Slow, Mode)
assert int(Mode.Fast) == 0 and int(Mode.Slow) == 10 and int(Mode.CAREFUL) == 11
assert Mode.Fast == Mode.Fast and Mode.Fast != Mode.Slow
assert Mode.Slow == 10 and Mode.Fast != 10
assert Mode.Fast.is_fast() and not Mode.Slow.is_fast()
assert Mode.default() == Mode.Slow
assert describe(Mode.CAREFUL) == "Careful"
assert not hasattr(Mode, "Never")
try:
    Mode()
except TypeError as e:
    assert str(e) == "No constructor defined for Mode", str(e)
else:
    raise AssertionError
try:
    describe(1)
except TypeError as e:
    assert str(e).startswith("argument 'mode':"), str(e)
else:
    raise AssertionError

assert repr(Colour.DEEP_RED) == "Colour.DEEP_RED"
assert Colour.DEEP_RED < Colour.BLUE and Colour.BLUE >= Colour.DEEP_RED
assert {Colour.BLUE: 1}[Colour.BLUE] == 1
assert Colour.__module__ == "shapes"
"#,
        )
        .unwrap();
        let mode: Mode = Mode::Careful.into_pyobject(py).unwrap().extract().unwrap();
        assert_eq!(mode, Mode::Careful);
    });
}

#[pyclass]
#[derive(Clone, Debug, PartialEq)]
enum Shape {
    Circle {
        radius: f64,
    },
    Rect(f64, f64),
    #[pyo3(constructor = (label = String::from("none")))]
    Named {
        label: String,
    },
    Empty(),
}

#[pymethods]
impl Shape {
    fn area(&self) -> f64 {
        match self {
            Shape::Circle { radius } => 3.0 * radius * radius,
            Shape::Rect(w, h) => w * h,
            Shape::Named { .. } | Shape::Empty() => 0.0,
        }
    }
}

#[pyfunction]
fn grow(shape: Shape) -> Shape {
    match shape {
        Shape::Circle { radius } => Shape::Circle {
            radius: radius * 2.0,
        },
        other => other,
    }
}

#[test]
fn complex_enums() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals.set_item("Shape", py.get_type::<Shape>()).unwrap();
        globals
            .set_item("grow", wrap_pyfunction!(grow, py).unwrap())
            .unwrap();
        py.run(
            cr#"
c = Shape.Circle(2.0)
assert isinstance(c, Shape) and isinstance(c, Shape.Circle)
assert c.radius == 2.0 and c.area() == 12.0
r = Shape.Rect(2.0, 3.0)
assert r._0 == 2.0 and r[1] == 3.0 and len(r) == 2 and r.area() == 6.0
try:
    r[2]
except IndexError as e:
    assert str(e) == "tuple index out of range"
else:
    raise AssertionError
assert Shape.Named().label == "none" and Shape.Named(label="x").label == "x"
assert len(Shape.Empty()) == 0
assert Shape.Circle.__match_args__ == ("radius",)
assert Shape.Rect.__match_args__ == ("_0", "_1")
g = grow(c)
assert isinstance(g, Shape.Circle) and g.radius == 4.0
assert not isinstance(r, Shape.Circle)
try:
    Shape()
except TypeError:
    pass
else:
    raise AssertionError
import sys
if sys.version_info >= (3, 10):
    exec('''
match r:
    case Shape.Rect(w, h):
        assert (w, h) == (2.0, 3.0)
    case _:
        raise AssertionError
''')
"#,
            Some(&globals),
            None,
        )
        .unwrap();
        let shape: Shape = Shape::Rect(1.0, 2.0)
            .into_pyobject(py)
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(shape, Shape::Rect(1.0, 2.0));
    });
}
