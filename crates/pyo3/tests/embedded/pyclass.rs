//! `#[pyclass]` and `#[pymethods]`: construction, properties, methods of every kind, slots,
//! borrow checking, inheritance and drop counts.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

static DROPS: AtomicUsize = AtomicUsize::new(0);

/// Counts up from a start.
#[pyclass(module = "counters", subclass)]
struct Counter {
    #[pyo3(get, set)]
    count: i64,
    step: i64,
}

impl Drop for Counter {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (start, step = 1))]
    fn new(start: i64, step: i64) -> PyResult<Self> {
        if step == 0 {
            return Err(PyValueError::new_err("step must not be zero"));
        }
        Ok(Counter { count: start, step })
    }

    fn incr(&mut self) -> i64 {
        self.count += self.step;
        self.count
    }

    #[getter]
    fn step(&self) -> i64 {
        self.step
    }

    #[setter]
    fn set_step(&mut self, step: i64) {
        self.step = step;
    }

    #[staticmethod]
    fn zero() -> Counter {
        Counter { count: 0, step: 1 }
    }

    #[classmethod]
    fn kind(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.name()?.to_string())
    }

    #[classattr]
    fn limit() -> i64 {
        100
    }

    #[classattr]
    const ORIGIN: i64 = 0;

    fn same_as(&self, other: &Counter) -> bool {
        self.count == other.count
    }

    fn __repr__(&self) -> String {
        format!("Counter({})", self.count)
    }

    fn __len__(&self) -> usize {
        self.count as usize
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.count == other.count
    }

    fn __add__(&self, other: i64) -> Counter {
        Counter {
            count: self.count + other,
            step: self.step,
        }
    }

    fn __radd__(&self, other: i64) -> Counter {
        Counter {
            count: self.count + other,
            step: self.step,
        }
    }

    fn __iadd__(&mut self, other: i64) {
        self.count += other;
    }

    fn __getitem__(&self, index: i64) -> i64 {
        self.count * index
    }

    fn __bool__(&self) -> bool {
        self.count != 0
    }

    fn __call__(&self, times: i64) -> i64 {
        self.count * times
    }

    fn hold_and_call(slf: PyRef<'_, Self>, callback: &Bound<'_, PyAny>) -> PyResult<()> {
        callback.call1((&slf,))?;
        Ok(())
    }
}

#[pyclass]
struct Range {
    next: u32,
    end: u32,
}

#[pymethods]
impl Range {
    #[new]
    fn new(end: u32) -> Self {
        Range { next: 0, end }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<u32> {
        if self.next < self.end {
            self.next += 1;
            Some(self.next - 1)
        } else {
            None
        }
    }
}

#[pyclass(frozen, eq, hash, str = "Point({x}, {y})")]
#[derive(PartialEq, Hash, Clone)]
struct Point {
    #[pyo3(get)]
    x: i32,
    #[pyo3(get)]
    y: i32,
}

#[pymethods]
impl Point {
    #[new]
    fn new(x: i32, y: i32) -> Self {
        Point { x, y }
    }
}

#[pyclass(extends = Counter)]
struct Labelled {
    #[pyo3(get)]
    label: String,
}

#[pymethods]
impl Labelled {
    #[new]
    fn new(label: String) -> (Labelled, Counter) {
        (Labelled { label }, Counter { count: 10, step: 1 })
    }

    fn total(slf: PyRef<'_, Self>) -> i64 {
        slf.as_super().count
    }
}

#[pyclass(extends = PyValueError)]
struct MyError {
    #[pyo3(get)]
    code: u32,
}

#[pymethods]
impl MyError {
    #[new]
    fn new(code: u32) -> Self {
        MyError { code }
    }
}

#[pyclass(dict, weakref)]
struct Open;

#[pymethods]
impl Open {
    #[new]
    fn new() -> Self {
        Open
    }
}

fn run(py: Python<'_>, code: &str) -> PyResult<()> {
    let globals = PyDict::new(py);
    globals.set_item("Counter", py.get_type::<Counter>())?;
    globals.set_item("Range", py.get_type::<Range>())?;
    globals.set_item("Point", py.get_type::<Point>())?;
    globals.set_item("Labelled", py.get_type::<Labelled>())?;
    globals.set_item("MyError", py.get_type::<MyError>())?;
    globals.set_item("Open", py.get_type::<Open>())?;
    let code = std::ffi::CString::new(code).unwrap();
    py.run(&code, Some(&globals), None)
}

#[test]
fn construction_properties_and_methods() {
    Python::attach(|py| {
        run(
            py,
            r#"
c = Counter(5)
assert c.count == 5 and c.step == 1
assert c.incr() == 6
c.count = 1
c.step = 3
assert c.incr() == 4
assert Counter(2, step=2).incr() == 4
assert Counter.zero().count == 0
assert Counter.kind() == "Counter"
assert Counter.limit == 100 and Counter.ORIGIN == 0
assert c.same_as(Counter(4))
assert Counter.__module__ == "counters" and Counter.__qualname__ == "Counter"
assert Counter.__doc__ == "Counts up from a start.", Counter.__doc__
assert Counter.__text_signature__ == "(start, step=1)", Counter.__text_signature__
try:
    Counter()
except TypeError as e:
    assert str(e) == "Counter.__new__() missing 1 required positional argument: 'start'", str(e)
else:
    raise AssertionError
try:
    Counter(1, 0)
except ValueError as e:
    assert str(e) == "step must not be zero"
else:
    raise AssertionError
try:
    c.incr(1)
except TypeError as e:
    assert str(e) == "Counter.incr() takes 0 positional arguments but 1 was given", str(e)
else:
    raise AssertionError
try:
    del c.count
except AttributeError as e:
    assert str(e) == "can't delete attribute"
else:
    raise AssertionError
"#,
        )
        .unwrap();
    });
}

#[test]
fn slots() {
    Python::attach(|py| {
        run(
            py,
            r#"
c = Counter(3)
assert repr(c) == "Counter(3)"
assert len(c) == 3
assert c == Counter(3) and c != Counter(4)
assert (c + 2).count == 5 and (2 + c).count == 5
try:
    c + "x"
except TypeError as e:
    assert "unsupported operand type(s) for +" in str(e), str(e)
else:
    raise AssertionError
c += 4
assert c.count == 7
assert c[2] == 14
assert bool(c) and not bool(Counter(0))
assert c(3) == 21
assert list(Range(4)) == [0, 1, 2, 3]
assert sum(Range(100)) == 4950
p = Point(1, 2)
assert str(p) == "Point(1, 2)"
assert p == Point(1, 2) and hash(p) == hash(Point(1, 2))
assert {p: 1}[Point(1, 2)] == 1
"#,
        )
        .unwrap();
    });
}

#[test]
fn borrow_conflicts_raise() {
    Python::attach(|py| {
        let counter = Bound::new(py, Counter { count: 1, step: 1 }).unwrap();
        let shared = counter.borrow();
        let err = counter.call_method0("incr").unwrap_err();
        assert!(err.is_instance_of::<PyRuntimeError>(py));
        assert_eq!(err.value(py).to_string(), "Already borrowed");
        assert!(counter.try_borrow_mut().is_err());
        drop(shared);
        let exclusive = counter.borrow_mut();
        match counter.try_borrow() {
            Ok(_) => panic!("borrowed while mutably borrowed"),
            Err(err) => assert_eq!(err.to_string(), "Already mutably borrowed"),
        }
        drop(exclusive);
        let callback = py.eval(c"lambda c: c.incr()", None, None).unwrap();
        let err = counter
            .call_method1("hold_and_call", (callback,))
            .unwrap_err();
        assert_eq!(err.value(py).to_string(), "Already borrowed");
    });
}

#[test]
fn values_are_dropped_once() {
    Python::attach(|py| {
        let before = DROPS.load(Ordering::SeqCst);
        {
            let counter = Py::new(py, Counter { count: 1, step: 1 }).unwrap();
            assert_eq!(counter.get_refcnt(py), 1);
            let extra = counter.clone_ref(py);
            drop(extra);
            assert_eq!(counter.get_refcnt(py), 1);
        }
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 1);
        run(py, "c = Counter(1)\ndel c").unwrap();
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 2);
        // A failed constructor creates (and drops) nothing.
        assert!(run(py, "Counter(1, 0)").is_err());
        assert_eq!(DROPS.load(Ordering::SeqCst), before + 2);
    });
}

#[test]
fn inheritance() {
    Python::attach(|py| {
        run(
            py,
            r#"
l = Labelled("x")
assert l.label == "x" and l.count == 10 and l.total() == 10
assert l.incr() == 11
assert isinstance(l, Counter) and issubclass(Labelled, Counter)

class Sub(Counter):
    def __init__(self, start):
        self.extra = start * 2
    def incr(self):
        return super().incr() * 100
s = Sub(1)
assert s.extra == 2 and s.incr() == 200 and isinstance(s, Counter)

try:
    raise MyError(7)
except ValueError as e:
    assert e.code == 7 and isinstance(e, MyError)

import weakref
o = Open()
o.anything = 5
assert o.__dict__ == {"anything": 5}
r = weakref.ref(o)
assert r() is o
del o
assert r() is None
"#,
        )
        .unwrap();
        let init = PyClassInitializer::from(Counter { count: 1, step: 1 })
            .add_subclass(Labelled { label: "y".into() });
        let obj = Bound::new(py, init).unwrap();
        assert_eq!(obj.borrow().as_super().count, 1);
        assert_eq!(obj.borrow().label, "y");
    });
}

#[test]
fn conversions() {
    Python::attach(|py| {
        let point = Point { x: 1, y: 2 }.into_pyobject(py).unwrap();
        assert_eq!(point.get().x, 1);
        let copy: Point = point.extract().unwrap();
        assert_eq!(copy.y, 2);
        let err = match py.None().extract::<Point>(py) {
            Ok(_) => panic!("None extracted as Point"),
            Err(err) => PyErr::from(err),
        };
        assert!(err.is_instance_of::<PyTypeError>(py));
        let module = PyModule::new(py, "m").unwrap();
        module.add_class::<Counter>().unwrap();
        assert!(module
            .getattr("Counter")
            .unwrap()
            .is(py.get_type::<Counter>()));
        let err = run(py, "Range.__new__(Point)").unwrap_err();
        assert!(err.is_instance_of::<PyTypeError>(py));
    });
}
