//! The header macros and `static inline` functions that `pyo3-ffi` writes in Rust, run on
//! an embedded interpreter: each gives the result, reference counts and exception of the
//! C original (vectorcall helpers, `str` layout accessors, abstract-object aliases,
//! datetime macros), and the PEP 587 configuration structs work with the C functions.

use pyo3_ffi::*;
use std::ffi::CStr;
use std::ptr::null_mut;
use std::sync::Once;

/// Detaches on drop, so that a failed assertion does not leave the GIL taken.
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

/// Runs `code` (statements) in a fresh namespace and returns the value of `result` (a new
/// reference).
///
/// # Safety
/// The thread must be attached.
unsafe fn run(code: &CStr) -> *mut PyObject {
    // SAFETY: attached (caller); the namespace is owned here and released.
    unsafe {
        let globals = PyDict_New();
        assert_eq!(
            PyDict_SetItemString(globals, c"__builtins__".as_ptr(), PyEval_GetBuiltins()),
            0
        );
        let compiled = Py_CompileString(code.as_ptr(), c"<test>".as_ptr(), Py_file_input);
        assert!(!compiled.is_null(), "compiling {code:?} failed");
        let done = PyEval_EvalCode(compiled, globals, globals);
        assert!(!done.is_null(), "running {code:?} failed");
        Py_DECREF(done);
        Py_DECREF(compiled);
        let result = PyDict_GetItemString(globals, c"result".as_ptr());
        assert!(!result.is_null(), "{code:?} set no `result`");
        Py_INCREF(result);
        Py_DECREF(globals);
        result
    }
}

/// The `str` of `obj`, as a Rust string.
///
/// # Safety
/// The thread must be attached and `obj` live.
unsafe fn text(obj: *mut PyObject) -> String {
    // SAFETY: attached (caller); the repr is released after copying.
    unsafe {
        let s = PyObject_Str(obj);
        assert!(!s.is_null());
        let utf8 = PyUnicode_AsUTF8String(s);
        let out = CStr::from_ptr(PyBytes_AsString(utf8))
            .to_str()
            .unwrap()
            .to_owned();
        Py_DECREF(utf8);
        Py_DECREF(s);
        out
    }
}

/// Takes the pending exception, checks its type and returns its message.
///
/// # Safety
/// The thread must be attached.
unsafe fn take_error(expected: *mut PyObject) -> String {
    // SAFETY: attached (caller); the fetched references are released.
    unsafe {
        assert!(!PyErr_Occurred().is_null(), "no exception was raised");
        assert_eq!(
            PyErr_ExceptionMatches(expected),
            1,
            "another exception type"
        );
        let (mut ty, mut value, mut tb) = (null_mut(), null_mut(), null_mut());
        PyErr_Fetch(&mut ty, &mut value, &mut tb);
        PyErr_NormalizeException(&mut ty, &mut value, &mut tb);
        let message = text(value);
        Py_XDECREF(ty);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        message
    }
}

#[test]
fn abstract_aliases() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let list = run(c"result = [1, 2, 3]");
            let three = PyLong_FromLong(3);
            let seven = PyLong_FromLong(7);
            assert_eq!(PyObject_Length(list), 3);
            assert_eq!(PySequence_Length(list), 3);
            assert_eq!(PySequence_In(list, three), 1);
            assert_eq!(PySequence_In(list, seven), 0);
            let dict = run(c"result = {'a': 1, 'b': 2}");
            assert_eq!(PyMapping_Length(dict), 2);
            assert_eq!(PyObject_Length(three), -1);
            assert_eq!(
                take_error(PyExc_TypeError),
                "object of type 'int' has no len()"
            );
            #[cfg(any(Py_3_8, not(Py_LIMITED_API)))]
            {
                assert_eq!(PyIndex_Check(three), 1);
                let float = PyFloat_FromDouble(1.5);
                assert_eq!(PyIndex_Check(float), 0);
                Py_DECREF(float);
            }
            for obj in [list, three, seven, dict] {
                Py_DECREF(obj);
            }
        }
    });
}

#[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
#[test]
fn vectorcall_ports() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let f = run(c"def f(*args, **kw):\n    return (args, sorted(kw.items()))\nresult = f");
            let one = PyLong_FromLong(1);
            let two = PyLong_FromLong(2);

            let r = _PyObject_CallNoArg(f);
            assert_eq!(text(r), "((), [])");
            Py_DECREF(r);

            let before = Py_REFCNT(one);
            let r = PyObject_CallOneArg(f, one);
            assert_eq!(text(r), "((1,), [])");
            Py_DECREF(r);
            assert_eq!(Py_REFCNT(one), before, "arguments are borrowed");

            let args = [one, two];
            let r = _PyObject_FastCall(f, args.as_ptr(), 2);
            assert_eq!(text(r), "((1, 2), [])");
            Py_DECREF(r);

            // One positional argument, then `k=2` named by `kwnames`.
            let kwnames = PyTuple_New(1);
            PyTuple_SetItem(kwnames, 0, PyUnicode_FromString(c"k".as_ptr()));
            let r = _PyObject_VectorcallTstate(PyThreadState_Get(), f, args.as_ptr(), 1, kwnames);
            assert_eq!(text(r), "((1,), [('k', 2)])");
            Py_DECREF(r);
            Py_DECREF(kwnames);

            // Python functions support vectorcall; a class without it goes through tp_call.
            assert!(PyVectorcall_Function(f).is_some());
            let callable =
                run(c"class C:\n    def __call__(self, x):\n        return x * 10\nresult = C()");
            assert!(PyVectorcall_Function(callable).is_none());
            let r = PyObject_CallOneArg(callable, two);
            assert_eq!(PyLong_AsLong(r), 20);
            Py_DECREF(r);

            // Exceptions propagate as NULL with the error set.
            let raising = run(c"def g(x):\n    raise ValueError(f'bad {x}')\nresult = g");
            assert!(PyObject_CallOneArg(raising, one).is_null());
            assert_eq!(take_error(PyExc_ValueError), "bad 1");
            assert!(_PyObject_CallNoArg(raising).is_null());
            assert_eq!(
                take_error(PyExc_TypeError),
                "g() missing 1 required positional argument: 'x'"
            );

            for obj in [f, one, two, callable, raising] {
                Py_DECREF(obj);
            }
        }
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn str_layout_accessors() {
    attached(|| {
        // SAFETY: attached; every reference created is released; the `str` objects are
        // read through the layout the interpreter gave them.
        unsafe {
            let ascii = PyUnicode_FromString(c"abc".as_ptr());
            let header = &*ascii.cast::<PyASCIIObject>();
            assert_eq!(header.kind(), PyUnicode_1BYTE_KIND);
            assert_eq!(header.ascii(), 1);
            assert_eq!(header.compact(), 1);
            assert_eq!(header.kind(), PyUnicode_KIND(ascii));
            #[cfg(not(Py_3_12))]
            assert_eq!(header.ready(), 1);
            let data = _PyUnicode_COMPACT_DATA(ascii).cast::<u8>();
            assert_eq!(std::slice::from_raw_parts(data, 3), b"abc");
            assert_eq!(PyUnicode_DATA(ascii), data.cast());

            let interned = PyUnicode_InternFromString(c"ports_test_interned".as_ptr());
            assert_ne!((*interned.cast::<PyASCIIObject>()).interned(), 0);
            assert_eq!((*ascii.cast::<PyASCIIObject>()).interned(), 0);

            let wide = run(c"result = 'h\u{e9}\u{20ac}'");
            let header = &*wide.cast::<PyASCIIObject>();
            assert_eq!(header.kind(), PyUnicode_2BYTE_KIND);
            assert_eq!(header.ascii(), 0);
            let data = _PyUnicode_COMPACT_DATA(wide).cast::<u16>();
            assert_eq!(std::slice::from_raw_parts(data, 3), [0x68, 0xe9, 0x20ac]);

            // Instances of a str subclass are not compact: their characters are in a
            // separate block, reached through the `data` union.
            let legacy = run(c"class S(str):\n    pass\nresult = S('xyz')");
            assert_eq!(PyUnicode_IS_COMPACT(legacy), 0);
            let block = _PyUnicode_NONCOMPACT_DATA(legacy);
            let union = (*legacy.cast::<PyUnicodeObject>()).data;
            assert_eq!(block, union.any);
            assert_eq!(union.latin1.cast(), block);
            assert_eq!(std::slice::from_raw_parts(union.latin1, 3), b"xyz");
            assert_eq!(PyUnicode_DATA(legacy), block);

            for obj in [ascii, interned, wide, legacy] {
                Py_DECREF(obj);
            }
        }
    });

    // The setters write only their own bits.
    // SAFETY: a zeroed header is a valid value for every field; no interpreter involved.
    let mut header: PyASCIIObject = unsafe { std::mem::zeroed() };
    // SAFETY: the accessors only read and write `state`.
    unsafe {
        header.set_kind(PyUnicode_4BYTE_KIND);
        header.set_ascii(1);
        header.set_interned(SSTATE_INTERNED_MORTAL);
        assert_eq!(header.kind(), PyUnicode_4BYTE_KIND);
        assert_eq!(header.ascii(), 1);
        assert_eq!(header.compact(), 0);
        assert_eq!(header.interned(), SSTATE_INTERNED_MORTAL);
        header.set_compact(3);
        assert_eq!(header.compact(), 1, "only the field's bit is kept");
        header.set_kind(0);
        assert_eq!(header.kind(), 0);
        assert_eq!(header.ascii(), 1);
        // interned = 1 (bits 0-1), kind = 0 (bits 2-4), compact (bit 5), ascii (bit 6).
        assert_eq!(header.state, 0b0110_0001);
    }
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn datetime_macros() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            PyDateTime_IMPORT();
            assert!(!PyDateTimeAPI().is_null());
            let args = run(c"result = (86400 * 365,)");
            let dt = PyDateTime_FromTimestamp(args);
            assert_eq!(PyDateTime_Check(dt), 1);
            let year = PyDateTime_GET_YEAR(dt);
            assert!(year == 1970 || year == 1971, "{year}");
            let d = PyDate_FromTimestamp(args);
            assert_eq!(PyDate_CheckExact(d), 1);

            let offset = run(c"import datetime\nresult = datetime.timedelta(hours=2)");
            let tz = PyTimeZone_FromOffset(offset);
            assert_eq!(text(tz), "UTC+02:00");
            let name = PyUnicode_FromString(c"CEST".as_ptr());
            let named = PyTimeZone_FromOffsetAndName(offset, name);
            assert_eq!(text(named), "CEST");

            let bad = run(c"import datetime\nresult = datetime.timedelta(hours=25)");
            assert!(PyTimeZone_FromOffset(bad).is_null());
            let message = take_error(PyExc_ValueError);
            assert!(
                message.starts_with("offset must be a timedelta strictly between"),
                "{message}"
            );

            for obj in [args, dt, d, offset, tz, name, named, bad] {
                Py_DECREF(obj);
            }
        }
    });
}

#[cfg(all(Py_3_9, not(Py_LIMITED_API)))]
#[test]
fn cfunction_new_ex() {
    unsafe extern "C" fn echo(slf: *mut PyObject, arg: *mut PyObject) -> *mut PyObject {
        // SAFETY: called by the interpreter with live arguments, attached.
        unsafe {
            let pair = PyTuple_New(2);
            Py_INCREF(slf);
            Py_INCREF(arg);
            PyTuple_SetItem(pair, 0, slf);
            PyTuple_SetItem(pair, 1, arg);
            pair
        }
    }
    static mut DEF: PyMethodDef = PyMethodDef {
        ml_name: c"echo".as_ptr(),
        ml_meth: PyMethodDefPointer { PyCFunction: echo },
        ml_flags: METH_O,
        ml_doc: std::ptr::null(),
    };
    attached(|| {
        // SAFETY: attached; `DEF` is static, so it outlives the function objects.
        unsafe {
            let slf = PyUnicode_FromString(c"self".as_ptr());
            let module = PyUnicode_FromString(c"mymod".as_ptr());
            let func = PyCFunction_NewEx(std::ptr::addr_of_mut!(DEF), slf, module);
            assert_eq!(PyCFunction_Check(func), 1);
            let arg = PyLong_FromLong(4);
            let r = PyObject_CallOneArg(func, arg);
            assert_eq!(text(r), "('self', 4)");
            let modname = PyObject_GetAttrString(func, c"__module__".as_ptr());
            assert_eq!(text(modname), "mymod");
            let plain = PyCFunction_New(std::ptr::addr_of_mut!(DEF), slf);
            let none_module = PyObject_GetAttrString(plain, c"__module__".as_ptr());
            assert_eq!(none_module, Py_None());
            for obj in [slf, module, func, arg, r, modname, plain, none_module] {
                Py_DECREF(obj);
            }
        }
    });
}

#[cfg(all(Py_3_8, not(Py_LIMITED_API)))]
#[test]
fn init_config_structs() {
    attached(|| {
        // SAFETY: the configuration functions only fill the structs passed to them;
        // `PyConfig_Clear` releases what they allocated.
        unsafe {
            let ok = PyStatus_Ok();
            assert_eq!(ok._type, _PyStatus_TYPE::_PyStatus_TYPE_OK);
            assert_eq!(PyStatus_Exception(ok), 0);
            let err = PyStatus_Error(c"it broke".as_ptr());
            assert_eq!(PyStatus_IsError(err), 1);
            assert_eq!(CStr::from_ptr(err.err_msg), c"it broke");
            let exit = PyStatus_Exit(3);
            assert_eq!((PyStatus_IsExit(exit), exit.exitcode), (1, 3));

            let mut pre: PyPreConfig = std::mem::zeroed();
            PyPreConfig_InitIsolatedConfig(&mut pre);
            assert_eq!((pre.isolated, pre.use_environment), (1, 0));

            let mut config: PyConfig = std::mem::zeroed();
            PyConfig_InitIsolatedConfig(&mut config);
            assert_eq!(config.isolated, 1);
            assert_eq!(config.use_environment, 0);
            assert_eq!(config.install_signal_handlers, 0);
            assert_eq!(config.argv.length, 0);
            let item: Vec<libc::wchar_t> = "-X\0".chars().map(|c| c as libc::wchar_t).collect();
            let status = PyWideStringList_Append(&mut config.warnoptions, item.as_ptr());
            assert_eq!(PyStatus_Exception(status), 0);
            assert_eq!(config.warnoptions.length, 1);
            let first = *config.warnoptions.items;
            assert_eq!(
                [*first, *first.add(1), *first.add(2)],
                ['-' as libc::wchar_t, 'X' as libc::wchar_t, 0]
            );
            assert_ne!(first.cast_const(), item.as_ptr(), "the list holds a copy");
            PyConfig_Clear(&mut config);
            assert_eq!(config.warnoptions.length, 0);

            let mut python: PyConfig = std::mem::zeroed();
            PyConfig_InitPythonConfig(&mut python);
            assert_eq!((python.isolated, python.use_environment), (0, 1));
            PyConfig_Clear(&mut python);
        }
    });
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn weakref_list_head() {
    attached(|| {
        // SAFETY: attached; every reference created is released.
        unsafe {
            let obj = run(c"class C:\n    pass\nresult = C()");
            let head = PyObject_GET_WEAKREFS_LISTPTR(obj);
            assert!((*head).is_null(), "no weak references yet");
            let weak = PyWeakref_NewRef(obj, null_mut());
            assert_eq!(*head, weak, "the new reference heads the list");
            Py_DECREF(weak);
            assert!((*head).is_null(), "a dead weak reference leaves the list");
            Py_DECREF(obj);
        }
    });
}
