//! The acceptance list of issue 4: the public items of PyO3 0.27's `types`, `conversion`,
//! `exceptions`, `sync` and `err` modules (and the prelude), each named here and, where it
//! can be, called with real arguments and checked against its documented behaviour.
//!
//! Signatures that are awkward to call are pinned with function pointers or trait bounds,
//! so a drifting signature fails to compile rather than passing silently.

// Written as users write it: `.is(&other)`, and signature pins inside `fn sig<'py>()`.
#![allow(
    clippy::needless_borrows_for_generic_args,
    clippy::extra_unused_lifetimes,
    clippy::type_complexity
)]

use std::borrow::Cow;
use std::ffi::CStr;

use pyo3::exceptions::*;
use pyo3::prelude::*;
use pyo3::types::*;
use pyo3::{BoundObject, CastError, CastIntoError, DowncastError, DowncastIntoError};
use pyo3::{IntoPyObjectExt, PyErrArguments, PyTypeCheck, PyTypeInfo};

fn eval<'py>(py: Python<'py>, code: &CStr) -> Bound<'py, PyAny> {
    py.eval(code, None, None).unwrap()
}

// ---------------------------------------------------------------- prelude

#[test]
fn prelude_names_resolve() {
    // Every name PyO3 0.27's prelude exports, used as a type or trait bound.
    fn takes<'py, T: IntoPyObject<'py> + FromPyObjectOwned<'py>>() {}
    fn also<'a, 'py, T: FromPyObject<'a, 'py>>() {}
    takes::<i32>();
    also::<String>();
    let _: Option<PyResult<PyErr>> = None;
    let _: Option<(Py<PyAny>, Bound<'_, PyAny>, Borrowed<'_, '_, PyAny>)> = None;
    let _: Option<Bound<'_, PyModule>> = None;
    let _: Option<Python<'_>> = None;
    // Every `...Methods` trait the prelude brings into scope.
    fn methods<'py>(_: &dyn Fn(&Bound<'py, PyAny>) -> PyResult<bool>)
    where
        Bound<'py, PyAny>: PyAnyMethods<'py>,
        Bound<'py, PyBool>: PyBoolMethods<'py>,
        Bound<'py, PyByteArray>: PyByteArrayMethods<'py>,
        Bound<'py, PyBytes>: PyBytesMethods<'py>,
        Bound<'py, PyCapsule>: PyCapsuleMethods<'py>,
        Bound<'py, PyComplex>: PyComplexMethods<'py>,
        Bound<'py, PyDict>: PyDictMethods<'py>,
        Bound<'py, PyFloat>: PyFloatMethods<'py>,
        Bound<'py, PyFrozenSet>: PyFrozenSetMethods<'py>,
        Bound<'py, PyList>: PyListMethods<'py>,
        Bound<'py, PyMapping>: PyMappingMethods<'py>,
        Bound<'py, PyMappingProxy>: PyMappingProxyMethods<'py, 'py>,
        Bound<'py, PyModule>: PyModuleMethods<'py>,
        Bound<'py, PySequence>: PySequenceMethods<'py>,
        Bound<'py, PySet>: PySetMethods<'py>,
        Bound<'py, PySlice>: PySliceMethods<'py>,
        Bound<'py, PyString>: PyStringMethods<'py>,
        Bound<'py, PyTraceback>: PyTracebackMethods<'py>,
        Bound<'py, PyTuple>: PyTupleMethods<'py>,
        Bound<'py, PyType>: PyTypeMethods<'py>,
        Bound<'py, PyWeakref>: PyWeakrefMethods<'py>,
    {
    }
    let _ = methods;
}

// ---------------------------------------------------------------- types: PyAny

#[test]
fn any_methods() {
    Python::attach(|py| {
        let n = 7i32.into_pyobject(py).unwrap().into_any();
        let other = 7i32.into_pyobject(py).unwrap().into_any();
        assert!(n.is(&other));
        assert!(n.hasattr("real").unwrap());
        assert_eq!(n.getattr("real").unwrap().extract::<i32>().unwrap(), 7);
        assert!(n.getattr_opt("nope").unwrap().is_none());
        assert!(n
            .getattr("nope")
            .unwrap_err()
            .is_instance_of::<PyAttributeError>(py));
        let ns = eval(py, c"type('N', (), {})()");
        ns.setattr("x", 1).unwrap();
        ns.delattr("x").unwrap();
        assert!(!ns.hasattr("x").unwrap());

        assert_eq!(n.compare(8).unwrap(), std::cmp::Ordering::Less);
        let cmp = n.rich_compare(7, pyo3::pyclass::CompareOp::Eq).unwrap();
        assert!(cmp.is_truthy().unwrap());
        assert!(n.lt(8).unwrap() && n.le(7).unwrap() && n.eq(7).unwrap());
        assert!(n.ne(1).unwrap() && n.gt(1).unwrap() && n.ge(7).unwrap());
        let v = |b: PyResult<Bound<'_, PyAny>>| b.unwrap().extract::<i64>().unwrap();
        assert_eq!(v(n.neg()), -7);
        assert_eq!(v(n.pos()), 7);
        assert_eq!(v(n.neg().unwrap().abs()), 7);
        assert_eq!(v(n.bitnot()), -8);
        assert_eq!(v(n.add(1)), 8);
        assert_eq!(v(n.sub(1)), 6);
        assert_eq!(v(n.mul(2)), 14);
        assert!(n.matmul(2).unwrap_err().is_instance_of::<PyTypeError>(py));
        assert_eq!(n.div(2).unwrap().extract::<f64>().unwrap(), 3.5);
        assert_eq!(v(n.floor_div(2)), 3);
        assert_eq!(v(n.rem(4)), 3);
        assert_eq!(
            n.divmod(4).unwrap().extract::<(i32, i32)>().unwrap(),
            (1, 3)
        );
        assert_eq!(v(n.lshift(1)), 14);
        assert_eq!(v(n.rshift(1)), 3);
        assert_eq!(v(n.pow(2, py.None())), 49);
        assert_eq!(v(n.pow(2, 5)), 4);
        assert_eq!(v(n.bitand(3)), 3);
        assert_eq!(v(n.bitor(8)), 15);
        assert_eq!(v(n.bitxor(1)), 6);

        let len = eval(py, c"len");
        assert!(len.is_callable() && !n.is_callable());
        assert_eq!(v(len.call1(("abc",))), 3);
        assert_eq!(v(len.call((vec![1, 2],), None)), 2);
        let dict_ty = eval(py, c"dict");
        let kwargs = [("a", 1)].into_py_dict(py).unwrap();
        let made = dict_ty.call((), Some(&kwargs)).unwrap();
        assert_eq!(made.len().unwrap(), 1);
        assert_eq!(dict_ty.call0().unwrap().len().unwrap(), 0);
        let s = "a,b".into_pyobject(py).unwrap().into_any();
        assert_eq!(s.call_method1("split", (",",)).unwrap().len().unwrap(), 2);
        assert_eq!(
            s.call_method0("upper")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "A,B"
        );
        let kw = [("sep", ",")].into_py_dict(py).unwrap();
        assert_eq!(
            s.call_method("split", (), Some(&kw))
                .unwrap()
                .len()
                .unwrap(),
            2
        );

        assert!(n.is_truthy().unwrap());
        assert!(py.None().bind(py).is_none());
        assert!(PyList::empty(py).as_any().is_empty().unwrap());
        let l = PyList::new(py, [1, 2, 3]).unwrap().into_any();
        assert_eq!(l.get_item(0).unwrap().extract::<i32>().unwrap(), 1);
        l.set_item(0, 10).unwrap();
        l.del_item(1).unwrap();
        assert_eq!(l.extract::<Vec<i32>>().unwrap(), vec![10, 3]);
        assert_eq!(l.try_iter().unwrap().count(), 2);
        assert!(n.try_iter().unwrap_err().is_instance_of::<PyTypeError>(py));
        assert!(l.get_type().is(&py.get_type::<PyList>()));
        assert_eq!(l.get_type_ptr(), py.get_type::<PyList>().as_type_ptr());
        assert!(l.contains(3).unwrap());
        assert!(l.get_refcnt() >= 1);
        assert_eq!(s.repr().unwrap().to_str().unwrap(), "'a,b'");
        assert_eq!(s.str().unwrap().to_str().unwrap(), "a,b");
        assert_eq!(n.hash().unwrap(), 7);
        assert!(l.hash().unwrap_err().is_instance_of::<PyTypeError>(py));
        assert_eq!(l.len().unwrap(), 2);
        assert!(n.dir().unwrap().contains("real").unwrap());
        let int_ty = py.get_type::<PyInt>();
        assert!(n.is_instance(&int_ty).unwrap());
        assert!(n.is_exact_instance(&int_ty));
        assert!(n.is_instance_of::<PyInt>() && n.is_exact_instance_of::<PyInt>());
        let t = py.get_type::<PyBool>();
        assert!(PyBool::new(py, true).is_instance_of::<PyInt>());
        assert!(!PyBool::new(py, true).is_exact_instance(&int_ty));
        let _ = t;

        // cast family (0.27 names) and the deprecated downcast names.
        assert!(l.cast::<PyList>().is_ok());
        assert!(l.cast::<PySequence>().is_ok());
        assert!(n.cast::<PyList>().is_err());
        assert!(l.cast_exact::<PyList>().is_ok());
        let l2 = l.clone().cast_into::<PyList>().unwrap();
        assert!(l2.into_any().cast_into_exact::<PyList>().is_ok());
        assert!(n
            .clone()
            .cast_into::<PyList>()
            .unwrap_err()
            .into_inner()
            .is(&n));
        // SAFETY: `l` is a list.
        let _: &Bound<'_, PyList> = unsafe { l.cast_unchecked::<PyList>() };
        // SAFETY: `l` is a list.
        let _: Bound<'_, PyList> = unsafe { l.clone().cast_into_unchecked::<PyList>() };
        #[allow(deprecated)]
        {
            assert!(l.downcast::<PyList>().is_ok());
            assert!(l.clone().downcast_into::<PyList>().is_ok());
            assert!(l.downcast_exact::<PyList>().is_ok());
            assert!(l.clone().downcast_into_exact::<PyList>().is_ok());
            // SAFETY: `l` is a list.
            let _ = unsafe { l.downcast_unchecked::<PyList>() };
            // SAFETY: `l` is a list.
            let _ = unsafe { l.clone().downcast_into_unchecked::<PyList>() };
        }
        // Borrowed and Py casts.
        assert!(l.as_borrowed().cast::<PyList>().is_ok());
        assert!(l.as_borrowed().cast_exact::<PyList>().is_ok());
        let unbound: Py<PyAny> = l.clone().unbind();
        assert!(unbound.cast_bound::<PyList>(py).is_ok());

        let sup = eval(
            py,
            c"(lambda: (lambda C: C())(type('C', (ValueError,), {})))()",
        );
        assert!(sup.py_super().unwrap().is_instance_of::<PySuper>());
    });
}

// ---------------------------------------------------------------- types: scalars

#[test]
fn bool_float_int_complex_none() {
    Python::attach(|py| {
        let t = PyBool::new(py, true);
        assert!(t.is_true());
        assert!(t.to_owned() == true && !PyBool::new(py, false).is_true());
        let _: fn(Python<'_>, bool) -> Borrowed<'_, '_, PyBool> = PyBool::new;

        let f = PyFloat::new(py, 1.5);
        assert_eq!(f.value(), 1.5);

        let i: Bound<'_, PyInt> = PyInt::new(py, 42u8);
        assert_eq!(i.extract::<u64>().unwrap(), 42);
        let big = PyInt::new(py, u128::MAX);
        assert_eq!(big.extract::<u128>().unwrap(), u128::MAX);

        let c = PyComplex::from_doubles(py, 3.0, 4.0);
        assert_eq!((c.real(), c.imag(), c.abs()), (3.0, 4.0, 5.0));
        let sq = c.pow(&PyComplex::from_doubles(py, 2.0, 0.0));
        assert_eq!((sq.real(), sq.imag()), (-7.0, 24.0));

        assert!(PyNone::get(py).is_none());
        assert!(PyEllipsis::get(py).is(&eval(py, c"...")));
        assert!(PyNotImplemented::get(py).is(&eval(py, c"NotImplemented")));
        assert!(py.None().bind(py).is_instance_of::<PyNone>());
        assert!(py.Ellipsis().bind(py).is_instance_of::<PyEllipsis>());
        assert!(py
            .NotImplemented()
            .bind(py)
            .is_instance_of::<PyNotImplemented>());
    });
}

// ---------------------------------------------------------------- types: bytes-like

#[test]
fn bytes_bytearray_memoryview() {
    Python::attach(|py| {
        let b = PyBytes::new(py, b"hello");
        assert_eq!(b.as_bytes(), b"hello");
        assert_eq!(&b[1..3], b"el");
        assert!(b == b"hello"[..]);
        let made = PyBytes::new_with(py, 3, |buf| {
            buf.copy_from_slice(b"abc");
            Ok(())
        })
        .unwrap();
        assert_eq!(made.as_bytes(), b"abc");
        let failed = PyBytes::new_with(py, 3, |_| Err(PyValueError::new_err("no")));
        assert!(failed.unwrap_err().is_instance_of::<PyValueError>(py));
        // SAFETY: the pointer is valid for 2 bytes.
        let raw = unsafe { PyBytes::from_ptr(py, b"xy".as_ptr(), 2) };
        assert_eq!(raw.as_bytes(), b"xy");
        assert_eq!(b.as_borrowed().as_bytes(), b"hello");
        assert_eq!(b.clone().unbind().as_bytes(py), b"hello");

        let a = PyByteArray::new(py, b"abc");
        assert_eq!((a.len(), a.is_empty()), (3, false));
        assert!(!a.data().is_null());
        // SAFETY: no Python code runs while the slice is alive.
        assert_eq!(unsafe { a.as_bytes() }, b"abc");
        // SAFETY: as above, and no other view of the buffer exists.
        unsafe { a.as_bytes_mut()[0] = b'A' };
        assert_eq!(a.to_vec(), b"Abc");
        a.resize(5).unwrap();
        assert_eq!(a.len(), 5);
        let z = PyByteArray::new_with(py, 2, |buf| {
            buf[0] = 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(z.to_vec(), vec![1, 0]);
        assert_eq!(PyByteArray::from(b.as_any()).unwrap().to_vec(), b"hello");
        assert!(PyByteArray::from(py.None().bind(py)).is_err());
        assert!(<Bound<'_, PyByteArray>>::try_from(a.as_any()).is_ok());

        let m = PyMemoryView::from(b.as_any()).unwrap();
        assert_eq!(m.len().unwrap(), 5);
        assert!(<Bound<'_, PyMemoryView>>::try_from(b.as_any()).is_ok());
        assert!(PyMemoryView::from(&PyInt::new(py, 1).into_any()).is_err());
    });
}

// ---------------------------------------------------------------- types: str

#[test]
fn string_methods() {
    Python::attach(|py| {
        let s = PyString::new(py, "héllo");
        assert_eq!(s.to_str().unwrap(), "héllo");
        assert_eq!(s.to_cow().unwrap(), "héllo");
        assert_eq!(s.to_string_lossy(), "héllo");
        assert_eq!(s.encode_utf8().unwrap().as_bytes(), "héllo".as_bytes());
        let i = PyString::intern(py, "interned");
        assert!(i.is(&PyString::intern(py, "interned")));
        assert_eq!(
            PyString::from_bytes(py, b"abc").unwrap().to_str().unwrap(),
            "abc"
        );
        assert!(PyString::from_bytes(py, b"\xff")
            .unwrap_err()
            .is_instance_of::<PyUnicodeDecodeError>(py));
        let raw = PyBytes::new(py, b"caf\xc3\xa9");
        let dec = PyString::from_encoded_object(&raw, Some(c"utf-8"), Some(c"strict")).unwrap();
        assert_eq!(dec.to_str().unwrap(), "café");
        let dec2 = PyString::from_encoded_object(&raw, None, None).unwrap();
        assert_eq!(dec2.to_str().unwrap(), "café");
        #[allow(deprecated)]
        let dec3 = PyString::from_object(&raw, "utf-8", "strict").unwrap();
        assert_eq!(dec3.to_str().unwrap(), "café");
        let lone = eval(py, c"'\\ud800'").cast_into::<PyString>().unwrap();
        assert!(lone.to_str().is_err());
        // The surrogate's three UTF-8-like bytes each become U+FFFD, as in PyO3.
        assert_eq!(lone.to_string_lossy(), "\u{fffd}\u{fffd}\u{fffd}");
        let b = s.as_borrowed();
        assert_eq!(b.to_string_lossy(), "héllo");
        let p: Py<PyString> = s.clone().unbind();
        assert_eq!(p.to_str(py).unwrap(), "héllo");
        assert_eq!(p.to_cow(py).unwrap(), "héllo");
        assert_eq!(p.to_string_lossy(py), "héllo");
        #[cfg(not(Py_LIMITED_API))]
        {
            // SAFETY: `s` is kept alive and unmodified while the data is used.
            let data = unsafe { s.data() }.unwrap();
            assert_eq!(data.to_string_lossy(), "héllo");
            assert_eq!(data.value_width_bytes(), 1);
            let _: &[u8] = data.as_bytes();
            let _: PyResult<Cow<'_, str>> = data.to_string(py);
            let _ = PyStringData::Ucs1(b"x");
        }
    });
}

// ---------------------------------------------------------------- types: tuple

#[test]
fn tuple_methods() {
    Python::attach(|py| {
        let t = PyTuple::new(py, [1, 2, 3]).unwrap();
        assert_eq!((t.len(), t.is_empty()), (3, false));
        assert!(PyTuple::empty(py).is_empty());
        assert_eq!(t.get_item(1).unwrap().extract::<i32>().unwrap(), 2);
        assert!(t
            .get_item(9)
            .unwrap_err()
            .is_instance_of::<PyIndexError>(py));
        assert_eq!(t.get_borrowed_item(2).unwrap().extract::<i32>().unwrap(), 3);
        // SAFETY: index in bounds.
        let x = unsafe { t.get_item_unchecked(0) };
        assert_eq!(x.extract::<i32>().unwrap(), 1);
        // SAFETY: index in bounds.
        let y = unsafe { t.get_borrowed_item_unchecked(0) };
        assert_eq!(y.extract::<i32>().unwrap(), 1);
        assert_eq!(t.get_slice(1, 10).len(), 2);
        assert_eq!(t.as_sequence().len().unwrap(), 3);
        assert_eq!(t.clone().into_sequence().len().unwrap(), 3);
        #[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
        assert_eq!(t.as_slice().len(), 3);
        assert!(t.contains(2).unwrap());
        assert_eq!(t.index(3).unwrap(), 2);
        assert!(t.index(9).unwrap_err().is_instance_of::<PyValueError>(py));
        let it: BoundTupleIterator<'_> = t.iter();
        assert_eq!(it.len(), 3);
        assert_eq!(t.iter().next_back().unwrap().extract::<i32>().unwrap(), 3);
        let bi: BorrowedTupleIterator<'_, '_> = t.iter_borrowed();
        assert_eq!(bi.count(), 3);
        assert_eq!(t.to_list().len(), 3);
        let mut n = 0;
        for item in &t {
            n += item.extract::<i32>().unwrap();
        }
        assert_eq!(n, 6);
        assert_eq!(t.clone().into_iter().count(), 3);
        let _: pyo3::types::iter::BoundTupleIterator<'_> = t.iter();
        let _: pyo3::types::iter::BorrowedTupleIterator<'_, '_> = t.iter_borrowed();
        // Borrowed<PyTuple> keeps `get_borrowed_item`.
        assert!(t.as_borrowed().get_borrowed_item(0).is_ok());
        fn sig<'py>() {
            let _: fn(&Bound<'py, PyTuple>, usize) -> PyResult<Bound<'py, PyAny>> =
                <Bound<'py, PyTuple> as PyTupleMethods<'py>>::get_item;
        }
        sig();
    });
}

// ---------------------------------------------------------------- types: list

#[test]
fn list_methods() {
    Python::attach(|py| {
        let l = PyList::new(py, [3, 1, 2]).unwrap();
        assert_eq!((l.len(), l.is_empty()), (3, false));
        assert!(PyList::empty(py).is_empty());
        assert_eq!(l.as_sequence().len().unwrap(), 3);
        assert_eq!(l.get_item(0).unwrap().extract::<i32>().unwrap(), 3);
        assert!(l
            .get_item(5)
            .unwrap_err()
            .is_instance_of::<PyIndexError>(py));
        #[cfg(not(any(Py_LIMITED_API, Py_GIL_DISABLED)))]
        {
            // SAFETY: index in bounds.
            let v = unsafe { l.get_item_unchecked(1) };
            assert_eq!(v.extract::<i32>().unwrap(), 1);
        }
        assert_eq!(l.get_slice(0, 2).len(), 2);
        l.set_item(0, 30).unwrap();
        assert!(l
            .set_item(10, 0)
            .unwrap_err()
            .is_instance_of::<PyIndexError>(py));
        l.append(4).unwrap();
        l.insert(0, 0).unwrap();
        assert_eq!(l.extract::<Vec<i32>>().unwrap(), vec![0, 30, 1, 2, 4]);
        l.del_item(0).unwrap();
        l.set_slice(0, 1, &PyList::new(py, [5, 6]).unwrap())
            .unwrap();
        l.del_slice(3, 100).unwrap();
        assert_eq!(l.extract::<Vec<i32>>().unwrap(), vec![5, 6, 1]);
        assert!(l.contains(6).unwrap());
        assert_eq!(l.index(1).unwrap(), 2);
        let it: BoundListIterator<'_> = l.iter();
        assert_eq!(it.len(), 3);
        assert_eq!(l.iter().next_back().unwrap().extract::<i32>().unwrap(), 1);
        assert_eq!(l.iter().nth(1).unwrap().extract::<i32>().unwrap(), 6);
        let sum = std::cell::Cell::new(0);
        l.locked_for_each(|x| {
            sum.set(sum.get() + x.extract::<i32>()?);
            Ok(())
        })
        .unwrap();
        assert_eq!(sum.get(), 12);
        l.sort().unwrap();
        assert_eq!(l.extract::<Vec<i32>>().unwrap(), vec![1, 5, 6]);
        l.reverse().unwrap();
        assert_eq!(
            l.to_tuple().extract::<(i32, i32, i32)>().unwrap(),
            (6, 5, 1)
        );
        assert_eq!(l.clone().into_sequence().len().unwrap(), 3);
        assert_eq!((&l).into_iter().count() + l.clone().into_iter().count(), 6);
        let _: pyo3::types::iter::BoundListIterator<'_> = l.iter();
        fn sig<'py>() {
            let _: fn(&Bound<'py, PyList>, usize) -> PyResult<Bound<'py, PyAny>> =
                <Bound<'py, PyList> as PyListMethods<'py>>::get_item;
            let _: fn(&Bound<'py, PyList>, usize, usize) -> Bound<'py, PyList> =
                <Bound<'py, PyList> as PyListMethods<'py>>::get_slice;
        }
        sig();
    });
}

// ---------------------------------------------------------------- types: dict

#[test]
fn dict_methods() {
    Python::attach(|py| {
        let d = PyDict::new(py);
        d.set_item("a", 1).unwrap();
        d.set_item("b", 2).unwrap();
        assert_eq!((d.len(), d.is_empty()), (2, false));
        assert!(d.contains("a").unwrap());
        assert!(d
            .contains(vec![1])
            .unwrap_err()
            .is_instance_of::<PyTypeError>(py));
        assert_eq!(
            d.get_item("a").unwrap().unwrap().extract::<i32>().unwrap(),
            1
        );
        assert!(d.get_item("zz").unwrap().is_none());
        let c = d.copy().unwrap();
        d.del_item("a").unwrap();
        assert!(d
            .del_item("a")
            .unwrap_err()
            .is_instance_of::<PyKeyError>(py));
        assert_eq!(c.keys().len() + c.values().len() + c.items().len(), 6);
        let it: BoundDictIterator<'_> = c.iter();
        assert_eq!(it.len(), 2);
        let mut keys = vec![];
        for (k, _v) in &c {
            keys.push(k.extract::<String>().unwrap());
        }
        assert_eq!(keys, ["a", "b"]);
        let count = std::cell::Cell::new(0);
        c.locked_for_each(|_, _| {
            count.set(count.get() + 1);
            Ok(())
        })
        .unwrap();
        assert_eq!(count.get(), 2);
        assert_eq!(c.as_mapping().len().unwrap(), 2);
        d.update(c.as_mapping()).unwrap();
        assert_eq!(
            d.get_item("a").unwrap().unwrap().extract::<i32>().unwrap(),
            1
        );
        let other = [("a", 100), ("z", 26)].into_py_dict(py).unwrap();
        d.update_if_missing(other.as_mapping()).unwrap();
        assert_eq!(
            d.get_item("a").unwrap().unwrap().extract::<i32>().unwrap(),
            1
        );
        assert_eq!(
            d.get_item("z").unwrap().unwrap().extract::<i32>().unwrap(),
            26
        );
        d.clone().into_mapping();
        d.clear();
        assert!(d.is_empty());
        let seq = PyList::new(py, [("k", 1)]).unwrap();
        let from = PyDict::from_sequence(&seq).unwrap();
        assert_eq!(from.len(), 1);
        assert_eq!(from.into_iter().count(), 1);
        // Mutation during iteration panics, as documented.
        let grow = [(1, 1)].into_py_dict(py).unwrap();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            for (k, _) in &grow {
                grow.set_item(k.extract::<i32>().unwrap() + 1, 0).unwrap();
            }
        }));
        assert!(r.is_err());
        // The views are types.
        let views = eval(py, c"({1: 2}.keys(), {1: 2}.values(), {1: 2}.items())");
        let views = views.cast_into::<PyTuple>().unwrap();
        assert!(views.get_item(0).unwrap().is_instance_of::<PyDictKeys>());
        assert!(views.get_item(1).unwrap().is_instance_of::<PyDictValues>());
        assert!(views.get_item(2).unwrap().is_instance_of::<PyDictItems>());
        let _: pyo3::types::iter::BoundDictIterator<'_> = c.iter();
        // IntoPyDict for the documented shapes.
        let h: std::collections::HashMap<&str, i32> = [("x", 1)].into_iter().collect();
        assert_eq!(h.into_py_dict(py).unwrap().len(), 1);
        let v = vec![(1, "one")];
        assert_eq!(v.into_py_dict(py).unwrap().len(), 1);
        let bt: std::collections::BTreeMap<i32, i32> = [(1, 2)].into_iter().collect();
        assert_eq!(bt.into_py_dict(py).unwrap().len(), 1);
    });
}

// ---------------------------------------------------------------- types: sets

#[test]
fn set_and_frozenset_methods() {
    Python::attach(|py| {
        let s = PySet::new(py, [1, 2]).unwrap();
        assert_eq!((s.len(), s.is_empty()), (2, false));
        assert!(PySet::empty(py).unwrap().is_empty());
        assert!(s.contains(1).unwrap());
        assert!(s.discard(1).unwrap() && !s.discard(1).unwrap());
        s.add(3).unwrap();
        assert!(s
            .add(vec![1])
            .unwrap_err()
            .is_instance_of::<PyTypeError>(py));
        let it: BoundSetIterator<'_> = s.iter();
        assert_eq!(it.len(), 2);
        assert_eq!((&s).into_iter().count(), 2);
        assert!(s.pop().is_some());
        s.clear();
        assert!(s.pop().is_none());
        let _: pyo3::types::iter::BoundSetIterator<'_> = s.iter();

        let f = PyFrozenSet::new(py, [1, 2, 2]).unwrap();
        assert_eq!((f.len(), f.is_empty()), (2, false));
        assert!(PyFrozenSet::empty(py).unwrap().is_empty());
        assert!(f.contains(2).unwrap());
        let it: BoundFrozenSetIterator<'_> = f.iter();
        assert_eq!(it.count(), 2);
        assert_eq!(f.clone().into_iter().count(), 2);
        let mut b: PyFrozenSetBuilder<'_> = PyFrozenSetBuilder::new(py).unwrap();
        b.add(1).unwrap();
        b.add(1).unwrap();
        assert_eq!(b.finalize().len(), 1);
        let _: pyo3::types::iter::BoundFrozenSetIterator<'_> = f.iter();
    });
}

// ---------------------------------------------------------------- types: protocols

#[test]
fn mapping_sequence_mappingproxy() {
    Python::attach(|py| {
        let d = [("a", 1)].into_py_dict(py).unwrap();
        let m = d.as_any().cast::<PyMapping>().unwrap();
        assert_eq!((m.len().unwrap(), m.is_empty().unwrap()), (1, false));
        assert!(m.contains("a").unwrap());
        assert_eq!(m.get_item("a").unwrap().extract::<i32>().unwrap(), 1);
        assert!(m
            .get_item("q")
            .unwrap_err()
            .is_instance_of::<PyKeyError>(py));
        m.set_item("b", 2).unwrap();
        m.del_item("b").unwrap();
        assert_eq!(m.keys().unwrap().len() + m.values().unwrap().len(), 2);
        assert_eq!(m.items().unwrap().len(), 1);
        assert!(PyList::empty(py).as_any().cast::<PyMapping>().is_err());
        let _: fn(Python<'_>) -> PyResult<()> = PyMapping::register::<PyDict>;

        let l = PyList::new(py, [1, 2, 3]).unwrap();
        let s = l.as_any().cast::<PySequence>().unwrap();
        assert_eq!((s.len().unwrap(), s.is_empty().unwrap()), (3, false));
        assert_eq!(s.concat(s).unwrap().len().unwrap(), 6);
        assert_eq!(s.repeat(2).unwrap().len().unwrap(), 6);
        assert_eq!(s.get_item(0).unwrap().extract::<i32>().unwrap(), 1);
        assert_eq!(s.get_slice(0, 2).unwrap().len().unwrap(), 2);
        s.set_item(0, 9).unwrap();
        s.del_item(0).unwrap();
        s.set_slice(0, 1, &PyList::new(py, [7, 7]).unwrap())
            .unwrap();
        s.del_slice(0, 1).unwrap();
        assert_eq!(s.count(7).unwrap(), 1);
        assert!(s.contains(3).unwrap());
        assert_eq!(s.index(3).unwrap(), 1);
        assert_eq!(s.to_list().unwrap().len(), 2);
        assert_eq!(s.to_tuple().unwrap().len(), 2);
        let ip = s.in_place_concat(s).unwrap();
        assert!(ip.is(s));
        assert_eq!(s.in_place_repeat(2).unwrap().len().unwrap(), 8);
        assert!(d.as_any().cast::<PySequence>().is_err());
        assert!("str"
            .into_pyobject(py)
            .unwrap()
            .cast::<PySequence>()
            .is_ok());
        let _: fn(Python<'_>) -> PyResult<()> = PySequence::register::<PyList>;

        let proxy = PyMappingProxy::new(py, d.as_mapping());
        assert!(!proxy.is_empty().unwrap());
        assert_eq!(proxy.keys().unwrap().len(), 1);
        assert_eq!(proxy.values().unwrap().len(), 1);
        assert_eq!(proxy.items().unwrap().len(), 1);
        assert_eq!(proxy.as_mapping().len().unwrap(), 1);
        let pairs: Vec<(String, i32)> = proxy
            .try_iter()
            .unwrap()
            .map(|r| {
                let (k, v) = r.unwrap();
                (k.extract().unwrap(), v.extract().unwrap())
            })
            .collect();
        assert_eq!(pairs, vec![("a".to_string(), 1)]);
        assert!(proxy.set_item("x", 1).is_err());
        assert!(eval(py, c"type.__dict__").is_instance_of::<PyMappingProxy>());
    });
}

// ---------------------------------------------------------------- types: iterator, range, slice

#[test]
fn iterator_range_slice() {
    Python::attach(|py| {
        let l = PyList::new(py, [1, 2]).unwrap();
        let mut it = PyIterator::from_object(&l).unwrap();
        assert_eq!(it.next().unwrap().unwrap().extract::<i32>().unwrap(), 1);
        assert_eq!(it.size_hint().0, 1);
        assert!(PyIterator::from_object(&PyInt::new(py, 1)).is_err());
        assert!(l.as_any().cast::<PyIterator>().is_err());
        if py.version_info() >= (3, 10) {
            #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
            {
                let code = c"def g():\n    x = yield 1\n    yield x\n";
                let globals = PyDict::new(py);
                py.run(code, Some(&globals), None).unwrap();
                let gen = globals.get_item("g").unwrap().unwrap().call0().unwrap();
                let gen = gen.cast_into::<PyIterator>().unwrap();
                let none = py.None().into_bound(py);
                match gen.send(&none).unwrap() {
                    PySendResult::Next(v) => assert_eq!(v.extract::<i32>().unwrap(), 1),
                    PySendResult::Return(_) => panic!("expected a yield"),
                }
                let v = 5i32.into_pyobject(py).unwrap().into_any();
                assert!(
                    matches!(gen.send(&v).unwrap(), PySendResult::Next(x) if x.extract::<i32>().unwrap() == 5)
                );
                assert!(matches!(gen.send(&none).unwrap(), PySendResult::Return(_)));
            }
        }

        let r = PyRange::new(py, 0, 10).unwrap();
        assert_eq!(
            (r.start().unwrap(), r.stop().unwrap(), r.step().unwrap()),
            (0, 10, 1)
        );
        let r2 = PyRange::new_with_step(py, 10, 0, -2).unwrap();
        assert_eq!(r2.len().unwrap(), 5);
        assert_eq!(r2.step().unwrap(), -2);
        assert!(PyRange::new_with_step(py, 0, 1, 0).is_err());

        let s = PySlice::new(py, 1, 10, 2);
        let ind: PySliceIndices = s.indices(5).unwrap();
        assert_eq!(
            (ind.start, ind.stop, ind.step, ind.slicelength),
            (1, 5, 2, 2)
        );
        let full = PySlice::full(py).indices(3).unwrap();
        assert_eq!((full.start, full.stop, full.slicelength), (0, 3, 3));
        let _ = PySliceIndices::new(0, 1, 1);
    });
}

// ---------------------------------------------------------------- types: module, code, functions

#[test]
fn module_code_function() {
    Python::attach(|py| {
        let m = PyModule::new(py, "fresh").unwrap();
        assert_eq!(m.name().unwrap().to_str().unwrap(), "fresh");
        assert!(m.filename().is_err());
        m.add("answer", 42).unwrap();
        assert_eq!(m.index().unwrap().len(), 1);
        assert!(m.dict().contains("answer").unwrap());
        let sub = PyModule::new(py, "sub").unwrap();
        m.add_submodule(&sub).unwrap();
        assert!(m.as_any().hasattr("sub").unwrap());
        let f = PyCFunction::new_closure(py, Some(c"plus1"), None, |args, _kw| -> PyResult<i64> {
            Ok(args.get_item(0)?.extract::<i64>()? + 1)
        })
        .unwrap();
        m.add_function(f.clone()).unwrap();
        assert_eq!(
            m.getattr("plus1")
                .unwrap()
                .call1((1,))
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            2
        );
        m.gil_used(false).unwrap();
        let os = PyModule::import(py, "os").unwrap();
        assert!(os.filename().unwrap().to_str().unwrap().ends_with(".py"));
        assert!(PyModule::import(py, "no_such_module_x")
            .unwrap_err()
            .is_instance_of::<PyModuleNotFoundError>(py));
        let fc = PyModule::from_code(py, c"def f():\n    return 3\n", c"fc.py", c"fc").unwrap();
        assert_eq!(
            fc.getattr("f")
                .unwrap()
                .call0()
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            3
        );

        let code = PyCode::compile(py, c"1 + 2", c"<x>", PyCodeInput::Eval).unwrap();
        assert_eq!(code.run(None, None).unwrap().extract::<i32>().unwrap(), 3);
        let globals = PyDict::new(py);
        let code = PyCode::compile(py, c"y = 5", c"<x>", PyCodeInput::File).unwrap();
        code.run(Some(&globals), None).unwrap();
        assert_eq!(
            globals
                .get_item("y")
                .unwrap()
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            5
        );
        assert!(PyCode::compile(py, c"1 +", c"<x>", PyCodeInput::Eval)
            .unwrap_err()
            .is_instance_of::<PySyntaxError>(py));

        #[cfg(not(Py_LIMITED_API))]
        assert!(eval(py, c"lambda: 1").is_instance_of::<PyFunction>());
        assert!(eval(py, c"len").is_instance_of::<PyCFunction>());
        let _: for<'a, 'py> fn(
            Python<'py>,
            pyo3::ffi::PyCFunctionWithKeywords,
            &'static CStr,
            &'static CStr,
            Option<&'a Bound<'py, PyModule>>,
        ) -> PyResult<Bound<'py, PyCFunction>> = PyCFunction::new_with_keywords;
        let _: for<'a, 'py> fn(
            Python<'py>,
            pyo3::ffi::PyCFunction,
            &'static CStr,
            &'static CStr,
            Option<&'a Bound<'py, PyModule>>,
        ) -> PyResult<Bound<'py, PyCFunction>> = PyCFunction::new;
        #[cfg(Py_3_9)]
        {
            let ga =
                PyGenericAlias::new(py, &py.get_type::<PyList>(), &py.get_type::<PyInt>()).unwrap();
            assert_eq!(ga.str().unwrap().to_str().unwrap(), "list[int]");
        }
        #[cfg(all(not(Py_LIMITED_API), not(PyPy), not(GraalPy)))]
        {
            let frame = eval(py, c"__import__('sys')._getframe()");
            assert!(frame.is_instance_of::<PyFrame>());
        }
    });
}

// ---------------------------------------------------------------- types: type, super, traceback

#[test]
fn type_super_traceback() {
    Python::attach(|py| {
        let t = py.get_type::<PyBool>();
        assert_eq!(t.name().unwrap().to_str().unwrap(), "bool");
        assert_eq!(t.qualname().unwrap().to_str().unwrap(), "bool");
        assert_eq!(t.module().unwrap().to_str().unwrap(), "builtins");
        assert_eq!(t.fully_qualified_name().unwrap().to_str().unwrap(), "bool");
        let od = PyModule::import(py, "collections")
            .unwrap()
            .getattr("OrderedDict")
            .unwrap();
        let od = od.cast_into::<PyType>().unwrap();
        assert_eq!(
            od.fully_qualified_name().unwrap().to_str().unwrap(),
            "collections.OrderedDict"
        );
        assert!(t.is_subclass(&py.get_type::<PyInt>()).unwrap());
        assert!(t.is_subclass_of::<PyInt>().unwrap());
        assert_eq!(t.mro().len(), 3);
        assert_eq!(t.bases().len(), 1);
        assert!(!t.as_type_ptr().is_null());
        assert!(PyType::new::<PyInt>(py).is(&py.get_type::<PyInt>()));
        // SAFETY: a valid type object pointer.
        let same = unsafe { PyType::from_borrowed_type_ptr(py, t.as_type_ptr()) };
        assert!(same.is(&t));

        #[cfg(not(any(PyPy, GraalPy)))]
        {
            let obj = PyBool::new(py, true).to_owned().into_any();
            let sup = PySuper::new(&t, &obj).unwrap();
            assert_eq!(
                sup.call_method0("__repr__")
                    .unwrap()
                    .extract::<String>()
                    .unwrap(),
                "1"
            );
        }

        let err = py
            .run(c"def f():\n    raise ValueError('x')\nf()", None, None)
            .unwrap_err();
        let tb: Bound<'_, PyTraceback> = err.traceback(py).unwrap();
        let text = tb.format().unwrap();
        assert!(text.starts_with("Traceback (most recent call last):"));
        assert!(text.contains("line 2, in f"));
    });
}

// ---------------------------------------------------------------- types: capsule

#[test]
fn capsule_methods() {
    Python::attach(|py| {
        let name = std::ffi::CString::new("api_surface.cap").unwrap();
        let cap = PyCapsule::new(py, 123u32, Some(name.clone())).unwrap();
        assert!(cap.is_valid());
        assert!(cap.is_valid_checked(Some(name.as_c_str())));
        assert!(!cap.is_valid_checked(Some(c"other")));
        // SAFETY: the capsule holds a u32.
        assert_eq!(unsafe { *cap.reference::<u32>() }, 123);
        assert!(!cap.pointer().is_null());
        assert!(cap.pointer_checked(Some(name.as_c_str())).is_ok());
        assert!(cap.pointer_checked(None).is_err());
        let n: CapsuleName = cap.name().unwrap().unwrap();
        // SAFETY: the capsule (and so its name) outlives this use.
        assert_eq!(unsafe { n.as_cstr() }, name.as_c_str());
        assert!(!n.as_ptr().is_null());
        cap.set_context(std::ptr::null_mut::<std::ffi::c_void>().wrapping_add(1))
            .unwrap();
        assert_eq!(cap.context().unwrap() as usize, 1);
        let dropped = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = dropped.clone();
        let cap2 = PyCapsule::new_with_destructor(py, 5i64, None, move |v, _ctx| {
            assert_eq!(v, 5);
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        })
        .unwrap();
        assert!(cap2.name().unwrap().is_none());
        drop(cap2);
        assert!(dropped.load(std::sync::atomic::Ordering::SeqCst));
        let _: for<'a, 'py> unsafe fn(Python<'py>, &'a CStr) -> PyResult<&'py u32> =
            PyCapsule::import::<u32>;
    });
}

// ---------------------------------------------------------------- types: weakref

#[test]
fn weakref_methods() {
    Python::attach(|py| {
        let cls = eval(py, c"type('W', (), {})");
        let obj = cls.call0().unwrap();
        let r = PyWeakrefReference::new(&obj).unwrap();
        assert!(r.upgrade().unwrap().is(&obj));
        assert!(r.upgrade_as::<PyAny>().unwrap().is_some());
        assert!(r.upgrade_as::<PyList>().is_err());
        // The referent's exact type is `W`, not `object`.
        assert!(r.upgrade_as_exact::<PyAny>().is_err());
        // SAFETY: the referent is a PyAny.
        assert!(unsafe { r.upgrade_as_unchecked::<PyAny>() }.is_some());
        let p = PyWeakrefProxy::new(&obj).unwrap();
        assert!(p.upgrade().unwrap().is(&obj));
        let cb = eval(py, c"lambda ref: None");
        let r2 = PyWeakrefReference::new_with(&obj, &cb).unwrap();
        let p2 = PyWeakrefProxy::new_with(&obj, py.None()).unwrap();
        assert!(r.as_any().is_instance_of::<PyWeakref>());
        assert!(p.as_any().is_instance_of::<PyWeakref>());
        let any_ref = r.as_any().cast::<PyWeakref>().unwrap();
        assert!(any_ref.upgrade().is_some());
        drop(obj);
        assert!(r.upgrade().is_none() && r2.upgrade().is_none() && p2.upgrade().is_none());
        assert!(r.upgrade_as::<PyAny>().unwrap().is_none());
        assert!(PyWeakrefReference::new(&PyInt::new(py, 1))
            .unwrap_err()
            .is_instance_of::<PyTypeError>(py));
    });
}

// ---------------------------------------------------------------- types: datetime

#[cfg(not(Py_LIMITED_API))]
#[test]
fn datetime_types() {
    Python::attach(|py| {
        let d = PyDate::new(py, 2024, 2, 29).unwrap();
        assert_eq!((d.get_year(), d.get_month(), d.get_day()), (2024, 2, 29));
        assert!(PyDate::new(py, 2023, 2, 29)
            .unwrap_err()
            .is_instance_of::<PyValueError>(py));
        assert_eq!(PyDate::from_timestamp(py, 0).unwrap().get_year(), 1970);
        let utc = PyTzInfo::utc(py).unwrap();
        let dt = PyDateTime::new(py, 2024, 1, 2, 3, 4, 5, 6, Some(&utc)).unwrap();
        assert_eq!((dt.get_hour(), dt.get_minute(), dt.get_second()), (3, 4, 5));
        assert_eq!((dt.get_microsecond(), dt.get_fold()), (6, false));
        assert!(dt.get_tzinfo().unwrap().is(&*utc));
        let folded = PyDateTime::new_with_fold(py, 2024, 1, 2, 3, 4, 5, 6, None, true).unwrap();
        assert!(folded.get_fold() && folded.get_tzinfo().is_none());
        let ts = PyDateTime::from_timestamp(py, 0.0, Some(&utc)).unwrap();
        assert_eq!(ts.get_year(), 1970);
        let t = PyTime::new(py, 1, 2, 3, 4, None).unwrap();
        assert_eq!(
            (
                t.get_hour(),
                t.get_minute(),
                t.get_second(),
                t.get_microsecond()
            ),
            (1, 2, 3, 4)
        );
        assert!(PyTime::new_with_fold(py, 1, 2, 3, 4, None, true)
            .unwrap()
            .get_fold());
        assert!(t.get_tzinfo().is_none());
        let delta = PyDelta::new(py, 1, 86_401, 0, true).unwrap();
        assert_eq!(
            (
                delta.get_days(),
                delta.get_seconds(),
                delta.get_microseconds()
            ),
            (2, 1, 0)
        );
        assert!(PyDelta::new(py, 1_000_000_000, 0, 0, true).is_err());
        let hour = PyDelta::new(py, 0, 3600, 0, true).unwrap();
        let fixed = PyTzInfo::fixed_offset(py, hour).unwrap();
        assert_eq!(fixed.str().unwrap().to_str().unwrap(), "UTC+01:00");
        let fixed2 = PyTzInfo::fixed_offset(py, std::time::Duration::from_secs(7200)).unwrap();
        assert_eq!(fixed2.str().unwrap().to_str().unwrap(), "UTC+02:00");
        if py.version_info() >= (3, 9) && PyModule::import(py, "zoneinfo").is_ok() {
            if let Ok(tz) = PyTzInfo::timezone(py, "UTC") {
                assert_eq!(tz.str().unwrap().to_str().unwrap(), "UTC");
            }
        }
        #[allow(deprecated)]
        let old = timezone_utc(py);
        assert!(old.is(&*utc));
    });
}

// ---------------------------------------------------------------- types: PyMutex (3.13+)

#[cfg(all(not(Py_LIMITED_API), Py_3_13))]
#[test]
fn pymutex() {
    let m = PyMutex::new(1);
    {
        let mut g: PyMutexGuard<'_, i32> = m.lock().unwrap();
        *g += 1;
        assert!(m.is_locked());
    }
    assert!(!m.is_locked());
    m.clear_poison();
    assert_eq!(m.into_inner().unwrap(), 2);
}

// ---------------------------------------------------------------- conversion

#[test]
fn conversion_traits() {
    Python::attach(|py| {
        // IntoPyObject: the associated types and the `into_pyobject` call.
        let b: Bound<'_, PyInt> = 5i32.into_pyobject(py).unwrap();
        assert_eq!(b.extract::<i32>().unwrap(), 5);
        let s: Borrowed<'_, '_, PyBool> = true.into_pyobject(py).unwrap();
        assert!(s.is_true());
        fn assoc<'py, T: IntoPyObject<'py>>(_: &T) -> &'static str {
            std::any::type_name::<T::Target>()
        }
        assert!(assoc(&"x").ends_with("PyString"));
        // IntoPyObjectExt
        let any: Bound<'_, PyAny> = 1.5f64.into_bound_py_any(py).unwrap();
        assert!(any.is_instance_of::<PyFloat>());
        let unbound: Py<PyAny> = "s".into_py_any(py).unwrap();
        assert!(unbound.bind(py).is_instance_of::<PyString>());
        let out: Bound<'_, PyString> = "o".into_pyobject_or_pyerr(py).unwrap();
        assert_eq!(out.to_str().unwrap(), "o");
        // BoundObject over Bound and Borrowed.
        fn via_bound_object<'py, T, B: BoundObject<'py, T>>(b: B) -> (Bound<'py, T>, usize) {
            let p = b.as_ptr() as usize;
            let _ = b.as_borrowed();
            (b.into_bound(), p)
        }
        let (bb, _) = via_bound_object(PyInt::new(py, 3));
        assert_eq!(bb.extract::<i32>().unwrap(), 3);
        let (bt, _) = via_bound_object(PyBool::new(py, false));
        assert!(!bt.is_true());
        let ub: Py<PyInt> = BoundObject::unbind(PyInt::new(py, 4));
        assert_eq!(ub.extract::<i32>(py).unwrap(), 4);
        let any2: Bound<'_, PyAny> = BoundObject::into_any(PyInt::new(py, 9)).into_bound();
        let ptr = BoundObject::into_ptr(any2);
        // SAFETY: `ptr` is the owned reference just released.
        drop(unsafe { Bound::from_owned_ptr(py, ptr) });
        // FromPyObject with the Borrowed argument and an Error type.
        let obj = PyInt::new(py, 11).into_any();
        let v: i64 = <i64 as FromPyObject<'_, '_>>::extract(obj.as_borrowed()).unwrap();
        assert_eq!(v, 11);
        fn owned<T: for<'py> FromPyObjectOwned<'py>>() {}
        owned::<String>();
        owned::<Vec<i32>>();
        let e = <String as FromPyObject<'_, '_>>::extract(obj.as_borrowed()).unwrap_err();
        assert!(e.is_instance_of::<PyTypeError>(py));
        // A user impl in the 0.27 form compiles against our trait.
        struct Meters(f64);
        impl<'a, 'py> FromPyObject<'a, 'py> for Meters {
            type Error = PyErr;
            fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
                Ok(Meters(obj.extract::<f64>()?))
            }
        }
        assert_eq!(obj.extract::<Meters>().unwrap().0, 11.0);
        struct Pair(i32);
        impl<'py> IntoPyObject<'py> for Pair {
            type Target = PyTuple;
            type Output = Bound<'py, PyTuple>;
            type Error = PyErr;
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                PyTuple::new(py, [self.0, self.0])
            }
        }
        assert_eq!(Pair(2).into_pyobject(py).unwrap().len(), 2);
        assert_eq!(Pair(2).into_bound_py_any(py).unwrap().len().unwrap(), 2);
    });
}

// ---------------------------------------------------------------- exceptions

macro_rules! check_exceptions {
    ($py:expr; $($name:ident => $py_name:literal),* $(,)?) => {$(
        let ty = $py.get_type::<$name>();
        assert_eq!(ty.name().unwrap().to_str().unwrap(), $py_name, stringify!($name));
        // The Unicode errors need five constructor arguments; one string is refused.
        let err = $name::new_err("msg");
        let unicode = $py_name.starts_with("Unicode") && $py_name.ends_with("Error") && $py_name != "UnicodeError";
        assert_eq!(err.is_instance_of::<$name>($py), !unicode, stringify!($name));
        assert!(<$name as PyTypeInfo>::type_object($py).is(&ty));
    )*};
}

#[test]
fn exception_types() {
    Python::attach(|py| {
        check_exceptions!(py;
            PyBaseException => "BaseException", PyException => "Exception",
            PyStopAsyncIteration => "StopAsyncIteration", PyStopIteration => "StopIteration",
            PyGeneratorExit => "GeneratorExit", PyArithmeticError => "ArithmeticError",
            PyLookupError => "LookupError", PyAssertionError => "AssertionError",
            PyAttributeError => "AttributeError", PyBufferError => "BufferError",
            PyEOFError => "EOFError", PyFloatingPointError => "FloatingPointError",
            PyOSError => "OSError", PyImportError => "ImportError",
            PyModuleNotFoundError => "ModuleNotFoundError", PyIndexError => "IndexError",
            PyKeyError => "KeyError", PyKeyboardInterrupt => "KeyboardInterrupt",
            PyMemoryError => "MemoryError", PyNameError => "NameError",
            PyOverflowError => "OverflowError", PyRuntimeError => "RuntimeError",
            PyRecursionError => "RecursionError", PyNotImplementedError => "NotImplementedError",
            PySyntaxError => "SyntaxError", PyReferenceError => "ReferenceError",
            PySystemError => "SystemError", PySystemExit => "SystemExit",
            PyTypeError => "TypeError", PyUnboundLocalError => "UnboundLocalError",
            PyUnicodeError => "UnicodeError", PyUnicodeDecodeError => "UnicodeDecodeError",
            PyUnicodeEncodeError => "UnicodeEncodeError",
            PyUnicodeTranslateError => "UnicodeTranslateError",
            PyValueError => "ValueError", PyZeroDivisionError => "ZeroDivisionError",
            PyBlockingIOError => "BlockingIOError", PyBrokenPipeError => "BrokenPipeError",
            PyChildProcessError => "ChildProcessError", PyConnectionError => "ConnectionError",
            PyConnectionAbortedError => "ConnectionAbortedError",
            PyConnectionRefusedError => "ConnectionRefusedError",
            PyConnectionResetError => "ConnectionResetError",
            PyFileExistsError => "FileExistsError", PyFileNotFoundError => "FileNotFoundError",
            PyInterruptedError => "InterruptedError", PyIsADirectoryError => "IsADirectoryError",
            PyNotADirectoryError => "NotADirectoryError", PyPermissionError => "PermissionError",
            PyProcessLookupError => "ProcessLookupError", PyTimeoutError => "TimeoutError",
            PyEnvironmentError => "OSError", PyIOError => "OSError",
            PyWarning => "Warning", PyUserWarning => "UserWarning",
            PyDeprecationWarning => "DeprecationWarning",
            PyPendingDeprecationWarning => "PendingDeprecationWarning",
            PySyntaxWarning => "SyntaxWarning", PyRuntimeWarning => "RuntimeWarning",
            PyFutureWarning => "FutureWarning", PyImportWarning => "ImportWarning",
            PyUnicodeWarning => "UnicodeWarning", PyBytesWarning => "BytesWarning",
            PyResourceWarning => "ResourceWarning",
        );
        #[cfg(Py_3_10)]
        check_exceptions!(py; PyEncodingWarning => "EncodingWarning");
        #[cfg(Py_3_11)]
        {
            let ty = py.get_type::<PyBaseExceptionGroup>();
            assert_eq!(ty.name().unwrap().to_str().unwrap(), "BaseExceptionGroup");
        }
        // Submodules of imported exceptions.
        use pyo3::exceptions::{asyncio, socket};
        let names = [
            py.get_type::<asyncio::CancelledError>(),
            py.get_type::<asyncio::InvalidStateError>(),
            py.get_type::<asyncio::TimeoutError>(),
            py.get_type::<asyncio::IncompleteReadError>(),
            py.get_type::<asyncio::LimitOverrunError>(),
            py.get_type::<asyncio::QueueEmpty>(),
            py.get_type::<asyncio::QueueFull>(),
            py.get_type::<socket::herror>(),
            py.get_type::<socket::gaierror>(),
            py.get_type::<socket::timeout>(),
        ];
        assert_eq!(names[0].name().unwrap().to_str().unwrap(), "CancelledError");
        assert!(socket::gaierror::new_err("x").is_instance_of::<PyOSError>(py));

        // Constructors of the Unicode decode error.
        let e = PyUnicodeDecodeError::new(py, c"utf-8", b"ab\xff", 2..3, c"bad").unwrap();
        assert_eq!(e.getattr("start").unwrap().extract::<usize>().unwrap(), 2);
        let invalid = b"a\xffb".to_vec();
        let utf8 = std::str::from_utf8(&invalid).unwrap_err();
        let e = PyUnicodeDecodeError::new_utf8(py, b"a\xffb", utf8).unwrap();
        assert_eq!(
            e.getattr("reason").unwrap().extract::<String>().unwrap(),
            "invalid utf-8"
        );
        // Exception types are usable as Bound values.
        let v = PyValueError::new_err("boom").into_value(py);
        let b: &Bound<'_, PyBaseException> = v.bind(py);
        assert!(b.cast::<PyValueError>().is_ok());
    });
}

pyo3::create_exception!(
    api_surface,
    SurfaceError,
    PyException,
    "A test-defined error."
);
pyo3::import_exception!(json, JSONDecodeError);
#[allow(deprecated)]
mod old_import {
    pyo3::import_exception_bound!(decimal, InvalidOperation);
}

#[test]
fn exception_macros() {
    Python::attach(|py| {
        let ty = py.get_type::<SurfaceError>();
        assert_eq!(ty.name().unwrap().to_str().unwrap(), "SurfaceError");
        assert_eq!(ty.module().unwrap().to_str().unwrap(), "api_surface");
        assert!(ty.is_subclass_of::<PyException>().unwrap());
        assert_eq!(
            ty.getattr("__doc__").unwrap().extract::<String>().unwrap(),
            "A test-defined error."
        );
        let err = SurfaceError::new_err("x");
        assert!(err.is_instance_of::<SurfaceError>(py));
        let j = py.get_type::<JSONDecodeError>();
        assert!(j.is_subclass_of::<PyValueError>().unwrap());
        let bad = PyModule::import(py, "json")
            .unwrap()
            .call_method1("loads", ("{",));
        assert!(bad.unwrap_err().is_instance_of::<JSONDecodeError>(py));
        let _ = py.get_type::<old_import::InvalidOperation>();
    });
}

// ---------------------------------------------------------------- err

#[test]
fn pyerr_methods() {
    Python::attach(|py| {
        let err = PyErr::new::<PyValueError, _>("bad value");
        assert!(err.get_type(py).is(&py.get_type::<PyValueError>()));
        assert_eq!(err.value(py).to_string(), "bad value");
        assert_eq!(err.to_string(), "ValueError: bad value");
        assert!(err.traceback(py).is_none());
        assert!(err.is_instance_of::<PyException>(py));
        assert!(err.is_instance(py, &py.get_type::<PyValueError>()));
        assert!(err.matches(py, py.get_type::<PyValueError>()).unwrap());
        assert!(err
            .matches(
                py,
                (PyTypeError::type_object(py), PyValueError::type_object(py))
            )
            .unwrap());
        let clone = err.clone_ref(py);
        assert!(clone.value(py).is(err.value(py)));
        assert!(err.cause(py).is_none());
        err.set_cause(py, Some(PyTypeError::new_err("root")));
        assert!(err.cause(py).unwrap().is_instance_of::<PyTypeError>(py));
        err.set_cause(py, None);
        assert!(err.cause(py).is_none());
        #[cfg(Py_3_11)]
        {
            err.add_note(py, "a note").unwrap();
            let notes = err.value(py).getattr("__notes__").unwrap();
            assert_eq!(notes.len().unwrap(), 1);
        }

        assert!(!PyErr::occurred(py));
        assert!(PyErr::take(py).is_none());
        err.clone_ref(py).restore(py);
        assert!(PyErr::occurred(py));
        let fetched = PyErr::fetch(py);
        assert!(fetched.is_instance_of::<PyValueError>(py));
        let none_pending = PyErr::fetch(py);
        assert!(none_pending.is_instance_of::<PySystemError>(py));

        let from_ty = PyErr::from_type(py.get_type::<PyKeyError>(), "k");
        assert!(from_ty.is_instance_of::<PyKeyError>(py));
        let inst = PyValueError::new_err("v")
            .into_value(py)
            .into_bound(py)
            .into_any();
        assert!(PyErr::from_value(inst).is_instance_of::<PyValueError>(py));
        let not_exc = PyErr::from_value(PyInt::new(py, 1).into_any());
        assert!(not_exc.is_instance_of::<PyTypeError>(py));
        let ty_only = PyErr::from_value(py.get_type::<PyKeyError>().into_any());
        assert!(ty_only.is_instance_of::<PyKeyError>(py));
        let v: Py<PyBaseException> = PyErr::new::<PyTypeError, _>(("a", 1)).into_value(py);
        assert_eq!(v.bind(py).getattr("args").unwrap().len().unwrap(), 2);

        let new_ty = PyErr::new_type(
            py,
            c"api_surface.Custom",
            Some(c"doc"),
            Some(&py.get_type::<PyKeyError>()),
            None,
        )
        .unwrap();
        assert!(new_ty.bind(py).is_subclass_of::<PyKeyError>().unwrap());
        assert_eq!(new_ty.bind(py).name().unwrap().to_str().unwrap(), "Custom");

        // Printing and warning APIs run without raising.
        let warnings = PyModule::import(py, "warnings").unwrap();
        let catch = warnings.call_method0("catch_warnings").unwrap();
        catch.call_method0("__enter__").unwrap();
        warnings.call_method1("simplefilter", ("error",)).unwrap();
        let w = PyErr::warn(py, &py.get_type::<PyUserWarning>(), c"careful", 0);
        assert!(w.unwrap_err().is_instance_of::<PyUserWarning>(py));
        let w = PyErr::warn_explicit(
            py,
            &py.get_type::<PyUserWarning>(),
            c"careful",
            c"f.py",
            3,
            None,
            None,
        );
        assert!(w.unwrap_err().is_instance_of::<PyUserWarning>(py));
        catch
            .call_method1("__exit__", (py.None(), py.None(), py.None()))
            .unwrap();
        let _: fn(&PyErr, Python<'_>) = PyErr::print;
        let _: fn(&PyErr, Python<'_>) = PyErr::print_and_set_sys_last_vars;
        let _: fn(&PyErr, Python<'_>) = PyErr::display;
        let _: fn(PyErr, Python<'_>, Option<&Bound<'_, PyAny>>) = PyErr::write_unraisable;

        // PyErrArguments for user types.
        struct Args(i32);
        impl PyErrArguments for Args {
            fn arguments(self, py: Python<'_>) -> Py<PyAny> {
                (self.0, "x").into_py_any(py).unwrap()
            }
        }
        let e = PyValueError::new_err(Args(3));
        assert_eq!(e.value(py).getattr("args").unwrap().len().unwrap(), 2);
        let _: PyResult<()> = Err(e);
        // Debug and Display.
        let dbg = format!("{:?}", PyValueError::new_err("d"));
        assert!(dbg.contains("ValueError"));
        // Conversions into PyErr.
        let io: PyErr = std::io::Error::from(std::io::ErrorKind::NotFound).into();
        assert!(io.is_instance_of::<PyFileNotFoundError>(py));
        let io: PyErr = std::io::Error::from(std::io::ErrorKind::PermissionDenied).into();
        assert!(io.is_instance_of::<PyPermissionError>(py));
        let p: PyErr = "x".parse::<i32>().unwrap_err().into();
        assert!(p.is_instance_of::<PyValueError>(py));
        let p: PyErr = "x".parse::<f64>().unwrap_err().into();
        assert!(p.is_instance_of::<PyValueError>(py));
        let u: PyErr = String::from_utf8(vec![0xff]).unwrap_err().into();
        assert!(u.is_instance_of::<PyUnicodeDecodeError>(py));
        let invalid = vec![0xffu8];
        let u: PyErr = std::str::from_utf8(&invalid).unwrap_err().into();
        assert!(u.is_instance_of::<PyUnicodeDecodeError>(py));
        let n: PyErr = std::ffi::CString::new(vec![0]).unwrap_err().into();
        assert!(n.is_instance_of::<PyValueError>(py));
        let t: PyErr = u8::try_from(300i32).unwrap_err().into();
        assert!(t.is_instance_of::<PyValueError>(py));
        let back: std::io::Error = PyFileNotFoundError::new_err("gone").into();
        assert_eq!(back.kind(), std::io::ErrorKind::NotFound);
        let _: fn(&PyErr) -> &dyn std::error::Error = |e| e;
    });
}

#[test]
fn cast_and_downcast_errors() {
    Python::attach(|py| {
        let obj = PyInt::new(py, 1).into_any();
        // 0.27: `cast` failures name the Python type they were cast to.
        let err: CastError<'_, '_> = obj.cast::<PyString>().unwrap_err();
        assert_eq!(err.to_string(), "'int' object cannot be cast as 'str'");
        let e: PyErr = err.into();
        assert!(e.is_instance_of::<PyTypeError>(py));
        assert_eq!(
            e.value(py).to_string(),
            "'int' object cannot be cast as 'str'"
        );
        let into: CastIntoError<'_> = obj.clone().cast_into::<PyList>().unwrap_err();
        assert_eq!(into.to_string(), "'int' object cannot be cast as 'list'");
        assert!(into.into_inner().is(&obj));
        let made = CastError::new(obj.as_borrowed(), py.get_type::<PyDict>().into_any());
        assert_eq!(made.to_string(), "'int' object cannot be cast as 'dict'");
        let tup = PyTuple::new(py, [py.get_type::<PyInt>(), py.get_type::<PyNone>()]).unwrap();
        let empty = PyList::empty(py);
        let made = CastError::new(empty.as_any().as_borrowed(), tup.into_any());
        assert_eq!(
            made.to_string(),
            "'list' object cannot be cast as 'int | NoneType'"
        );
        let made = CastIntoError::new(obj.clone(), py.get_type::<PyDict>().into_any());
        assert_eq!(made.to_string(), "'int' object cannot be cast as 'dict'");
        // Abstract types name their classinfo (the ABC).
        let err = obj.cast::<PySequence>().unwrap_err();
        assert_eq!(err.to_string(), "'int' object cannot be cast as 'Sequence'");
        let _: Bound<'_, PyAny> = <PyMapping as PyTypeCheck>::classinfo_object(py);
        // The older error types keep their own message.
        let old = DowncastError::new(&obj, "PyString");
        assert_eq!(
            old.to_string(),
            "'int' object cannot be converted to 'PyString'"
        );
        let e: PyErr = old.into();
        assert!(e.is_instance_of::<PyTypeError>(py));
        let old = DowncastIntoError::new(obj.clone(), "PyList");
        assert_eq!(
            old.to_string(),
            "'int' object cannot be converted to 'PyList'"
        );
        assert!(old.into_inner().is(&obj));
        // Extraction errors name the Python type.
        let e = obj.extract::<String>().unwrap_err();
        assert_eq!(
            e.value(py).to_string(),
            "'int' object cannot be cast as 'str'"
        );
        let e = "abc"
            .into_pyobject(py)
            .unwrap()
            .extract::<Vec<String>>()
            .unwrap_err();
        assert_eq!(e.value(py).to_string(), "Can't extract `str` to `Vec`");
    });
}

// ---------------------------------------------------------------- sync

#[test]
fn sync_items() {
    use pyo3::sync::*;
    use std::sync::{Mutex, Once, OnceLock, RwLock};
    Python::attach(|py| {
        static CELL: PyOnceLock<Py<PyString>> = PyOnceLock::new();
        let a = CELL.get_or_init(py, || PyString::new(py, "once").unbind());
        let b = CELL.get_or_init(py, || unreachable!());
        assert!(a.is(b));
        assert!(CELL.get(py).is_some());
        let mut cell: PyOnceLock<i32> = PyOnceLock::new();
        assert_eq!(cell.set(py, 1), Ok(()));
        assert_eq!(cell.set(py, 2), Err(2));
        assert_eq!(cell.get_mut(), Some(&mut 1));
        assert_eq!(cell.take(), Some(1));
        assert_eq!(cell.get_or_try_init(py, || Err::<i32, ()>(())), Err(()));
        assert_eq!(*cell.get_or_try_init(py, || Ok::<i32, ()>(4)).unwrap(), 4);
        assert_eq!(cell.into_inner(), Some(4));
        let typed: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        let od = typed.import(py, "collections", "OrderedDict").unwrap();
        assert_eq!(od.name().unwrap().to_str().unwrap(), "OrderedDict");
        let refd: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        refd.set(py, py.None()).unwrap();
        assert!(refd.clone_ref(py).get(py).unwrap().is_none(py));
        #[allow(deprecated)]
        {
            let old: GILOnceCell<i32> = GILOnceCell::new();
            assert_eq!(*old.get_or_init(py, || 3), 3);
            // Not on the free-threaded build, where there is no lock to protect it (PyO3 too).
            #[cfg(not(Py_GIL_DISABLED))]
            {
                let prot = GILProtected::new(5);
                assert_eq!(*prot.get(py), 5);
            }
        }

        let once = Once::new();
        let hits = std::cell::Cell::new(0);
        once.call_once_py_attached(py, || hits.set(hits.get() + 1));
        once.call_once_py_attached(py, || hits.set(hits.get() + 1));
        assert_eq!(hits.get(), 1);
        let once2 = Once::new();
        once2.call_once_force_py_attached(py, |state| assert!(!state.is_poisoned()));
        static LOCK: OnceLock<i32> = OnceLock::new();
        assert_eq!(*LOCK.get_or_init_py_attached(py, || 9), 9);
        let m = Mutex::new(0);
        *m.lock_py_attached(py).unwrap() += 1;
        assert_eq!(*m.lock().unwrap(), 1);
        let rw = RwLock::new(1);
        assert_eq!(*rw.read_py_attached(py).unwrap(), 1);
        *rw.write_py_attached(py).unwrap() = 2;
        assert_eq!(*rw.read().unwrap(), 2);

        let list = PyList::empty(py);
        let n = with_critical_section(&list, || {
            list.append(1).unwrap();
            list.len()
        });
        assert_eq!(n, 1);
        let other = PyList::empty(py);
        assert_eq!(
            with_critical_section2(&list, &other, || list.len() + other.len()),
            1
        );

        let i = pyo3::intern!(py, "interned_name");
        assert_eq!(i.to_str().unwrap(), "interned_name");
        assert!(i.is(pyo3::intern!(py, "interned_name")) || i.to_str().unwrap() == "interned_name");
        static INTERNED: Interned = Interned::new("via_type");
        assert_eq!(INTERNED.get(py).to_str().unwrap(), "via_type");
    });
}
