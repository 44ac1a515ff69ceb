//! `pyo3_ffi::compat` on an embedded interpreter: each backport gives the results, the
//! reference counts and the exceptions of the C function it stands for. Built for an older
//! interpreter (or the limited API) this tests the Rust fallbacks; built for 3.13 it tests
//! that the re-exported originals behave as the fallbacks were written to.

use pyo3_ffi::compat;
use pyo3_ffi::*;
use std::ffi::CStr;
use std::os::raw::c_int;
use std::ptr::null_mut;
use std::sync::Once;

/// Detaches on drop, so that a failed assertion does not leave the GIL taken (and the
/// other tests waiting for it).
struct Attached(PyGILState_STATE);

impl Drop for Attached {
    fn drop(&mut self) {
        // SAFETY: `self.0` came from `PyGILState_Ensure` on this thread.
        unsafe { PyGILState_Release(self.0) }
    }
}

/// Runs `f` attached to the (once started) interpreter.
fn attached<R>(f: impl FnOnce() -> R) -> R {
    static START: Once = Once::new();
    // SAFETY: initialization happens once; the initializing thread then releases the GIL
    // so that every test thread can take it with `PyGILState_Ensure`.
    let _guard = unsafe {
        START.call_once(|| {
            Py_InitializeEx(0);
            PyEval_SaveThread();
        });
        Attached(PyGILState_Ensure())
    };
    let r = f();
    // SAFETY: attached (the guard is alive).
    let pending = unsafe { PyErr_Occurred() };
    assert!(pending.is_null(), "a test left an exception set");
    r
}

/// Evaluates a Python expression (a new reference).
///
/// # Safety
/// The thread must be attached.
unsafe fn eval(code: &CStr) -> *mut PyObject {
    // SAFETY: attached (caller); the globals dict is owned here and released.
    unsafe {
        let globals = PyDict_New();
        let builtins = PyEval_GetBuiltins();
        assert_eq!(
            PyDict_SetItemString(globals, c"__builtins__".as_ptr(), builtins),
            0
        );
        let compiled = Py_CompileString(code.as_ptr(), c"<test>".as_ptr(), Py_eval_input);
        assert!(!compiled.is_null(), "compiling {code:?} failed");
        let value = PyEval_EvalCode(compiled, globals, globals);
        Py_DECREF(compiled);
        Py_DECREF(globals);
        assert!(!value.is_null(), "evaluating {code:?} failed");
        value
    }
}

/// Takes the pending exception and checks its type.
///
/// # Safety
/// The thread must be attached.
unsafe fn take_error(expected: *mut PyObject) {
    // SAFETY: attached (caller).
    unsafe {
        assert!(!PyErr_Occurred().is_null(), "no exception was raised");
        assert_eq!(
            PyErr_ExceptionMatches(expected),
            1,
            "another exception type"
        );
        PyErr_Clear();
    }
}

#[test]
fn dict_get_item_ref() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let dict = eval(c"{'a': [1]}");
            let key = PyUnicode_FromString(c"a".as_ptr());
            let value = PyDict_GetItem(dict, key);
            let before = Py_REFCNT(value);
            let mut out = null_mut();
            assert_eq!(compat::PyDict_GetItemRef(dict, key, &mut out), 1);
            assert_eq!(out, value);
            assert_eq!(Py_REFCNT(value), before + 1);
            Py_DECREF(out);

            assert_eq!(
                compat::PyDict_GetItemStringRef(dict, c"a".as_ptr(), &mut out),
                1
            );
            assert_eq!(out, value);
            Py_DECREF(out);

            assert_eq!(
                compat::PyDict_GetItemStringRef(dict, c"b".as_ptr(), &mut out),
                0
            );
            assert!(out.is_null());
            assert!(PyErr_Occurred().is_null());

            let unhashable = eval(c"[]");
            assert_eq!(compat::PyDict_GetItemRef(dict, unhashable, &mut out), -1);
            assert!(out.is_null());
            take_error(PyExc_TypeError);

            Py_DECREF(unhashable);
            Py_DECREF(key);
            Py_DECREF(dict);
        }
    });
}

#[test]
fn list_get_item_ref_extend_clear() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let list = eval(c"[10, 20]");
            let item = compat::PyList_GetItemRef(list, 1);
            assert_eq!(PyLong_AsLong(item), 20);
            assert!(Py_REFCNT(item) >= 2);
            Py_DECREF(item);

            assert!(compat::PyList_GetItemRef(list, 2).is_null());
            take_error(PyExc_IndexError);

            let not_a_list = eval(c"(1,)");
            assert!(compat::PyList_GetItemRef(not_a_list, 0).is_null());
            take_error(PyExc_TypeError);

            assert_eq!(compat::PyList_Extend(list, not_a_list), 0);
            assert_eq!(compat::PyList_Extend(list, list), 0);
            assert_eq!(PyList_Size(list), 6);
            let number = PyLong_FromLong(3);
            assert_eq!(compat::PyList_Extend(list, number), -1);
            take_error(PyExc_TypeError);
            assert_eq!(compat::PyList_Extend(not_a_list, list), -1);
            take_error(PyExc_SystemError);

            assert_eq!(compat::PyList_Clear(list), 0);
            assert_eq!(PyList_Size(list), 0);
            assert_eq!(compat::PyList_Clear(not_a_list), -1);
            take_error(PyExc_SystemError);

            Py_DECREF(number);
            Py_DECREF(not_a_list);
            Py_DECREF(list);
        }
    });
}

#[test]
fn module_add_and_add_object_ref() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let module = compat::PyImport_AddModuleRef(c"compat_test_module".as_ptr());
            assert!(!module.is_null());
            let again = PyImport_AddModule(c"compat_test_module".as_ptr());
            assert_eq!(again, module);

            let value = PyLong_FromLong(123_456);
            let before = Py_REFCNT(value);
            assert_eq!(
                compat::PyModule_AddObjectRef(module, c"kept".as_ptr(), value),
                0
            );
            assert_eq!(Py_REFCNT(value), before + 1);
            Py_INCREF(value);
            assert_eq!(compat::PyModule_Add(module, c"moved".as_ptr(), value), 0);
            assert_eq!(Py_REFCNT(value), before + 2);

            // A NULL value with an exception set: the exception is left as it is.
            PyErr_SetString(PyExc_ValueError, c"from the caller".as_ptr());
            assert_eq!(
                compat::PyModule_Add(module, c"none".as_ptr(), null_mut()),
                -1
            );
            take_error(PyExc_ValueError);

            let not_a_module = eval(c"object()");
            Py_INCREF(value);
            assert_eq!(compat::PyModule_Add(not_a_module, c"x".as_ptr(), value), -1);
            take_error(PyExc_TypeError);
            assert_eq!(Py_REFCNT(value), before + 2);

            let mut out = null_mut();
            let name = PyUnicode_FromString(c"moved".as_ptr());
            assert_eq!(compat::PyObject_GetOptionalAttr(module, name, &mut out), 1);
            assert_eq!(out, value);
            Py_DECREF(out);
            assert_eq!(
                compat::PyObject_GetOptionalAttrString(module, c"absent".as_ptr(), &mut out),
                0
            );
            assert!(out.is_null());
            assert!(PyErr_Occurred().is_null());

            Py_DECREF(name);
            Py_DECREF(not_a_module);
            Py_DECREF(value);
            Py_DECREF(module);
        }
    });
}

#[test]
fn weakref_get_ref() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let target = eval(c"type('T', (), {})()");
            let weak = PyWeakref_NewRef(target, null_mut());
            let mut out = null_mut();
            assert_eq!(compat::PyWeakref_GetRef(weak, &mut out), 1);
            assert_eq!(out, target);
            Py_DECREF(out);

            Py_DECREF(target);
            assert_eq!(compat::PyWeakref_GetRef(weak, &mut out), 0);
            assert!(out.is_null());

            assert_eq!(compat::PyWeakref_GetRef(Py_None(), &mut out), -1);
            take_error(PyExc_TypeError);
            Py_DECREF(weak);
        }
    });
}

#[test]
fn calls_refs_ints_and_hashes() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let func = eval(c"lambda x=700: x * 2");
            let r = compat::PyObject_CallNoArgs(func);
            assert_eq!(PyLong_AsLong(r), 1400);
            Py_DECREF(r);
            let arg = PyLong_FromLong(500);
            let r = compat::PyObject_CallOneArg(func, arg);
            assert_eq!(PyLong_AsLong(r), 1000);
            Py_DECREF(r);

            let text = eval(c"'abc'");
            let name = PyUnicode_FromString(c"upper".as_ptr());
            let r = compat::PyObject_CallMethodNoArgs(text, name);
            assert_eq!(PyUnicode_CompareWithASCIIString(r, c"ABC".as_ptr()), 0);
            Py_DECREF(r);

            let before = Py_REFCNT(arg);
            assert_eq!(compat::Py_NewRef(arg), arg);
            assert_eq!(Py_REFCNT(arg), before + 1);
            Py_DECREF(arg);
            assert!(compat::Py_XNewRef(null_mut()).is_null());

            let big = eval(c"2 ** 40");
            assert_eq!(compat::PyLong_AsInt(big), -1);
            take_error(PyExc_OverflowError);
            let small = eval(c"-(2 ** 31)");
            assert_eq!(compat::PyLong_AsInt(small), c_int::MIN);

            let bytes = eval(c"b'hash me'");
            let data = b"hash me";
            assert_eq!(
                compat::Py_HashBuffer(data.as_ptr().cast(), data.len() as Py_ssize_t),
                PyObject_Hash(bytes)
            );

            for o in [func, arg, text, name, big, small, bytes] {
                Py_DECREF(o);
            }
        }
    });
}
