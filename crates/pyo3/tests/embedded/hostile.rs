//! Hostile inputs to the std conversions, from Rust (the Python side is
//! pytests/tests/test_hostile.py): containers mutated while they are converted, integers
//! beyond the C types, text that is not valid UTF-8.

use std::collections::{BTreeMap, HashMap};

use pyo3::exceptions::{PyOverflowError, PyRuntimeError, PyUnicodeEncodeError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// A dict whose first value, when converted to an integer, grows the dict.
fn self_mutating_dict(py: Python<'_>) -> Bound<'_, PyDict> {
    let code = c"
class Grow:
    def __index__(self):
        d['new'] = 0
        return 1
d = {'a': Grow(), 'b': 2}
";
    // One namespace, so that `__index__` finds `d` among its globals.
    let namespace = PyDict::new(py);
    py.run(code, Some(&namespace), None).unwrap();
    namespace
        .get_item("d")
        .unwrap()
        .unwrap()
        .cast_into()
        .unwrap()
}

#[test]
fn map_extraction_of_a_dict_mutated_meanwhile_raises_runtime_error() {
    Python::attach(|py| {
        let d = self_mutating_dict(py);
        let err = d.extract::<HashMap<String, i64>>().unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py), "{err}");
        assert_eq!(
            err.value(py).to_string(),
            "dictionary changed size during iteration"
        );
        let d = self_mutating_dict(py);
        let err = d.extract::<BTreeMap<String, i64>>().unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py), "{err}");
    });
}

#[test]
fn dict_iteration_refuses_a_replaced_key_before_handing_it_out() {
    let result = std::panic::catch_unwind(|| {
        Python::attach(|py| {
            let d = PyDict::new(py);
            d.set_item("a", 1).unwrap();
            let mut seen = Vec::new();
            for (k, _) in &d {
                seen.push(k.extract::<String>().unwrap());
                assert_eq!(seen, ["a"], "the replacement key was handed out");
                d.del_item("a").unwrap();
                d.set_item("x", 1).unwrap();
            }
        })
    });
    let payload = result.expect_err("iteration went on");
    let message = payload
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert_eq!(message, "dictionary keys changed during iteration");
}

#[test]
fn integer_overflow_messages_name_the_c_type_as_pyo3_does() {
    Python::attach(|py| {
        let huge = py.eval(c"10**100", None, None).unwrap();
        let minus_one = (-1i64).into_pyobject(py).unwrap();
        let big = 256i64.into_pyobject(py).unwrap();
        let check = |err: PyErr, message: &str| {
            assert!(err.is_instance_of::<PyOverflowError>(py), "{err}");
            assert_eq!(err.value(py).to_string(), message);
        };
        #[cfg(all(target_pointer_width = "64", not(windows)))]
        check(
            huge.extract::<i64>().unwrap_err(),
            "Python int too large to convert to C long",
        );
        check(huge.extract::<u64>().unwrap_err(), "int too big to convert");
        check(
            minus_one.extract::<u64>().unwrap_err(),
            "can't convert negative int to unsigned",
        );
        let out_of_range = "out of range integral type conversion attempted";
        check(minus_one.extract::<u16>().unwrap_err(), out_of_range);
        check(minus_one.extract::<u8>().unwrap_err(), out_of_range);
        check(big.extract::<u8>().unwrap_err(), out_of_range);
        check(big.extract::<i8>().unwrap_err(), out_of_range);
        assert_eq!(big.extract::<u16>().unwrap(), 256);
    });
}

#[test]
fn lone_surrogate_into_string_raises_unicode_encode_error() {
    Python::attach(|py| {
        let text = py.eval(c"'a\\udcff'", None, None).unwrap();
        assert_refcnt!(text, {
            let err = text.extract::<String>().unwrap_err();
            assert!(err.is_instance_of::<PyUnicodeEncodeError>(py), "{err}");
            assert_eq!(
                err.value(py).to_string(),
                "'utf-8' codec can't encode character '\\udcff' in position 1: surrogates not allowed"
            );
        });
    });
}

/// Objects whose dunders raise, return the wrong type or a lying value.
fn hostile_objects(py: Python<'_>) -> Bound<'_, PyDict> {
    let code = c"
class Boom(Exception):
    pass
class FloatRaises:
    def __float__(self):
        raise Boom('float')
class FloatWrongType:
    def __float__(self):
        return 'x'
class HashMinusOne:
    def __hash__(self):
        return -1
class LenLies:
    def __len__(self):
        return 100
    def __getitem__(self, i):
        if i < 2:
            return i
        raise IndexError(i)
class LenHuge(LenLies):
    def __len__(self):
        return 2**60
objects = {
    'len_huge': LenHuge(),
    'float_raises': FloatRaises(),
    'float_wrong_type': FloatWrongType(),
    'hash_minus_one': HashMinusOne(),
    'len_lies': LenLies(),
    'surrogate': 'a\\udcff',
}
";
    let namespace = PyDict::new(py);
    py.run(code, Some(&namespace), None).unwrap();
    namespace
        .get_item("objects")
        .unwrap()
        .unwrap()
        .cast_into()
        .unwrap()
}

#[test]
fn hostile_dunders_give_cpythons_errors_from_rust() {
    Python::attach(|py| {
        let objects = hostile_objects(py);
        let get = |name: &str| objects.get_item(name).unwrap().unwrap();
        let err = get("float_raises").extract::<f64>().unwrap_err();
        assert_eq!(err.get_type(py).name().unwrap().to_string(), "Boom");
        assert_eq!(err.value(py).to_string(), "float");
        let err = get("float_wrong_type").extract::<f64>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "FloatWrongType.__float__ returned non-float (type str)"
        );
        // CPython turns a hash of -1 (its error value) into -2.
        assert_eq!(get("hash_minus_one").hash().unwrap(), -2);
        // A sequence whose __len__ lies is read until IndexError, as list() does.
        assert_eq!(get("len_lies").extract::<Vec<i64>>().unwrap(), [0, 1]);
        // One that claims more than can be allocated: MemoryError, as `list()` raises.
        let err = get("len_huge").extract::<Vec<i64>>().unwrap_err();
        assert!(
            err.is_instance_of::<pyo3::exceptions::PyMemoryError>(py),
            "{err}"
        );
        let surrogate = get("surrogate");
        assert_refcnt!(surrogate, {
            let err = surrogate
                .extract::<std::borrow::Cow<'_, str>>()
                .unwrap_err();
            assert!(err.is_instance_of::<PyUnicodeEncodeError>(py));
        });
    });
}
