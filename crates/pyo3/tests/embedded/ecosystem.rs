//! What published PyO3 client crates (rust-numpy, pythonize, serde-pyobject, pyo3-log, ...)
//! use of PyO3 beyond its documented API; each test names the crate that needed it.
//! `python3 x.py ecosystem` runs those crates' own suites against this implementation.

use std::marker::PhantomData;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyList, PyModule};
use pyo3::{ffi, PyTypeInfo};

/// A native type declared outside pyo3, as rust-numpy declares `PyUntypedArray`.
#[repr(transparent)]
struct ForeignList(PyAny);

// SAFETY: `PyList_Type` is the interpreter's static list type, alive for the process, and
// `PyList_Check` is the header's own check for it.
unsafe impl PyTypeInfo for ForeignList {
    const NAME: &'static str = "ForeignList";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyList_Type)
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached (a `Bound` exists); the object is alive.
        unsafe { ffi::PyList_Check(object.as_ptr()) != 0 }
    }
}

pyo3::pyobject_native_type_named!(ForeignList);

/// The same with a type parameter, as rust-numpy's `PyArray<T, D>` has.
#[repr(transparent)]
struct ForeignTyped<T>(PyAny, PhantomData<T>);

// SAFETY: as for `ForeignList`.
unsafe impl<T> PyTypeInfo for ForeignTyped<T> {
    const NAME: &'static str = "ForeignTyped";
    const MODULE: Option<&'static str> = Some("builtins");

    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyList_Type)
    }

    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached (a `Bound` exists); the object is alive.
        unsafe { ffi::PyList_Check(object.as_ptr()) != 0 }
    }
}

pyo3::pyobject_native_type_named!(ForeignTyped<T>; T);

// rust-numpy 0.27: `pyobject_native_type_named!` gives a foreign native type the deref of
// `Bound<T>` to `Bound<PyAny>`, so every `PyAnyMethods` method is callable on it.
#[test]
fn foreign_native_type_derefs_to_any() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2, 3]).unwrap().into_any();
        let foreign = list.cast::<ForeignList>().unwrap();
        assert_eq!(foreign.len().unwrap(), 3);
        assert_eq!(foreign.get_item(1).unwrap().extract::<i32>().unwrap(), 2);
        let as_any: &Bound<'_, PyAny> = foreign;
        assert!(as_any.is(&list));
        let typed = list.cast::<ForeignTyped<f64>>().unwrap();
        assert_eq!(typed.repr().unwrap().to_string(), "[1, 2, 3]");

        let not_a_list = 5i32.into_pyobject(py).unwrap().into_any();
        let err = PyErr::from(not_a_list.cast::<ForeignList>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        // The target is named by its type object, as in PyO3, not by `NAME`.
        assert_eq!(
            err.value(py).to_string(),
            "'int' object cannot be cast as 'list'"
        );
    });
}

// ---------------------------------------------------------------------------------------
// PyO3's other hidden native-type macros, used as a client crate would use them to declare
// a native type it binds (by an imported type object or a static one from the FFI), with
// PyO3 0.27.2's invocation grammar.

/// `collections.defaultdict`'s instance struct (`defdictobject` in CPython's
/// `_collectionsmodule.c`): a dict followed by the factory.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
struct DefaultDictObject {
    dict: ffi::PyDictObject,
    default_factory: *mut ffi::PyObject,
}

/// `collections.defaultdict`, by the type object imported from Python.
#[repr(transparent)]
struct ForeignDefaultDict(PyAny);

fn defaultdict_type_object(py: Python<'_>) -> *mut ffi::PyTypeObject {
    static TYPE: pyo3::sync::PyOnceLock<Py<pyo3::types::PyType>> = pyo3::sync::PyOnceLock::new();
    TYPE.import(py, "collections", "defaultdict")
        .unwrap()
        .as_type_ptr()
}

#[cfg(not(Py_LIMITED_API))]
pyo3::pyobject_native_type!(
    ForeignDefaultDict,
    DefaultDictObject,
    defaultdict_type_object,
    #module=Some("collections")
);
#[cfg(Py_LIMITED_API)]
pyo3::pyobject_native_type_core!(
    ForeignDefaultDict,
    defaultdict_type_object,
    #module=Some("collections")
);
#[cfg(not(Py_LIMITED_API))]
pyo3::pyobject_subclassable_native_type!(ForeignDefaultDict, DefaultDictObject);

/// `float` by the interpreter's static type object, with the header's check function.
#[repr(transparent)]
struct ForeignFloat(PyAny);

pyo3::pyobject_native_type!(
    ForeignFloat,
    ffi::PyFloatObject,
    pyo3::pyobject_native_static_type_object!(ffi::PyFloat_Type),
    #checkfunction=ffi::PyFloat_Check
);
pyo3::pyobject_subclassable_native_type!(ForeignFloat, ffi::PyFloatObject);

/// `range` through the core macro with an explicit module and a check function.
#[repr(transparent)]
struct ForeignRange(PyAny);

pyo3::pyobject_native_type_core!(
    ForeignRange,
    pyo3::pyobject_native_static_type_object!(ffi::PyRange_Type),
    #module=Some("builtins"),
    #checkfunction=ffi::PyRange_Check
);

/// `set` with a type parameter, through `pyobject_native_type_info!` and
/// `pyobject_native_type_named!` separately (what `pyobject_native_type_core!` combines).
#[repr(transparent)]
struct ForeignTypedSet<T>(PyAny, PhantomData<T>);

pyo3::pyobject_native_type_named!(ForeignTypedSet<T>; T);
pyo3::pyobject_native_type_info!(
    ForeignTypedSet<T>,
    pyo3::pyobject_native_static_type_object!(ffi::PySet_Type),
    None,
    #checkfunction=ffi::PySet_Check;
    T
);

/// A safe Rust check function, which `#checkfunction=` also accepts.
fn is_small_int(object: *mut ffi::PyObject) -> std::os::raw::c_int {
    Python::attach(|py| {
        // SAFETY: the macro passes a live object, and the caller is attached.
        let object = unsafe { Bound::from_borrowed_ptr(py, object) };
        object
            .extract::<i64>()
            .map_or(0, |value| i32::from((0..10).contains(&value)))
    })
}

/// `int` restricted by its check function to 0..10, without a module (`#module=None`).
#[repr(transparent)]
struct SmallInt(PyAny);

pyo3::pyobject_native_type_core!(
    SmallInt,
    pyo3::pyobject_native_static_type_object!(ffi::PyLong_Type),
    #module=None,
    #checkfunction=is_small_int
);

#[test]
fn native_type_macros_give_type_info() {
    Python::attach(|py| {
        assert_eq!(
            <ForeignDefaultDict as PyTypeInfo>::NAME,
            "ForeignDefaultDict"
        );
        assert_eq!(
            <ForeignDefaultDict as PyTypeInfo>::MODULE,
            Some("collections")
        );
        let collections = py.import("collections").unwrap();
        assert!(ForeignDefaultDict::type_object(py).is(collections.getattr("defaultdict").unwrap()));

        // Without `#module=`, the module is `builtins`.
        assert_eq!(<ForeignFloat as PyTypeInfo>::NAME, "ForeignFloat");
        assert_eq!(<ForeignFloat as PyTypeInfo>::MODULE, Some("builtins"));
        assert!(ForeignFloat::type_object(py).is(py.get_type::<pyo3::types::PyFloat>()));
        assert_eq!(<ForeignRange as PyTypeInfo>::MODULE, Some("builtins"));
        assert_eq!(ForeignRange::type_object(py).name().unwrap(), "range");
        assert_eq!(
            <ForeignTypedSet<u8> as PyTypeInfo>::NAME,
            "ForeignTypedSet<T>"
        );
        assert_eq!(<ForeignTypedSet<u8> as PyTypeInfo>::MODULE, None);
        assert_eq!(
            ForeignTypedSet::<u8>::type_object(py).name().unwrap(),
            "set"
        );
        assert_eq!(<SmallInt as PyTypeInfo>::MODULE, None);
    });
}

#[test]
fn native_type_macros_cast_with_check_functions() {
    Python::attach(|py| {
        let factory = py.get_type::<PyList>();
        let dd = py
            .import("collections")
            .unwrap()
            .getattr("defaultdict")
            .unwrap()
            .call1((factory,))
            .unwrap();
        let foreign = dd.cast::<ForeignDefaultDict>().unwrap();
        // Methods through the deref to `PyAny`: a missing key calls the factory.
        let made = foreign.get_item("missing").unwrap();
        assert_eq!(made.repr().unwrap().to_string(), "[]");
        assert_eq!(foreign.len().unwrap(), 1);
        // A plain dict is not a defaultdict: the default check is `isinstance`.
        let plain = pyo3::types::PyDict::new(py).into_any();
        let err = PyErr::from(plain.cast::<ForeignDefaultDict>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'dict' object cannot be cast as 'defaultdict'"
        );

        let number = 2.5f64.into_pyobject(py).unwrap().into_any();
        let float = number.cast::<ForeignFloat>().unwrap();
        assert_eq!(float.extract::<f64>().unwrap(), 2.5);
        let err = PyErr::from(
            "2.5"
                .into_pyobject(py)
                .unwrap()
                .cast::<ForeignFloat>()
                .unwrap_err(),
        );
        assert_eq!(
            err.value(py).to_string(),
            "'str' object cannot be cast as 'float'"
        );

        let range = py.eval(c"range(3, 9, 2)", None, None).unwrap();
        let foreign_range = range.cast::<ForeignRange>().unwrap();
        assert_eq!(foreign_range.len().unwrap(), 3);
        let err = PyErr::from(number.cast::<ForeignRange>().unwrap_err());
        assert_eq!(
            err.value(py).to_string(),
            "'float' object cannot be cast as 'range'"
        );

        let set = py.eval(c"{1, 2}", None, None).unwrap();
        let typed = set.cast::<ForeignTypedSet<i32>>().unwrap();
        assert!(typed.contains(2).unwrap());
        let frozen = py.eval(c"frozenset()", None, None).unwrap();
        let err = PyErr::from(frozen.cast::<ForeignTypedSet<i32>>().unwrap_err());
        assert_eq!(
            err.value(py).to_string(),
            "'frozenset' object cannot be cast as 'set'"
        );

        // The check function decides, not the type object.
        let three = 3i32.into_pyobject(py).unwrap().into_any();
        assert_eq!(
            three
                .cast::<SmallInt>()
                .unwrap()
                .add(1)
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            4
        );
        let twelve = 12i32.into_pyobject(py).unwrap().into_any();
        let err = PyErr::from(twelve.cast::<SmallInt>().unwrap_err());
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "'int' object cannot be cast as 'int'"
        );
    });
}

/// A class extending a foreign native type declared by the macros.
#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = ForeignDefaultDict)]
struct CountingDefaultDict {
    created: u32,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl CountingDefaultDict {
    #[new]
    fn new() -> Self {
        CountingDefaultDict { created: 7 }
    }

    fn created(&self) -> u32 {
        self.created
    }
}

#[cfg(not(Py_LIMITED_API))]
#[pyclass(extends = ForeignFloat)]
struct TaggedFloat {
    tag: &'static str,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl TaggedFloat {
    #[new]
    fn new() -> Self {
        TaggedFloat { tag: "zero" }
    }
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn subclassable_native_type_macro_lets_pyclass_extend() {
    Python::attach(|py| {
        let layout_size = std::mem::size_of::<DefaultDictObject>();
        let basicsize: usize = ForeignDefaultDict::type_object(py)
            .getattr("__basicsize__")
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(layout_size, basicsize);

        let cls = py.get_type::<CountingDefaultDict>();
        let obj = cls.call0().unwrap();
        assert!(obj
            .is_instance(&ForeignDefaultDict::type_object(py))
            .unwrap());
        let as_base = obj.cast::<ForeignDefaultDict>().unwrap();
        as_base.set_item("a", 1).unwrap();
        assert_eq!(as_base.get_item("a").unwrap().extract::<i32>().unwrap(), 1);
        assert!(obj.getattr("default_factory").unwrap().is_none());
        // No factory: a missing key is a `KeyError`, as for `defaultdict()`.
        let err = obj.get_item("b").unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyKeyError>(py));
        assert_eq!(err.value(py).to_string(), "'b'");
        // The factory set from Python lives in the native part, next to the Rust value.
        obj.setattr("default_factory", py.get_type::<PyList>())
            .unwrap();
        assert_eq!(obj.get_item("c").unwrap().repr().unwrap().to_string(), "[]");
        assert_eq!(
            obj.call_method0("created")
                .unwrap()
                .extract::<u32>()
                .unwrap(),
            7
        );
        let bound = obj.cast::<CountingDefaultDict>().unwrap();
        assert_eq!(bound.borrow().created, 7);
        assert_eq!(obj.len().unwrap(), 2);

        // The factory is released with the object (through defaultdict's own dealloc).
        // A fresh `functools.partial`: built-in types are immortal from 3.12 on, and 3.13t
        // also makes functions immortal or defers their counts.
        let factory_type = py
            .eval(c"__import__('functools').partial(list)", None, None)
            .unwrap();
        let before = factory_type.get_refcnt();
        obj.setattr("default_factory", &factory_type).unwrap();
        assert_eq!(factory_type.get_refcnt(), before + 1);
        drop(obj);
        assert_eq!(factory_type.get_refcnt(), before);

        let float = py.get_type::<TaggedFloat>().call0().unwrap();
        assert_eq!(float.extract::<f64>().unwrap(), 0.0);
        assert_eq!(float.cast::<TaggedFloat>().unwrap().borrow().tag, "zero");
        assert_eq!(
            float
                .get_type()
                .getattr("__mro__")
                .unwrap()
                .repr()
                .unwrap()
                .to_string(),
            "(<class 'builtins.TaggedFloat'>, <class 'float'>, <class 'object'>)"
        );
    });
}

/// A declarative module exporting foreign native types by `use`.
#[pymodule]
mod foreign_natives {
    #[pymodule_export]
    use super::ForeignDefaultDict;
    #[pymodule_export]
    use super::ForeignRange;
    // This crate's own native types and exceptions are declared with the same macros.
    #[pymodule_export]
    use pyo3::exceptions::PyValueError;
    #[pymodule_export]
    use pyo3::types::PyDict;
}

#[test]
fn native_type_macros_export_through_declarative_modules() {
    Python::attach(|py| {
        let module = pyo3::wrap_pymodule!(foreign_natives)(py).into_bound(py);
        let collections = py.import("collections").unwrap();
        assert!(module
            .getattr("defaultdict")
            .unwrap()
            .is(collections.getattr("defaultdict").unwrap()));
        assert!(module
            .getattr("range")
            .unwrap()
            .is(ForeignRange::type_object(py)));
        assert!(module
            .getattr("ValueError")
            .unwrap()
            .is(py.get_type::<pyo3::exceptions::PyValueError>()));
        assert!(module
            .getattr("dict")
            .unwrap()
            .is(py.get_type::<pyo3::types::PyDict>()));
    });
}

// ---------------------------------------------------------------------------------------
// The hidden exception macros, as crates that declare exception types by hand use them.

#[repr(transparent)]
struct HandMadeError(PyAny);
pyo3::impl_exception_boilerplate!(HandMadeError);
pyo3::create_exception_type_object!(
    ecosystem_errors,
    HandMadeError,
    pyo3::exceptions::PyValueError,
    None
);

#[repr(transparent)]
struct DocumentedError(PyAny);
pyo3::impl_exception_boilerplate!(DocumentedError);
pyo3::create_exception_type_object!(
    ecosystem_errors,
    DocumentedError,
    pyo3::exceptions::PyLookupError,
    Some("Raised by hand.")
);

#[repr(transparent)]
struct CStrDocError(PyAny);
pyo3::impl_exception_boilerplate!(CStrDocError);
const CSTR_DOC: Option<&std::ffi::CStr> = Some(c"Documented with a C string.");
pyo3::create_exception_type_object!(
    ecosystem_errors.nested,
    CStrDocError,
    HandMadeError,
    CSTR_DOC
);

#[test]
fn exception_macros_declare_exception_types() {
    Python::attach(|py| {
        let err = HandMadeError::new_err("bad value");
        assert!(err.is_instance_of::<HandMadeError>(py));
        assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert_eq!(err.to_string(), "HandMadeError: bad value");
        let ty = py.get_type::<HandMadeError>();
        assert_eq!(ty.qualname().unwrap(), "HandMadeError");
        assert_eq!(ty.module().unwrap(), "ecosystem_errors");
        assert!(ty.getattr("__doc__").unwrap().is_none());
        assert_eq!(<HandMadeError as PyTypeInfo>::NAME, "HandMadeError");
        assert_eq!(
            <HandMadeError as PyTypeInfo>::MODULE,
            Some("ecosystem_errors")
        );

        let documented = py.get_type::<DocumentedError>();
        assert_eq!(
            documented
                .getattr("__doc__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "Raised by hand."
        );
        assert!(DocumentedError::new_err(()).is_instance_of::<pyo3::exceptions::PyLookupError>(py));

        let nested = py.get_type::<CStrDocError>();
        assert_eq!(nested.module().unwrap(), "ecosystem_errors.nested");
        assert_eq!(
            nested
                .getattr("__doc__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "Documented with a C string."
        );
        let err = CStrDocError::new_err((1,));
        assert!(err.is_instance_of::<HandMadeError>(py));
        assert_eq!(err.value(py).repr().unwrap().to_string(), "CStrDocError(1)");

        // The type is made once: every lookup gives the same object.
        assert!(py.get_type::<CStrDocError>().is(&nested));
        // It can be raised and caught from Python by its type.
        let locals = pyo3::types::PyDict::new(py);
        locals.set_item("E", &nested).unwrap();
        locals
            .set_item("Base", py.get_type::<HandMadeError>())
            .unwrap();
        py.run(
            c"try:\n    raise E('x')\nexcept Base as e:\n    caught = str(e)\n",
            None,
            Some(&locals),
        )
        .unwrap();
        assert_eq!(
            locals
                .get_item("caught")
                .unwrap()
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "x"
        );
    });
}

/// A module-level function for the `add_wrapped` test below.
#[pyfunction]
fn sleeper_add(a: i64, b: i64) -> i64 {
    a + b
}

// pyo3-async-runtimes 0.27's tests: `module.add_wrapped(wrap_pyfunction!(f))`, where the
// one-argument `wrap_pyfunction!` is a reference to a closure, as `add_wrapped` takes it.
#[test]
fn add_wrapped_takes_one_argument_wrap_pyfunction() {
    Python::attach(|py| {
        let module = PyModule::new(py, "sleeper").unwrap();
        module.add_wrapped(wrap_pyfunction!(sleeper_add)).unwrap();
        let function = module.getattr("sleeper_add").unwrap();
        assert_eq!(function.call1((2, 3)).unwrap().extract::<i64>().unwrap(), 5);

        // The same reference, called with a `Python` token, wraps the function on its own.
        let wrapper = wrap_pyfunction!(sleeper_add);
        let standalone = wrapper(py).unwrap();
        assert_eq!(
            standalone.getattr("__name__").unwrap().to_string(),
            "sleeper_add"
        );
        let err = standalone.call1(("x", 1)).unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "argument 'a': 'str' object cannot be interpreted as an integer"
        );
    });
}
