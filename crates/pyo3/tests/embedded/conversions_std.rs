//! Conversions of std types beyond the basics: collections, arrays, slices and bytes,
//! paths and OS strings, C strings, time, IP addresses, `Cell`, and the pybacked types.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ffi::{CStr, CString, OsStr, OsString};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyDict, PySet};

fn eval<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyAny> {
    let code = std::ffi::CString::new(code).unwrap();
    py.eval(&code, None, None).unwrap()
}

fn assert_err<T: std::fmt::Debug>(
    py: Python<'_>,
    result: PyResult<T>,
    ty: Bound<'_, pyo3::types::PyType>,
    msg: &str,
) {
    let err = result.expect_err("expected an error");
    assert!(err.get_type(py).is(ty), "wrong type: {}", err);
    assert_eq!(err.value(py).to_string(), msg);
}

#[test]
fn hashmap_round_trip() {
    Python::attach(|py| {
        let mut map = HashMap::new();
        map.insert(1, "one".to_string());
        map.insert(2, "two".to_string());
        let dict = (&map).into_pyobject(py).unwrap();
        let dict_any = dict.clone().into_any();
        py_assert!(py, dict_any; "dict_any == {1: 'one', 2: 'two'}");
        let back: HashMap<i32, String> = dict.extract().unwrap();
        assert_eq!(back, map);
        let owned: Bound<'_, PyDict> = map.clone().into_pyobject(py).unwrap();
        assert_eq!(owned.len(), 2);
        assert_refcnt!(dict, {
            let _: HashMap<i64, String> = dict.extract().unwrap();
        });
        let list = eval(py, "[1, 2]");
        assert_err(
            py,
            list.extract::<HashMap<i32, i32>>(),
            py.get_type::<PyTypeError>(),
            "'list' object cannot be cast as 'dict'",
        );
        let bad_value = eval(py, "{1: 'x'}");
        assert!(bad_value.extract::<HashMap<i32, i32>>().is_err());
    });
}

#[test]
fn btreemap_and_custom_hasher() {
    Python::attach(|py| {
        let map: BTreeMap<String, Vec<u32>> =
            [("a".to_string(), vec![1, 2]), ("b".to_string(), vec![])].into();
        let dict = map.clone().into_pyobject(py).unwrap();
        let back: BTreeMap<String, Vec<u32>> = dict.extract().unwrap();
        assert_eq!(back, map);
        let hashed: HashMap<
            i32,
            i32,
            std::hash::BuildHasherDefault<std::collections::hash_map::DefaultHasher>,
        > = eval(py, "{1: 2}").extract().unwrap();
        assert_eq!(hashed.get(&1), Some(&2));
    });
}

#[test]
fn sets_round_trip() {
    Python::attach(|py| {
        let set: HashSet<i32> = [1, 2, 3].into();
        let py_set: Bound<'_, PySet> = (&set).into_pyobject(py).unwrap();
        let py_set_any = py_set.clone().into_any();
        py_assert!(py, py_set_any; "py_set_any == {1, 2, 3}");
        let back: HashSet<i32> = py_set.extract().unwrap();
        assert_eq!(back, set);
        let frozen: BTreeSet<i32> = eval(py, "frozenset([3, 1])").extract().unwrap();
        assert_eq!(frozen.into_iter().collect::<Vec<_>>(), [1, 3]);
        let bset: BTreeSet<String> = ["x".to_string()].into();
        let obj = bset.into_pyobject(py).unwrap();
        assert_eq!(obj.len(), 1);
        assert_err(
            py,
            eval(py, "[1]").extract::<HashSet<i32>>(),
            py.get_type::<PyTypeError>(),
            "'list' object cannot be cast as 'set'",
        );
        assert_refcnt!(py_set, {
            let _: BTreeSet<i32> = py_set.extract().unwrap();
        });
    });
}

#[test]
fn arrays() {
    Python::attach(|py| {
        let arr = [1u32, 2, 3];
        let list = arr.into_pyobject(py).unwrap();
        py_assert!(py, list; "list == [1, 2, 3]");
        let back: [u32; 3] = list.extract().unwrap();
        assert_eq!(back, arr);
        let bytes = [1u8, 2].into_pyobject(py).unwrap();
        assert!(bytes.is_instance_of::<PyBytes>());
        let from_ref = (&[7u8, 8]).into_pyobject(py).unwrap();
        assert!(from_ref.is_instance_of::<PyBytes>());
        assert_err(
            py,
            list.extract::<[u32; 2]>(),
            py.get_type::<PyValueError>(),
            "expected a sequence of length 2 (got 3)",
        );
        assert_err(
            py,
            eval(py, "5").extract::<[u32; 2]>(),
            py.get_type::<PyTypeError>(),
            "'int' object cannot be cast as 'Sequence'",
        );
        let tuple_arr: [String; 2] = eval(py, "('a', 'b')").extract().unwrap();
        assert_eq!(tuple_arr, ["a", "b"]);
    });
}

#[test]
fn slices_and_bytes() {
    Python::attach(|py| {
        let data: &[u8] = b"hello";
        let obj = data.into_pyobject(py).unwrap();
        assert!(obj.is_instance_of::<PyBytes>());
        let borrowed: &[u8] = obj.extract().unwrap();
        assert_eq!(borrowed, b"hello");
        assert_refcnt!(obj, {
            let _: &[u8] = obj.extract().unwrap();
            let _: Cow<'_, [u8]> = obj.extract().unwrap();
        });
        let cow: Cow<'_, [u8]> = obj.extract().unwrap();
        assert!(matches!(cow, Cow::Borrowed(_)));
        let bytearray = eval(py, "bytearray(b'xy')");
        let cow: Cow<'_, [u8]> = bytearray.extract().unwrap();
        assert!(matches!(cow, Cow::Owned(_)));
        assert_eq!(&*cow, b"xy");
        let cow_obj = Cow::Borrowed(&b"ab"[..]).into_pyobject(py).unwrap();
        assert!(cow_obj.is_instance_of::<PyBytes>());
        let ints: &[i32] = &[1, 2];
        let list = ints.into_pyobject(py).unwrap();
        py_assert!(py, list; "list == [1, 2]");
        let vec_ref = (&vec![1u8, 2]).into_pyobject(py).unwrap();
        assert!(vec_ref.is_instance_of::<PyBytes>());
        let s = eval(py, "'text'");
        assert_err(
            py,
            s.extract::<&[u8]>().map_err(PyErr::from),
            py.get_type::<PyTypeError>(),
            "'str' object cannot be cast as 'bytes'",
        );
        assert_err(
            py,
            s.extract::<Cow<'_, [u8]>>().map_err(PyErr::from),
            py.get_type::<PyTypeError>(),
            "'str' object cannot be cast as 'bytearray'",
        );
    });
}

#[test]
fn os_strings_and_paths() {
    Python::attach(|py| {
        let os = OsStr::new("some/file.txt");
        let obj = os.into_pyobject(py).unwrap();
        assert_eq!(obj.to_str().unwrap(), "some/file.txt");
        let back: OsString = obj.extract().unwrap();
        assert_eq!(back, os);
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = OsStr::from_bytes(b"bad\xffname");
            let obj = raw.into_pyobject(py).unwrap();
            let back: OsString = obj.extract().unwrap();
            assert_eq!(back, raw);
        }
        let path = Path::new("/tmp/x.txt");
        let obj = path.into_pyobject(py).unwrap();
        py_assert!(py, obj; "__import__('pathlib').Path('/tmp/x.txt') == obj");
        let back: PathBuf = obj.extract().unwrap();
        assert_eq!(back, path);
        let from_str: PathBuf = eval(py, "'rel/p'").extract().unwrap();
        assert_eq!(from_str, Path::new("rel/p"));
        let pb = PathBuf::from("a");
        let _ = (&pb).into_pyobject(py).unwrap();
        let err = eval(py, "5").extract::<PathBuf>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert_err(
            py,
            eval(py, "5").extract::<OsString>(),
            py.get_type::<PyTypeError>(),
            "'int' object cannot be cast as 'str'",
        );
    });
}

#[test]
fn borrowed_os_strings_and_paths() {
    Python::attach(|py| {
        let text = eval(py, "'some/file.txt'");
        assert_refcnt!(text, {
            let os: Cow<'_, OsStr> = text.extract().unwrap();
            assert_eq!(os, OsStr::new("some/file.txt"));
            let path: Cow<'_, Path> = text.extract().unwrap();
            assert_eq!(path, Path::new("some/file.txt"));
            // Where the interpreter's UTF-8 copy can be borrowed, nothing is copied.
            #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
            {
                assert!(matches!(os, Cow::Borrowed(_)));
                assert!(matches!(path, Cow::Borrowed(_)));
            }
        });
        // A `pathlib.Path` is converted through `os.fspath`, into an owned path.
        let pathlib = eval(py, "__import__('pathlib').Path('/tmp/x.txt')");
        assert_refcnt!(pathlib, {
            let path: Cow<'_, Path> = pathlib.extract().unwrap();
            assert!(matches!(path, Cow::Owned(_)));
            assert_eq!(path, Path::new("/tmp/x.txt"));
        });
        // Surrogate-escaped bytes (not valid Unicode) come back as the original bytes.
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = OsStr::from_bytes(b"bad\xffname");
            let obj = raw.into_pyobject(py).unwrap();
            let os: Cow<'_, OsStr> = obj.extract().unwrap();
            assert_eq!(os, raw);
            let path: Cow<'_, Path> = obj.extract().unwrap();
            assert_eq!(path.as_os_str(), raw);
        }
        assert_err(
            py,
            eval(py, "5").extract::<Cow<'_, OsStr>>(),
            py.get_type::<PyTypeError>(),
            "'int' object cannot be cast as 'str'",
        );
        let err = eval(py, "5").extract::<Cow<'_, Path>>().unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn c_strings_round_trip() {
    Python::attach(|py| {
        let owned = CString::new("h\u{e9}llo").unwrap();
        let obj = owned.as_c_str().into_pyobject(py).unwrap();
        assert_eq!(obj.to_str().unwrap(), "h\u{e9}llo");
        assert_refcnt!(obj, {
            let back: CString = obj.extract().unwrap();
            assert_eq!(back, owned);
            let cow: Cow<'_, CStr> = obj.extract().unwrap();
            assert_eq!(&*cow, owned.as_c_str());
            #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
            {
                let borrowed: &CStr = obj.extract().unwrap();
                assert_eq!(borrowed, owned.as_c_str());
                assert!(matches!(cow, Cow::Borrowed(_)));
            }
        });
        // Every owned and borrowed form converts, to the same text.
        let forms = [
            (&owned).into_pyobject(py).unwrap(),
            owned.clone().into_pyobject(py).unwrap(),
            Cow::Borrowed(owned.as_c_str()).into_pyobject(py).unwrap(),
            (&Cow::<CStr>::Owned(owned.clone()))
                .into_pyobject(py)
                .unwrap(),
            c"h\xc3\xa9llo".into_pyobject(py).unwrap(),
        ];
        for form in &forms {
            assert!(*form == "h\u{e9}llo");
        }
        let empty: CString = eval(py, "''").extract().unwrap();
        assert!(empty.as_bytes().is_empty());
        // Bytes that are not UTF-8 cannot become a `str`.
        let err = c"\xff".into_pyobject(py).unwrap_err();
        assert_eq!(err.valid_up_to(), 0);
        let err: PyErr = CString::new(vec![b'a', 0xfe])
            .unwrap()
            .into_pyobject(py)
            .unwrap_err()
            .into();
        assert!(err.is_instance_of::<pyo3::exceptions::PyUnicodeDecodeError>(py));
    });
}

#[test]
fn c_string_extraction_errors() {
    Python::attach(|py| {
        // A NUL inside the text: `ValueError` with the Rust error's message, which names
        // the byte position.
        let is_nul_error = |err: PyErr| {
            err.is_instance_of::<PyValueError>(py)
                && err.value(py).to_string().contains("nul byte")
                && err.value(py).to_string().contains('2')
        };
        let nul = eval(py, "'ab\\x00c'");
        assert_refcnt!(nul, {
            assert!(is_nul_error(nul.extract::<CString>().unwrap_err()));
            assert!(is_nul_error(nul.extract::<Cow<'_, CStr>>().unwrap_err()));
            #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
            assert!(is_nul_error(nul.extract::<&CStr>().unwrap_err()));
        });
        let lone = eval(py, "'\\ud800'");
        let err = lone.extract::<CString>().unwrap_err();
        assert!(
            err.is_instance_of::<pyo3::exceptions::PyUnicodeEncodeError>(py),
            "{err}"
        );
        for (code, type_name) in [("5", "int"), ("b'abc'", "bytes")] {
            let bad = eval(py, code);
            let message = format!("'{type_name}' object cannot be cast as 'str'");
            assert_refcnt!(bad, {
                let cast_error = py.get_type::<PyTypeError>();
                assert_err(py, bad.extract::<CString>(), cast_error.clone(), &message);
                assert_err(
                    py,
                    bad.extract::<Cow<'_, CStr>>(),
                    cast_error.clone(),
                    &message,
                );
                #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
                assert_err(py, bad.extract::<&CStr>(), cast_error, &message);
            });
        }
        assert!(!PyErr::occurred(py));
    });
}

#[test]
fn durations_and_system_time() {
    Python::attach(|py| {
        let d = Duration::new(86_400 * 2 + 5, 7_000);
        let obj = d.into_pyobject(py).unwrap();
        py_assert!(py, obj; "obj == __import__('datetime').timedelta(days=2, seconds=5, microseconds=7)");
        let back: Duration = obj.extract().unwrap();
        assert_eq!(back, d);
        assert_err(
            py,
            eval(py, "__import__('datetime').timedelta(seconds=-1)").extract::<Duration>(),
            py.get_type::<PyValueError>(),
            "It is not possible to convert a negative timedelta to a Rust Duration",
        );
        assert_err(
            py,
            eval(py, "1.5").extract::<Duration>(),
            py.get_type::<PyTypeError>(),
            "'float' object cannot be cast as 'timedelta'",
        );
        let t = UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        let obj = t.into_pyobject(py).unwrap();
        py_assert!(py, obj; "obj.year == 2001 and obj.tzinfo is not None");
        let back: SystemTime = obj.extract().unwrap();
        assert_eq!(back, t);
        let too_big = Duration::from_secs(u64::MAX);
        let err = too_big.into_pyobject(py).unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));
    });
}

#[test]
fn ip_addresses() {
    Python::attach(|py| {
        let v4 = Ipv4Addr::new(127, 0, 0, 1);
        let obj = v4.into_pyobject(py).unwrap();
        py_assert!(py, obj; "obj == __import__('ipaddress').IPv4Address('127.0.0.1')");
        let back: IpAddr = obj.extract().unwrap();
        assert_eq!(back, IpAddr::V4(v4));
        let v6 = Ipv6Addr::LOCALHOST;
        let obj = IpAddr::V6(v6).into_pyobject(py).unwrap();
        py_assert!(py, obj; "obj == __import__('ipaddress').IPv6Address('::1')");
        let back: IpAddr = obj.extract().unwrap();
        assert_eq!(back, IpAddr::V6(v6));
        let parsed: IpAddr = eval(py, "'10.0.0.2'").extract().unwrap();
        assert_eq!(parsed, IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2)));
        let err = eval(py, "'nope'").extract::<IpAddr>().unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
    });
}

#[test]
fn cells() {
    Python::attach(|py| {
        let cell = Cell::new(5i32);
        let obj = (&cell).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<i32>().unwrap(), 5);
        let back: Cell<i32> = obj.extract().unwrap();
        assert_eq!(back.get(), 5);
    });
}

#[test]
fn pybacked_types() {
    Python::attach(|py| {
        let s = eval(py, "'backed text'");
        let backed: PyBackedStr = s.extract().unwrap();
        assert_eq!(&*backed, "backed text");
        assert_eq!(backed, "backed text");
        assert_eq!(backed.to_string(), "backed text");
        let again = backed.clone_ref(py);
        assert_eq!(backed, again);
        let obj = (&backed).into_pyobject(py).unwrap();
        assert!(obj.is(&s));
        assert_err(
            py,
            eval(py, "1").extract::<PyBackedStr>(),
            py.get_type::<PyTypeError>(),
            "'int' object cannot be cast as 'str'",
        );
        let b = eval(py, "b'raw'");
        let backed: PyBackedBytes = b.extract().unwrap();
        assert_eq!(&*backed, b"raw");
        assert_eq!(backed, b"raw");
        let obj = backed.into_pyobject(py).unwrap();
        assert!(obj.is(&b));
        let from_array: PyBackedBytes = eval(py, "bytearray(b'ba')").extract().unwrap();
        assert_eq!(from_array, b"ba".to_vec());
        assert_err(
            py,
            eval(py, "'s'")
                .extract::<PyBackedBytes>()
                .map_err(PyErr::from),
            py.get_type::<PyTypeError>(),
            "'str' object cannot be cast as 'bytes | bytearray'",
        );
        let sent = std::thread::spawn(move || from_array.len()).join().unwrap();
        assert_eq!(sent, 2);
    });
}

#[test]
fn str_is_not_a_vec() {
    Python::attach(|py| {
        assert_err(
            py,
            eval(py, "'abc'").extract::<Vec<String>>(),
            py.get_type::<PyTypeError>(),
            "Can't extract `str` to `Vec`",
        );
    });
}

#[test]
fn bool_accepts_numpy_scalar_booleans() {
    Python::attach(|py| {
        assert!(eval(py, "True").extract::<bool>().unwrap());
        // Stand-ins for `numpy.bool_` and NumPy 2's `numpy.bool`: recognised by module and
        // name, converted through `__bool__`.
        let numpy_true = eval(
            py,
            "type('bool_', (), {'__module__': 'numpy', '__bool__': lambda self: True})()",
        );
        assert!(numpy_true.extract::<bool>().unwrap());
        let numpy_false = eval(
            py,
            "type('bool', (), {'__module__': 'numpy', '__bool__': lambda self: False})()",
        );
        assert!(!numpy_false.extract::<bool>().unwrap());
        // Anything else is refused, even when it has `__bool__`.
        let other = eval(py, "type('bool_', (), {'__bool__': lambda self: True})()");
        assert_err(
            py,
            other.extract::<bool>(),
            py.get_type::<PyTypeError>(),
            "'bool_' object cannot be cast as 'bool'",
        );
        assert_err(
            py,
            eval(py, "1").extract::<bool>(),
            py.get_type::<PyTypeError>(),
            "'int' object cannot be cast as 'bool'",
        );
    });
}
