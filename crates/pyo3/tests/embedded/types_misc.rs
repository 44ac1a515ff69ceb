//! `PySlice`, `PyComplex`, `PyEllipsis`, `PyNotImplemented`, `PyCapsule`, the weak
//! references, `PyCode`, `PyFunction`, `PyModule::from_code`, `PyType` and `PyString`
//! additions.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PySyntaxError, PyTypeError, PyValueError, PyZeroDivisionError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBytes, PyCapsule, PyCode, PyCodeInput, PyCodeMethods, PyComplex, PyDict, PyEllipsis,
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
