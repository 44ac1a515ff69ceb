//! Items added to close the gaps `api-parity` measured against PyO3 0.27.2: conversions
//! between the smart pointers, embedding helpers, error arguments, iterator methods,
//! complex arithmetic, protocol type objects and the older `GILOnceCell`.

use pyo3::exceptions::PyUnicodeDecodeError;
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{IntoPyDict, PyBytes, PyDict, PyList, PySequenceMethods, PyString, PyTuple};
use pyo3::PyErrArguments;

// ------------------------------------------------------------ smart-pointer conversions

#[test]
fn typed_references_widen_into_py_any() {
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        let before = list.get_refcnt();
        let from_bound: Py<PyAny> = Py::from(list.clone());
        assert_eq!(list.get_refcnt(), before + 1);
        let typed: Py<PyList> = list.clone().unbind();
        let from_py: Py<PyAny> = typed.into();
        assert!(from_py.is(&from_bound));
        let borrowed = list.as_borrowed();
        let from_borrowed: Py<PyList> = Py::from(borrowed);
        assert!(from_borrowed.is(&from_bound));
        assert_eq!(list.get_refcnt(), before + 3);
        drop((from_bound, from_py, from_borrowed));
        assert_eq!(list.get_refcnt(), before);
    });
}

#[test]
fn py_displays_its_str() {
    let s: Py<PyString> = Python::attach(|py| PyString::new(py, "shown").unbind());
    // Display attaches by itself.
    assert_eq!(s.to_string(), "shown");
    let d: Py<PyDict> = Python::attach(|py| PyDict::new(py).unbind());
    assert_eq!(format!("{d}"), "{}");
}

#[pyclass]
#[derive(Debug)]
struct Counter {
    n: u32,
}

#[test]
fn pyrefmut_extracts_and_converts_into_py() {
    Python::attach(|py| {
        let obj = Bound::new(py, Counter { n: 1 }).unwrap();
        {
            let mut r: PyRefMut<'_, Counter> = obj.as_any().extract().unwrap();
            r.n += 1;
            let held: Py<Counter> = Py::from(r);
            assert!(held.is(&obj));
        }
        assert_eq!(obj.borrow().n, 2);
        let _shared = obj.borrow();
        let err = obj
            .as_any()
            .extract::<PyRefMut<'_, Counter>>()
            .map_err(PyErr::from)
            .unwrap_err();
        assert_eq!(err.to_string(), "RuntimeError: Already borrowed");
    });
}

#[test]
fn reference_to_reference_converts() {
    Python::attach(|py| {
        let words = ["a", "b"];
        let refs: Vec<&&str> = words.iter().collect();
        let n = 7_i32;
        let r = &n;
        let obj = (&r).into_pyobject(py).unwrap();
        assert_eq!(obj.extract::<i32>().unwrap(), 7);
        let first = refs[0].into_pyobject(py).unwrap();
        assert_eq!(first.to_str().unwrap(), "a");
    });
}

// ------------------------------------------------------------ embedding

#[test]
fn attach_unchecked_runs_on_a_running_interpreter() {
    Python::initialize();
    // SAFETY: the interpreter was just initialized.
    let v = unsafe {
        Python::attach_unchecked(|py| {
            py.eval(c"6 * 7", None, None)
                .unwrap()
                .extract::<i32>()
                .unwrap()
        })
    };
    assert_eq!(v, 42);
    // SAFETY: as above.
    #[allow(deprecated)]
    let w = unsafe { Python::with_gil_unchecked(|py| py.version_info().major) };
    assert_eq!(w, 3);
}

#[test]
fn embedded_interpreter_refuses_a_running_one() {
    Python::initialize();
    // SAFETY: it panics before touching the interpreter, which is running.
    let result =
        std::panic::catch_unwind(|| unsafe { pyo3::with_embedded_python_interpreter(|_py| ()) });
    let payload = result.unwrap_err();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .map(String::from)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap();
    assert_eq!(
        message,
        "called `with_embedded_python_interpreter` but a Python interpreter is already running."
    );
}

#[pymodule]
fn late_module(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}

#[test]
fn append_to_inittab_refuses_a_running_interpreter() {
    Python::initialize();
    let result = std::panic::catch_unwind(|| pyo3::append_to_inittab!(late_module));
    let payload = result.unwrap_err();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .map(String::from)
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap();
    assert_eq!(
        message,
        "called `append_to_inittab` but a Python interpreter is already running."
    );
}

// ------------------------------------------------------------ error arguments

#[test]
fn decoding_errors_are_unicode_decode_error_arguments() {
    Python::attach(|py| {
        let bad = vec![b'o', b'k', 0xff, b'!'];
        let utf8 = std::str::from_utf8(&bad).unwrap_err();
        let err = PyUnicodeDecodeError::new_err(utf8);
        let value = err.value(py);
        assert_eq!(
            value
                .getattr("encoding")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "utf-8"
        );
        assert_eq!(
            value.getattr("start").unwrap().extract::<usize>().unwrap(),
            2
        );
        assert_eq!(value.getattr("end").unwrap().extract::<usize>().unwrap(), 3);
        let from_string = String::from_utf8(bad.clone()).unwrap_err();
        let args = from_string.arguments(py);
        let args = args.bind(py).cast::<PyTuple>().unwrap();
        assert_eq!(args.len(), 5);
        assert_eq!(args.get_item(1).unwrap().extract::<Vec<u8>>().unwrap(), bad);
        let err = PyErr::from(String::from_utf16(&[0xd800]).unwrap_err());
        assert!(err.is_instance_of::<PyUnicodeDecodeError>(py));
        let reason = err.value(py).getattr("reason").unwrap();
        assert_eq!(
            reason.extract::<String>().unwrap(),
            "invalid utf-16: lone surrogate found"
        );
    });
}

// ------------------------------------------------------------ pybacked ordering

#[test]
fn backed_values_order_against_borrowed_ones() {
    Python::attach(|py| {
        let s: PyBackedStr = PyString::new(py, "mango").extract().unwrap();
        assert!(s > *"apple" && s < *"zebra");
        assert!(*"apple" < s);
        let b: PyBackedBytes = PyBytes::new(py, b"mm").extract().unwrap();
        assert!(b > *b"ma".as_slice() && *b"zz".as_slice() > b);
        assert_eq!(
            b.partial_cmp(b"mm".as_slice()),
            Some(std::cmp::Ordering::Equal)
        );
    });
}

// ------------------------------------------------------------ complex arithmetic

#[cfg(not(Py_LIMITED_API))]
#[test]
fn complex_operators_compute_with_python() {
    use pyo3::types::{PyComplex, PyComplexMethods};
    Python::attach(|py| {
        let a = PyComplex::from_doubles(py, 3.0, 1.0);
        let b = PyComplex::from_doubles(py, 1.0, -2.0);
        let parts = |z: Bound<'_, PyComplex>| (z.real(), z.imag());
        assert_eq!(parts(&a + &b), (4.0, -1.0));
        assert_eq!(parts(&a - b.clone()), (2.0, 3.0));
        assert_eq!(parts(a.clone() * &b), (5.0, -5.0));
        assert_eq!(parts(a.clone() / b.clone()), (0.2, 1.4));
        assert_eq!(parts(a.as_borrowed() + b.as_borrowed()), (4.0, -1.0));
        assert_eq!(parts(-&a), (-3.0, -1.0));
        assert_eq!(parts(-a.as_borrowed()), (-3.0, -1.0));
        let zero = PyComplex::from_doubles(py, 0.0, 0.0);
        let payload = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| a.clone() / zero))
            .unwrap_err();
        let message = payload.downcast_ref::<String>().unwrap();
        assert!(
            message.starts_with("complex div failed: ZeroDivisionError"),
            "{message}"
        );
    });
}

// ------------------------------------------------------------ GILOnceCell

#[test]
#[allow(deprecated)]
fn gil_once_cell_keeps_the_first_value() {
    use pyo3::sync::GILOnceCell;
    use pyo3::types::PyType;
    Python::attach(|py| {
        let mut cell: GILOnceCell<i32> = GILOnceCell::default();
        assert_eq!(cell.get(py), None);
        let failed: Result<&i32, &str> = cell.get_or_try_init(py, || Err("no"));
        assert_eq!(failed, Err("no"));
        assert_eq!(*cell.get_or_init(py, || 5), 5);
        assert_eq!(*cell.get_or_init(py, || 6), 5);
        assert_eq!(cell.set(py, 7), Err(7));
        *cell.get_mut().unwrap() += 1;
        assert_eq!(cell.take(), Some(6));
        assert_eq!(cell.get(py), None);
        assert_eq!(cell.set(py, 8), Ok(()));
        assert_eq!(cell.into_inner(), Some(8));

        let types: GILOnceCell<Py<PyType>> = GILOnceCell::new();
        let ty = types.import(py, "collections", "OrderedDict").unwrap();
        assert_eq!(ty.name().unwrap(), "OrderedDict");
        let copy = types.clone_ref(py);
        assert!(copy.get(py).unwrap().is(types.get(py).unwrap()));
        let err = GILOnceCell::<Py<PyType>>::new()
            .import(py, "math", "pi")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: 'float' object cannot be cast as 'type'"
        );
    });
}

// ------------------------------------------------------------ call arguments

#[test]
#[allow(clippy::needless_borrows_for_generic_args)] // the by-reference impls are under test
fn calls_take_tuples_by_reference_and_borrowed_tuples() {
    Python::attach(|py| {
        let f = py
            .eval(c"lambda *a, **k: (a, sorted(k.items()))", None, None)
            .unwrap();
        let args = (1, String::from("two"), vec![3]);
        let out = f.call1(&args).unwrap();
        assert_eq!(out.repr().unwrap(), "((1, 'two', [3]), [])");
        let kwargs = [("k", 9)].into_py_dict(py).unwrap();
        let out = f.call(&args, Some(&kwargs)).unwrap();
        assert_eq!(out.repr().unwrap(), "((1, 'two', [3]), [('k', 9)])");
        let tuple: Py<PyTuple> = PyTuple::new(py, [4, 5]).unwrap().unbind();
        assert_eq!(f.call1(&tuple).unwrap().repr().unwrap(), "((4, 5), [])");
        let bound = tuple.bind(py);
        assert_eq!(
            f.call1(bound.as_borrowed()).unwrap().repr().unwrap(),
            "((4, 5), [])"
        );
        // The values arrive as converted: NaN stays NaN (so `b != b`) and the call raises.
        let bad = (1, f64::NAN, "x");
        let g = py
            .eval(c"lambda a, b, c: 1 / 0 if b != b else 0", None, None)
            .unwrap();
        let err = g.call1(&bad).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyZeroDivisionError>(py));
    });
}

// ------------------------------------------------------------ protocol type objects

#[test]
fn protocol_types_have_their_abc_as_type_object() {
    use pyo3::types::{PyIterator, PyMapping, PySequence};
    use pyo3::PyTypeInfo;
    Python::attach(|py| {
        let iterator = PyIterator::type_object(py);
        assert_eq!(
            iterator.repr().unwrap(),
            "<class 'collections.abc.Iterator'>"
        );
        assert_eq!(PyMapping::type_object(py).name().unwrap(), "Mapping");
        assert_eq!(PySequence::type_object(py).name().unwrap(), "Sequence");
        assert_eq!(PyMapping::MODULE, Some("collections.abc"));
        let it = py.eval(c"iter([1])", None, None).unwrap();
        assert!(PyIterator::is_type_of(&it));
        assert!(!PyIterator::is_exact_type_of(&it));
        assert!(it.is_instance(&iterator).unwrap());
        let list = PyList::empty(py);
        assert!(PySequence::is_type_of(list.as_any()) && !PyMapping::is_type_of(list.as_any()));
        assert!(PyMapping::is_type_of(PyDict::new(py).as_any()));
        let err = PyString::new(py, "s")
            .into_any()
            .cast_into::<PyIterator>()
            .unwrap_err();
        assert_eq!(err.to_string(), "'str' object cannot be cast as 'Iterator'");
    });
}

// ------------------------------------------------------------ iterators

#[test]
fn list_iterator_skips_by_index_and_stays_exhausted() {
    Python::attach(|py| {
        let list = PyList::new(py, 0..10).unwrap();
        let int = |v: Option<Bound<'_, PyAny>>| v.map(|x| x.extract::<i32>().unwrap());
        let mut it = list.iter();
        assert_eq!(it.len(), 10);
        assert_eq!(int(it.nth(2)), Some(2));
        assert_eq!(int(it.nth_back(1)), Some(8));
        assert_eq!(it.len(), 5);
        assert_eq!(int(it.next_back()), Some(7));
        assert_eq!(it.count(), 4);
        assert_eq!(int(list.iter().last()), Some(9));
        assert_eq!(int(list.iter().nth(10)), None);
        assert_eq!(int(list.iter().nth_back(10)), None);
        let mut done = list.iter();
        assert!(done.nth(20).is_none());
        list.append(10).unwrap();
        assert!(done.next().is_none(), "a finished iterator stays finished");
        let live = list.iter();
        list.append(11).unwrap();
        assert_eq!(live.len(), 12, "appends before the end are still seen");
        assert_eq!(int(live.last()), Some(11));
    });
}

#[test]
fn tuple_iterators_skip_by_index() {
    Python::attach(|py| {
        let tuple = PyTuple::new(py, 0..6).unwrap();
        let mut it = tuple.iter();
        assert_eq!(it.nth(1).unwrap().extract::<i32>().unwrap(), 1);
        assert_eq!(it.nth_back(2).unwrap().extract::<i32>().unwrap(), 3);
        assert_eq!(it.len(), 1);
        assert_eq!(it.next().unwrap().extract::<i32>().unwrap(), 2);
        assert!(it.next().is_none() && it.next().is_none());
        assert_eq!(tuple.iter().count(), 6);
        assert_eq!(tuple.iter().last().unwrap().extract::<i32>().unwrap(), 5);
        assert!(tuple.iter().nth(6).is_none());
        let owned = tuple.clone().into_iter();
        assert_eq!(owned.len(), 6);
        assert_eq!(owned.last().unwrap().extract::<i32>().unwrap(), 5);
        let mut borrowed = tuple.iter_borrowed();
        assert_eq!(borrowed.nth(4).unwrap().extract::<i32>().unwrap(), 4);
        assert_eq!(borrowed.nth_back(0).unwrap().extract::<i32>().unwrap(), 5);
        assert!(borrowed.next().is_none());
        assert_eq!(tuple.iter_borrowed().count(), 6);
        assert_eq!(
            tuple
                .iter_borrowed()
                .last()
                .unwrap()
                .extract::<i32>()
                .unwrap(),
            5
        );
    });
}

#[test]
fn dict_and_set_iterators_count_without_walking() {
    use pyo3::types::{PyFrozenSet, PySet};
    Python::attach(|py| {
        let dict = [("a", 1), ("b", 2), ("c", 3)].into_py_dict(py).unwrap();
        let mut it = dict.iter();
        assert_eq!(it.len(), 3);
        it.next();
        assert_eq!(it.len(), 2);
        assert_eq!(it.count(), 2);
        let set = PySet::new(py, [1, 2, 3, 4]).unwrap();
        let mut it = set.iter();
        it.next();
        assert_eq!((it.len(), it.count()), (3, 3));
        let frozen = PyFrozenSet::new(py, [1, 2]).unwrap();
        let it = frozen.iter();
        assert_eq!((it.len(), it.count()), (2, 2));
    });
}

// ------------------------------------------------------------ slices, bytes, iterators

#[test]
fn slice_indices_and_ranges_become_slices() {
    use pyo3::types::{PyRange, PySlice, PySliceIndices, PySliceMethods};
    Python::attach(|py| {
        let indices = PySliceIndices::new(1, 7, 2);
        let slice = (&indices).into_pyobject(py).unwrap();
        assert_eq!(slice.repr().unwrap(), "slice(1, 7, 2)");
        let again = indices.into_pyobject(py).unwrap();
        assert_eq!(
            again.indices(10).unwrap(),
            PySliceIndices {
                start: 1,
                stop: 7,
                step: 2,
                slicelength: 3
            }
        );
        let range = PyRange::new_with_step(py, 10, 0, -3).unwrap();
        let slice = Bound::<PySlice>::try_from(range).unwrap();
        assert_eq!(slice.repr().unwrap(), "slice(10, 0, -3)");
        let huge = py
            .eval(c"range(2**70)", None, None)
            .unwrap()
            .cast_into::<PyRange>()
            .unwrap();
        let err = Bound::<PySlice>::try_from(huge).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
    });
}

#[test]
fn bytes_are_as_ref_slices() {
    fn total(data: impl AsRef<[u8]>) -> u32 {
        data.as_ref().iter().map(|&b| u32::from(b)).sum()
    }
    Python::attach(|py| {
        let bytes = PyBytes::new(py, &[1, 2, 3]);
        assert_eq!(total(bytes.as_borrowed()), 6);
        assert_eq!(AsRef::<[u8]>::as_ref(&bytes), &[1, 2, 3]);
        assert_eq!(total(bytes), 6);
    });
}

#[test]
fn iterator_reference_iterates_the_same_iterator() {
    use pyo3::types::PyIterator;
    Python::attach(|py| {
        let it = py
            .eval(c"iter([1, 2, 3])", None, None)
            .unwrap()
            .cast_into::<PyIterator>()
            .unwrap();
        let mut first = Vec::new();
        for item in &it {
            first.push(item.unwrap().extract::<i32>().unwrap());
            if first.len() == 2 {
                break;
            }
        }
        assert_eq!(first, [1, 2]);
        let rest: Vec<i32> = (&it)
            .into_iter()
            .map(|x| x.unwrap().extract().unwrap())
            .collect();
        assert_eq!(rest, [3]);
    });
}

// ------------------------------------------------------------ layouts

/// The size of `L`, accepted only where `L` is a declared layout of `T`.
#[cfg(not(Py_LIMITED_API))]
fn layout_size<T, L: pyo3::type_object::PySizedLayout<T>>() -> usize {
    std::mem::size_of::<L>()
}

#[cfg(not(Py_LIMITED_API))]
#[test]
fn base_exception_struct_is_a_prefix_of_extended_exception_instances() {
    use pyo3::exceptions::{PyFileNotFoundError, PyImportError, PyUnicodeDecodeError};
    use pyo3::ffi::{PyBaseExceptionObject, PyImportErrorObject, PyOSErrorObject};
    use pyo3::PyTypeInfo;
    Python::attach(|py| {
        let basicsize = |ty: Bound<'_, pyo3::types::PyType>| {
            ty.getattr("__basicsize__")
                .unwrap()
                .extract::<usize>()
                .unwrap()
        };
        let prefix = layout_size::<PyFileNotFoundError, PyBaseExceptionObject>();
        let full = layout_size::<PyFileNotFoundError, PyOSErrorObject>();
        assert!(prefix < full);
        assert_eq!(full, basicsize(PyFileNotFoundError::type_object(py)));
        let import_full = layout_size::<PyImportError, PyImportErrorObject>();
        assert_eq!(import_full, basicsize(PyImportError::type_object(py)));
        assert!(layout_size::<PyImportError, PyBaseExceptionObject>() < import_full);
        let decode = basicsize(PyUnicodeDecodeError::type_object(py));
        assert!(layout_size::<PyUnicodeDecodeError, PyBaseExceptionObject>() < decode);
    });
}

// ------------------------------------------------------------ Py / Borrowed helpers

#[test]
fn py_reference_helpers() {
    use pyo3::ffi;
    Python::attach(|py| {
        let list = PyList::new(py, [1]).unwrap();
        let empty: Py<PyAny> = PyList::empty(py).into_any().unbind();
        assert!(list.clone().into_any().unbind().is_truthy(py).unwrap());
        assert!(!empty.is_truthy(py).unwrap());
        let raising = py
            .eval(c"type('B', (), {'__bool__': lambda s: 1/0})()", None, None)
            .unwrap();
        let err = raising.unbind().is_truthy(py).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyZeroDivisionError>(py));

        let before = list.get_refcnt();
        // SAFETY: a live list pointer.
        let strong: Py<PyList> =
            unsafe { Py::from_borrowed_ptr_or_opt(py, list.as_ptr()) }.unwrap();
        assert_eq!(list.get_refcnt(), before + 1);
        strong.drop_ref(py);
        assert_eq!(list.get_refcnt(), before);
        // SAFETY: NULL is allowed.
        let none = unsafe { Py::<PyAny>::from_borrowed_ptr_or_opt(py, std::ptr::null_mut()) };
        assert!(none.is_none());
        // SAFETY: NULL with an error set, as the function expects.
        let err = unsafe {
            ffi::PyErr_SetString(ffi::PyExc_KeyError, c"missing".as_ptr());
            Py::<PyAny>::from_borrowed_ptr_or_err(py, std::ptr::null_mut())
        }
        .unwrap_err();
        assert_eq!(err.to_string(), "KeyError: 'missing'");

        let any: Py<PyAny> = list.clone().into_any().unbind();
        // SAFETY: the object is a list.
        let typed: &Bound<'_, PyList> = unsafe { any.cast_bound_unchecked(py) };
        assert_eq!(typed.len(), 1);
        #[allow(deprecated)]
        // SAFETY: as above.
        let typed: &Bound<'_, PyList> = unsafe { any.downcast_bound_unchecked(py) };
        assert_eq!(typed.len(), 1);
    });
}

#[test]
fn borrowed_cast_exact_refuses_subclasses() {
    Python::attach(|py| {
        let plain = PyDict::new(py);
        assert!(plain.as_borrowed().to_any().cast_exact::<PyDict>().is_ok());
        let ordered = py
            .eval(c"__import__('collections').OrderedDict()", None, None)
            .unwrap();
        assert!(ordered.as_borrowed().cast::<PyDict>().is_ok());
        let err = ordered.as_borrowed().cast_exact::<PyDict>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "'OrderedDict' object cannot be cast as 'dict'"
        );
    });
}

#[pyclass(subclass)]
struct Shape;

#[pyclass(extends = Shape)]
struct Square;

#[test]
fn bound_upcasts_to_its_base_class() {
    Python::attach(|py| {
        let square = Bound::new(py, (Square, Shape)).unwrap();
        let shape: &Bound<'_, Shape> = square.as_super();
        assert!(shape.is(&square));
        let before = square.get_refcnt();
        let owned: Bound<'_, Shape> = square.clone().into_super();
        assert_eq!(square.get_refcnt(), before + 1);
        assert_eq!(owned.get_type().name().unwrap(), "Square");
        let plain = Bound::new(py, Shape).unwrap();
        let any: &Bound<'_, PyAny> = plain.as_super();
        assert_eq!(any.get_type().name().unwrap(), "Shape");
    });
}

#[test]
fn detach_accepts_ungil_closures() {
    fn off_thread<F, R>(py: Python<'_>, f: F) -> R
    where
        F: pyo3::marker::Ungil + FnOnce() -> R,
        R: pyo3::marker::Ungil,
    {
        py.detach(f)
    }
    Python::attach(|py| {
        let total = off_thread(py, || (1..=4).product::<u32>());
        assert_eq!(total, 24);
    });
}

#[cfg(not(Py_GIL_DISABLED))]
#[allow(deprecated)]
#[pyclass]
struct Holder {
    inner: pyo3::sync::GILProtected<Py<PyAny>>,
}

#[cfg(not(Py_GIL_DISABLED))]
#[allow(deprecated)]
#[pymethods]
impl Holder {
    fn __traverse__(&self, visit: pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        let inner = self.inner.traverse(visit.clone());
        visit.call(inner)
    }
}

#[cfg(not(Py_GIL_DISABLED))]
#[test]
#[allow(deprecated)]
fn gil_protected_is_reachable_from_traverse() {
    Python::attach(|py| {
        let payload = PyList::new(py, ["payload"]).unwrap();
        let inner = pyo3::sync::GILProtected::new(payload.clone().into_any().unbind());
        let holder = Bound::new(py, Holder { inner }).unwrap();
        let gc = py.import("gc").unwrap();
        let referents = gc.call_method1("get_referents", (holder,)).unwrap();
        let referents = referents.cast_into::<PyList>().unwrap();
        assert!(referents.iter().any(|r| r.is(&payload)), "{referents}");
    });
}

#[test]
fn typed_references_cast_without_widening_first() {
    use pyo3::types::PySequence;
    Python::attach(|py| {
        let list = PyList::new(py, [1, 2]).unwrap();
        let same: Bound<'_, PyList> = list.clone().cast_into_exact::<PyList>().unwrap();
        assert!(same.is(&list));
        let err = list.clone().cast_into_exact::<PyTuple>().unwrap_err();
        assert_eq!(err.to_string(), "'list' object cannot be cast as 'tuple'");
        let typed: Py<PyList> = list.clone().unbind();
        let seq = typed.cast_bound::<PySequence>(py).unwrap();
        assert_eq!(seq.len().unwrap(), 2);
        let err = typed.cast_bound::<PyDict>(py).unwrap_err();
        assert_eq!(err.to_string(), "'list' object cannot be cast as 'dict'");
    });
}
