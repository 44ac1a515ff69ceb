//! either `Either<L, R>`: into the inner object; extraction tries `L` then `R`.

use std::borrow::Cow;

use either::Either;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    py.eval(&std::ffi::CString::new(code).unwrap(), None, None)
        .unwrap()
}

#[test]
fn into_the_inner_object() {
    Python::attach(|py| {
        let left: Either<i32, String> = Either::Left(42);
        let obj = (&left).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<i32>().unwrap(), 42);
        assert_eq!(obj.get_type().name().unwrap(), "int");
        let right: Either<i32, String> = Either::Right("foo".to_owned());
        let obj = right.into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<Cow<'_, str>>().unwrap(), "foo");
    });
}

#[test]
fn extraction_prefers_left() {
    Python::attach(|py| {
        type IntOrFloat = Either<i32, f32>;
        type FloatOrInt = Either<f32, i32>;
        let int = eval(py, "42");
        assert_eq!(int.extract::<IntOrFloat>().unwrap(), Either::Left(42));
        // An int also converts to f32, and L is tried first.
        assert_eq!(int.extract::<FloatOrInt>().unwrap(), Either::Left(42.0));
        let float = eval(py, "42.5");
        assert_eq!(float.extract::<IntOrFloat>().unwrap(), Either::Right(42.5));
        let text = eval(py, "'x'");
        assert_eq!(
            text.extract::<Either<i64, String>>().unwrap(),
            Either::Right("x".to_owned())
        );
    });
}

#[test]
fn neither_gives_type_error_naming_both() {
    Python::attach(|py| {
        let err = eval(py, "'foo'").extract::<Either<i32, f32>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.to_string(),
            "TypeError: failed to convert the value to 'Union[i32, f32]'"
        );
        let err = eval(py, "None")
            .extract::<Either<Vec<u8>, String>>()
            .unwrap_err();
        assert_eq!(
            err.value(py).to_string(),
            "failed to convert the value to 'Union[alloc::vec::Vec<u8>, alloc::string::String]'"
        );
    });
}
