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
