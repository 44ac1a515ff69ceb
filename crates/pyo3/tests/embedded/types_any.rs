//! `PyAnyMethods`: operators, casts, `is`, `py_super`, with values, errors and reference
//! counts.

use pyo3::exceptions::{PyTypeError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyList, PyString};

fn int(py: Python<'_>, v: i64) -> Bound<'_, PyAny> {
    v.into_pyobject(py).unwrap().into_any()
}

#[test]
fn arithmetic_operators() {
    Python::attach(|py| {
        let a = int(py, 17);
        assert_refcnt!(a, {
            let check = |r: PyResult<Bound<'_, PyAny>>, expected: &str| {
                assert_eq!(r.unwrap().repr().unwrap().to_str().unwrap(), expected);
            };
            check(a.add(3), "20");
            check(a.sub(20), "-3");
            check(a.mul(2), "34");
            check(a.div(2), "8.5");
            check(a.floor_div(5), "3");
            check(a.rem(5), "2");
            check(a.divmod(5), "(3, 2)");
            check(a.pow(2, py.None()), "289");
            check(a.pow(2, 10), "9");
            check(a.neg(), "-17");
            check(a.pos(), "17");
            check(int(py, -4).abs(), "4");
            check(a.bitnot(), "-18");
            check(a.lshift(2), "68");
            check(a.rshift(2), "4");
            check(a.bitand(3), "1");
            check(a.bitor(8), "25");
            check(a.bitxor(1), "16");
        });
    });
}

#[test]
fn operator_errors() {
    Python::attach(|py| {
        let a = int(py, 1);
        let err = a.div(0).unwrap_err();
        assert!(err.is_instance_of::<PyZeroDivisionError>(py));
        assert_eq!(err.value(py).to_string(), "division by zero");
        let err = a.add("x").unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "unsupported operand type(s) for +: 'int' and 'str'"
        );
        let err = a.matmul(2).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        let err = PyString::new(py, "s").neg().unwrap_err();
        assert_eq!(
            err.value(py).to_string(),
            "bad operand type for unary -: 'str'"
        );
    });
}

#[test]
fn matmul_uses_dunder() {
    Python::attach(|py| {
        let cls = py
            .eval(
                c"type('M', (), {'__matmul__': lambda self, other: ('matmul', other)})",
                None,
                None,
            )
            .unwrap();
        let m = cls.call0().unwrap();
        let r = m.matmul(3).unwrap();
        assert_eq!(r.repr().unwrap().to_str().unwrap(), "('matmul', 3)");
    });
}

#[test]
fn is_and_exact_casts() {
    Python::attach(|py| {
        let t = PyBool::new(py, true).to_owned().into_any();
        assert!(t.is(&t));
        assert!(t.is(t.clone().unbind()));
        assert!(t.is(PyBool::new(py, true)));
        assert!(!t.is(int(py, 1)));

        assert!(t.cast::<PyInt>().is_ok());
        assert!(t.cast_exact::<PyInt>().is_err());
        assert!(t.cast_exact::<PyBool>().is_ok());
        let err = t.clone().cast_into_exact::<PyInt>().unwrap_err();
        assert_eq!(err.to_string(), "'bool' object cannot be cast as 'int'");
        assert!(t.clone().cast_into_exact::<PyBool>().is_ok());
        assert!(t.is_exact_instance(&py.get_type::<PyBool>()));
        assert!(!t.is_exact_instance(&py.get_type::<PyInt>()));
        assert!(t.is_exact_instance_of::<PyBool>());
        assert!(!t.is_exact_instance_of::<PyInt>());

        let list = PyList::empty(py).into_any();
        // SAFETY: it is a list.
        let l: &Bound<'_, PyList> = unsafe { list.cast_unchecked() };
        assert_eq!(l.len(), 0);
    });
}

#[test]
fn py_super_calls_base_method() {
    Python::attach(|py| {
        let locals = pyo3::types::PyDict::new(py);
        py.run(
            c"class A:\n    def who(self): return 'A'\nclass B(A):\n    def who(self): return 'B'\nb = B()",
            None,
            Some(&locals),
        )
        .unwrap();
        let b = locals.get_item("b").unwrap().unwrap();
        assert_refcnt!(b, {
            let sup = b.py_super().unwrap();
            let who: String = sup.call_method0("who").unwrap().extract().unwrap();
            assert_eq!(who, "A");
        });
    });
}
