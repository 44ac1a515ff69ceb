//! `PySlice`, `PyComplex`, `PyEllipsis`, `PyNotImplemented`, `PyCapsule`, the weak
//! references, `PyCode`, `PyFunction`, `PyModule::from_code`, `PyType`, `PyString`
//! additions, and the comparisons of `str`, `float` and `int` objects with Rust values.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PySyntaxError, PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBytes, PyCapsule, PyCode, PyCodeInput, PyCodeMethods, PyComplex, PyDict, PyEllipsis, PyFloat,
    PyFunction, PyInt, PyNotImplemented, PySlice, PyString, PyType, PyWeakref, PyWeakrefProxy,
    PyWeakrefReference,
};
use pyo3::PyTypeInfo;

#[test]
fn slice_indices() {
    Python::attach(|py| {
        let s = PySlice::new(py, 1, -1, 2);
        assert_refcnt!(s, {
            let i = s.indices(10).unwrap();
            assert_eq!((i.start, i.stop, i.step, i.slicelength), (1, 9, 2, 4));
            let full = PySlice::full(py).indices(3).unwrap();
            assert_eq!(
                (full.start, full.stop, full.step, full.slicelength),
                (0, 3, 1, 3)
            );
            let rev = PySlice::new(py, -1, -10, -1).indices(5).unwrap();
            assert_eq!((rev.start, rev.stop, rev.slicelength), (4, -1, 5));
        });
        let err = PySlice::new(py, 0, 1, 0).indices(5).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "slice step cannot be zero");
        py_assert!(py, s; "s == slice(1, -1, 2)");
    });
}

#[test]
fn complex_values() {
    Python::attach(|py| {
        let z = PyComplex::from_doubles(py, 3.0, 4.0);
        assert_eq!((z.real(), z.imag()), (3.0, 4.0));
        assert_eq!(z.abs(), 5.0);
        let sq = z.pow(&PyComplex::from_doubles(py, 2.0, 0.0));
        assert!((sq.real() - -7.0).abs() < 1e-9 && (sq.imag() - 24.0).abs() < 1e-9);
        py_assert!(py, z; "z == 3+4j");
        let err = PyComplex::from_doubles(py, 0.0, 0.0).div(0).unwrap_err();
        assert!(err.is_instance_of::<PyZeroDivisionError>(py));
    });
}

#[test]
fn singletons() {
    Python::attach(|py| {
        let e = PyEllipsis::get(py);
        assert!(e.is(py.Ellipsis()));
        assert!(e.is_instance_of::<PyEllipsis>());
        assert!(!py.None().bind(py).is_instance_of::<PyEllipsis>());
        let n = PyNotImplemented::get(py);
        assert!(n.is(py.NotImplemented()));
        assert!(n.is_exact_instance_of::<PyNotImplemented>());
        assert_eq!(
            PyEllipsis::type_object(py)
                .name()
                .unwrap()
                .to_str()
                .unwrap(),
            "ellipsis"
        );
    });
}

static DROPS: AtomicUsize = AtomicUsize::new(0);

struct Counted(u64);

impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[test]
fn capsule_value_name_context_and_drop() {
    Python::attach(|py| {
        let before = DROPS.load(Ordering::SeqCst);
        let capsule =
            PyCapsule::new(py, Counted(7), Some(c"pyo3_tests.counted".to_owned())).unwrap();
        let name = capsule.name().unwrap().unwrap();
        // SAFETY: the capsule, which owns its name, is alive.
        assert_eq!(unsafe { name.as_cstr() }, c"pyo3_tests.counted");
        assert!(capsule.is_valid());
        // SAFETY: it holds a `Counted`.
        assert_eq!(unsafe { capsule.reference::<Counted>() }.0, 7);
        assert!(capsule.context().unwrap().is_null());
        let mut marker = 5u8;
        capsule
            .set_context((&mut marker as *mut u8).cast())
            .unwrap();
        assert_eq!(capsule.context().unwrap(), (&mut marker as *mut u8).cast());
        capsule.set_context(std::ptr::null_mut()).unwrap();

        // Make it importable and import it back.
        let module = PyModule::new(py, "pyo3_tests").unwrap();
        module.add("counted", &capsule).unwrap();
        py.import("sys")
            .unwrap()
            .getattr("modules")
            .unwrap()
            .set_item("pyo3_tests", &module)
            .unwrap();
        // SAFETY: the capsule holds a `Counted` and the module keeps it alive.
        let imported: &Counted = unsafe { PyCapsule::import(py, c"pyo3_tests.counted") }.unwrap();
        assert_eq!(imported.0, 7);
        py.import("sys")
            .unwrap()
            .getattr("modules")
            .unwrap()
            .del_item("pyo3_tests")
            .unwrap();
        // The free-threaded build frees module objects (deferred reference counting) only in
        // a garbage collection, which other test threads may be running at the same time:
        // take the capsule out of the module so that dropping it is what frees it.
        #[cfg(Py_GIL_DISABLED)]
        module.delattr("counted").unwrap();
        drop(module);
        drop(capsule);
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 1);

        let unnamed = PyCapsule::new_with_destructor(py, 3i32, None, |v, ctx| {
            assert_eq!(v, 3);
            assert!(ctx.is_null());
            DROPS.fetch_add(10, Ordering::SeqCst);
        })
        .unwrap();
        assert!(unnamed.name().unwrap().is_none());
        drop(unnamed);
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 11);
        // SAFETY: the type is irrelevant, the import fails.
        let err = unsafe { PyCapsule::import::<i32>(py, c"no_such_module_xyz.attr") }.unwrap_err();
        assert!(err
            .get_type(py)
            .is_subclass_of::<pyo3::exceptions::PyImportError>()
            .unwrap());
    });
}

#[test]
fn weak_references() {
    Python::attach(|py| {
        let cls = py.eval(c"type('W', (), {})", None, None).unwrap();
        let obj = cls.call0().unwrap();
        let weak = PyWeakrefReference::new(&obj).unwrap();
        let proxy = PyWeakrefProxy::new(&obj).unwrap();
        assert_refcnt!(obj, {
            assert!(weak.upgrade().unwrap().is(&obj));
            assert!(proxy.upgrade().unwrap().is(&obj));
            assert!(weak.upgrade_as::<PyAny>().unwrap().is_some());
            let err = weak.upgrade_as::<PyInt>().unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert!(weak.as_any().cast::<PyWeakref>().is_ok());
            assert!(proxy.as_any().cast::<PyWeakref>().is_ok());
            assert!(weak.as_any().cast::<PyWeakrefProxy>().is_err());
        });
        let calls = PyDict::new(py);
        let callback = py
            .eval(
                c"lambda d: lambda ref: d.__setitem__('called', True)",
                None,
                None,
            )
            .unwrap()
            .call1((&calls,))
            .unwrap();
        let with_cb = PyWeakrefReference::new_with(&obj, &callback).unwrap();
        drop(obj);
        assert!(weak.upgrade().is_none());
        assert!(proxy.upgrade().is_none());
        assert!(with_cb.upgrade().is_none());
        assert!(weak.get_object().is_none());
        assert!(calls.contains("called").unwrap());
        let err = PyWeakrefReference::new(&1i32.into_pyobject(py).unwrap().into_any()).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "cannot create weak reference to 'int' object"
        );
    });
}

#[test]
fn code_compile_and_run() {
    Python::attach(|py| {
        let code = PyCode::compile(py, c"x * 2", c"<test>", PyCodeInput::Eval).unwrap();
        let globals = PyDict::new(py);
        globals.set_item("x", 21).unwrap();
        let value: i32 = code.run(Some(&globals), None).unwrap().extract().unwrap();
        assert_eq!(value, 42);
        let stmts = PyCode::compile(py, c"y = 1\n", c"<test>", PyCodeInput::File).unwrap();
        let locals = PyDict::new(py);
        assert!(stmts.run(Some(&globals), Some(&locals)).unwrap().is_none());
        assert!(locals.contains("y").unwrap());
        let err = PyCode::compile(py, c"1 +", c"<test>", PyCodeInput::Eval).unwrap_err();
        assert!(err.is_instance_of::<PySyntaxError>(py));
        let f = py.eval(c"lambda: 1", None, None).unwrap();
        assert!(f.is_instance_of::<PyFunction>());
    });
}

#[test]
fn module_from_code() {
    Python::attach(|py| {
        let m = PyModule::from_code(
            py,
            c"VALUE = 5\ndef triple(x):\n    return 3 * x\n",
            c"from_code_test.py",
            c"from_code_test",
        )
        .unwrap();
        assert_eq!(m.name().unwrap().to_str().unwrap(), "from_code_test");
        assert_eq!(m.filename().unwrap().to_str().unwrap(), "from_code_test.py");
        let nine: i32 = m
            .getattr("triple")
            .unwrap()
            .call1((3,))
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(nine, 9);
        let err = PyModule::from_code(py, c"def (", c"", c"broken").unwrap_err();
        assert!(err.is_instance_of::<PySyntaxError>(py));
        let err = PyModule::from_code(py, c"1 / 0", c"", c"raises").unwrap_err();
        assert!(err.is_instance_of::<PyZeroDivisionError>(py));
    });
}

#[test]
fn type_names_mro_bases() {
    Python::attach(|py| {
        let bool_type = py.get_type::<pyo3::types::PyBool>();
        assert_eq!(bool_type.name().unwrap().to_str().unwrap(), "bool");
        assert_eq!(bool_type.qualname().unwrap().to_str().unwrap(), "bool");
        assert_eq!(bool_type.module().unwrap().to_str().unwrap(), "builtins");
        assert_eq!(
            bool_type.fully_qualified_name().unwrap().to_str().unwrap(),
            "bool"
        );
        assert!(bool_type.is_subclass_of::<PyInt>().unwrap());
        assert_eq!(bool_type.mro().len(), 3);
        let bases = bool_type.bases();
        assert_eq!(bases.len(), 1);
        assert!(bases.get_item(0).unwrap().is(py.get_type::<PyInt>()));
        let od = py
            .import("collections")
            .unwrap()
            .getattr("OrderedDict")
            .unwrap();
        let od = od.cast::<PyType>().unwrap();
        assert_eq!(
            od.fully_qualified_name().unwrap().to_str().unwrap(),
            "collections.OrderedDict"
        );
        assert!(PyType::new::<PyInt>(py).is(py.get_type::<PyInt>()));
    });
}

#[test]
fn string_constructors() {
    Python::attach(|py| {
        let raw = PyBytes::new(py, b"caf\xe9");
        let s = PyString::from_encoded_object(&raw, Some(c"latin-1"), None).unwrap();
        assert_eq!(s.to_cow().unwrap(), "caf\u{e9}");
        let err = PyString::from_encoded_object(&raw, None, None).unwrap_err();
        assert!(err.get_type(py).is_subclass_of::<PyValueError>().unwrap());
        let replaced = PyString::from_encoded_object(&raw, None, Some(c"replace")).unwrap();
        assert_eq!(replaced.to_cow().unwrap(), "caf\u{fffd}");
        #[allow(deprecated)]
        let old = PyString::from_object(&raw, "latin-1", "strict").unwrap();
        assert_eq!(old.to_str().unwrap(), "caf\u{e9}");
        assert_eq!(s.encode_utf8().unwrap().as_bytes(), "caf\u{e9}".as_bytes());
        let lone = py.eval(c"'a\\ud800'", None, None).unwrap();
        let lone = lone.cast::<PyString>().unwrap();
        assert!(lone.to_str().is_err());
        // Each byte of the surrogate's UTF-8 form becomes one replacement character.
        assert_eq!(lone.to_string_lossy(), "a\u{fffd}\u{fffd}\u{fffd}");
        let interned = PyString::intern(py, "intern_me");
        assert!(interned.is(PyString::intern(py, "intern_me")));
    });
}

/// Asserts every comparison form between a `str` object and `text` gives `expected`.
fn check_str_eq(s: &Bound<'_, PyString>, text: &str, expected: bool) {
    let b = s.as_borrowed();
    let results = [
        *s == *text,
        *s == text,
        s == *text,
        b == *text,
        b == text,
        *text == *s,
        *text == s,
        *text == b,
        text == *s,
        text == b,
    ];
    assert!(
        results.iter().all(|&r| r == expected),
        "{s:?} vs {text:?}: {results:?}, expected {expected}"
    );
}

#[test]
fn string_compares_text() {
    Python::attach(|py| {
        // One-, two- and four-byte storage, and the empty string.
        for text in [
            "",
            "abc",
            "caf\u{e9}",
            "\u{65e5}\u{672c}",
            "snake \u{1f40d}",
        ] {
            let s = PyString::new(py, text);
            assert_refcnt!(s, {
                check_str_eq(&s, text, true);
                check_str_eq(&s, &format!("{text}x"), false);
                check_str_eq(&s, "ab", false);
            });
        }
        // Latin-1 storage must not be mistaken for UTF-8 bytes ("Ã©" is "é" in UTF-8).
        check_str_eq(&PyString::new(py, "\u{c3}\u{a9}"), "\u{e9}", false);
        check_str_eq(&PyString::new(py, "\u{e9}"), "\u{c3}\u{a9}", false);
        check_str_eq(&PyString::new(py, "a\u{1f40d}"), "a\u{fffd}", false);
        // A lone surrogate equals nothing, and leaves no exception behind.
        let lone = py.eval(c"'a\\ud800'", None, None).unwrap();
        let lone = lone.cast::<PyString>().unwrap();
        check_str_eq(lone, "a\u{fffd}", false);
        check_str_eq(lone, "a", false);
        assert!(!PyErr::occurred(py));
        // The text is compared, not Python's `==`.
        let module = PyModule::from_code(
            py,
            c"class S(str):\n    def __eq__(self, other):\n        return True\n",
            c"str_eq_mod.py",
            c"str_eq_mod",
        )
        .unwrap();
        let odd = module.getattr("S").unwrap().call1(("abc",)).unwrap();
        let odd = odd.cast::<PyString>().unwrap();
        check_str_eq(odd, "abc", true);
        check_str_eq(odd, "xyz", false);
    });
}

// The references are the point: each form of the comparison has its own impl.
#[allow(clippy::op_ref)]
#[test]
fn float_compares_value() {
    Python::attach(|py| {
        let f = PyFloat::new(py, 1.5);
        let b = f.as_borrowed();
        assert_refcnt!(f, {
            assert!(f == 1.5f64 && f == &1.5f64 && &f == 1.5f64);
            assert!(b == 1.5f64 && b == &1.5f64);
            assert!(1.5f64 == f && 1.5f64 == &f && &1.5f64 == f);
            assert!(1.5f64 == b && &1.5f64 == b);
            assert!(f == 1.5f32 && f == &1.5f32 && &f == 1.5f32);
            assert!(b == 1.5f32 && b == &1.5f32);
            assert!(1.5f32 == f && 1.5f32 == &f && &1.5f32 == f);
            assert!(1.5f32 == b && &1.5f32 == b);
            assert!(f != 2.5f64 && 2.5f32 != f && b != 1.25f64);
        });
        // Against f32 the value is rounded to f32 first, so 0.1 matches 0.1f32.
        let tenth = PyFloat::new(py, 0.1);
        assert!(tenth == 0.1f32);
        assert!(0.1f32 == tenth);
        assert!(tenth == 0.1f64 && tenth != f64::from(0.1f32));
        let (nan64, nan32) = (f64::NAN, f32::NAN);
        let nan = PyFloat::new(py, nan64);
        assert!(nan != nan64 && nan32 != nan);
        let inf = PyFloat::new(py, f64::INFINITY);
        assert!(inf == f64::INFINITY && inf == f32::INFINITY);
        // A finite f64 too large for f32 rounds to infinity.
        assert!(PyFloat::new(py, 1e300) == f32::INFINITY);
    });
}

fn eval_int<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyInt> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap().cast_into().unwrap()
}

macro_rules! check_int_bounds {
    ($py:expr; $($t:ty),*) => {$(
        for value in [<$t>::MIN, <$t>::MAX, 0, 1] {
            let int = PyInt::new($py, value);
            assert_refcnt!(int, {
                assert!(int == value, "{} == {}", int, value);
                assert!(value == int, "{} == {}", value, int);
                assert!(int != value.wrapping_add(1));
                assert!(value.wrapping_sub(1) != int);
            });
        }
        // One beyond each end of the range equals nothing of the type.
        let below = eval_int($py, &format!("{} - 1", <$t>::MIN));
        let above = eval_int($py, &format!("{} + 1", <$t>::MAX));
        for value in [<$t>::MIN, <$t>::MAX, 0] {
            assert!(below != value && value != below);
            assert!(above != value && value != above);
        }
        assert!(!PyErr::occurred($py));
    )*};
}

#[test]
fn int_compares_mathematically() {
    Python::attach(|py| {
        check_int_bounds!(py; i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);
        // No wrap-around: -1 is not u64::MAX, and 2**64 is not 0.
        let minus_one = PyInt::new(py, -1i64);
        assert!(minus_one != u64::MAX && minus_one != u128::MAX && minus_one != usize::MAX);
        assert!(minus_one == -1i8 && minus_one == -1i128);
        let two_64 = eval_int(py, "2 ** 64");
        assert!(two_64 != 0u64 && two_64 == 1u128 << 64 && two_64 == 1i128 << 64);
        let huge = eval_int(py, "-(2 ** 200)");
        assert!(huge != i128::MIN && huge != 0u128 && huge != i64::MIN);
        assert!(!PyErr::occurred(py));
        // Subclasses compare by value: `True` is 1, and an overridden `__eq__` is ignored.
        let true_ = eval_int(py, "True");
        assert!(true_ == 1u8 && 1i64 == true_ && true_ != 2i32);
        let module = PyModule::from_code(
            py,
            c"class I(int):\n    def __eq__(self, other):\n        return True\n    def __index__(self):\n        raise RuntimeError\n",
            c"int_eq_mod.py",
            c"int_eq_mod",
        )
        .unwrap();
        let odd = module.getattr("I").unwrap().call1((7,)).unwrap();
        let odd = odd.cast::<PyInt>().unwrap();
        assert!(*odd == 7u64 && *odd != 8u64 && *odd == 7i128 && 8u128 != *odd);
        let odd_big = module.getattr("I").unwrap().call1((1u128 << 100,)).unwrap();
        let odd_big = odd_big.cast::<PyInt>().unwrap();
        assert!(*odd_big == 1u128 << 100 && *odd_big != u128::MAX && *odd_big != 0i8);
        assert!(!PyErr::occurred(py));
    });
}
