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

#[pyclass(extends = pyo3::types::PyList)]
struct TaggedList {
    #[pyo3(get)]
    tag: u32,
}

#[pymethods]
impl TaggedList {
    #[new]
    #[pyo3(signature = (*_items))]
    fn new(_items: &Bound<'_, pyo3::types::PyTuple>) -> Self {
        TaggedList { tag: 7 }
    }
}

#[pyclass(dict, weakref, generic)]
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
    globals.set_item("TaggedList", py.get_type::<TaggedList>())?;
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
assert Range.__module__ == "builtins" and Range.__qualname__ == "Range"
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

t = TaggedList([1, 2])
t.append(3)
assert t == [1, 2, 3] and t.tag == 7 and isinstance(t, list)
del t
import sys
if sys.version_info >= (3, 9):
    alias = Open[int]
    assert alias.__origin__ is Open and alias.__args__ == (int,)
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

/// A mapping-like class with the less common slots.
#[pyclass]
struct Store {
    items: Vec<(String, i64)>,
    extra: Option<i64>,
}

#[pymethods]
impl Store {
    #[new]
    fn new() -> Self {
        Store {
            items: Vec::new(),
            extra: None,
        }
    }

    fn __setitem__(&mut self, key: String, value: i64) {
        self.items.retain(|(k, _)| *k != key);
        self.items.push((key, value));
    }

    fn __delitem__(&mut self, key: &str) -> PyResult<()> {
        let before = self.items.len();
        self.items.retain(|(k, _)| k != key);
        if self.items.len() == before {
            return Err(pyo3::exceptions::PyKeyError::new_err(key.to_owned()));
        }
        Ok(())
    }

    fn __getitem__(&self, key: &str) -> PyResult<i64> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(key.to_owned()))
    }

    fn __contains__(&self, key: &str) -> bool {
        self.items.iter().any(|(k, _)| k == key)
    }

    fn __getattr__(&self, name: &str) -> PyResult<String> {
        if name.starts_with("dyn_") {
            Ok(name.to_uppercase())
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(name.to_owned()))
        }
    }

    #[getter]
    fn extra(&self) -> Option<i64> {
        self.extra
    }

    #[setter]
    fn set_extra(&mut self, value: Option<i64>) {
        self.extra = value;
    }

    fn __richcmp__(&self, other: &Self, op: pyo3::pyclass::CompareOp) -> bool {
        op.matches(self.items.len().cmp(&other.items.len()))
    }

    fn __pow__(&self, exponent: u32, modulo: Option<i64>) -> i64 {
        let value = 2i64.pow(exponent);
        match modulo {
            Some(m) => value % m,
            None => value,
        }
    }

    fn __rpow__(&self, base: i64) -> i64 {
        base * 1000
    }

    fn __concat__(&self, other: &Self) -> usize {
        self.items.len() + other.items.len()
    }

    fn __repeat__(&self, count: isize) -> isize {
        count * 10
    }

    fn __repr__(&self) -> String {
        assert!(
            !self.items.iter().any(|(k, _)| k == "panic"),
            "repr panicked"
        );
        "Store".into()
    }
}

/// A descriptor: `__get__`, `__set__`, `__delete__`.
#[pyclass]
struct Descriptor {
    value: i64,
}

#[pymethods]
impl Descriptor {
    #[new]
    fn new() -> Self {
        Descriptor { value: 1 }
    }

    fn __get__(&self, obj: Option<&Bound<'_, PyAny>>, _owner: Option<&Bound<'_, PyAny>>) -> i64 {
        if obj.is_some() {
            self.value
        } else {
            -1
        }
    }

    fn __set__(&mut self, _obj: &Bound<'_, PyAny>, value: i64) {
        self.value = value;
    }

    fn __delete__(&mut self, _obj: &Bound<'_, PyAny>) {
        self.value = 0;
    }
}

/// Attribute hooks: `__setattr__`, `__delattr__`, `__getattribute__`.
#[pyclass(dict)]
struct Hooks {
    log: Vec<String>,
}

#[pymethods]
impl Hooks {
    #[new]
    fn new() -> Self {
        Hooks { log: Vec::new() }
    }

    fn __setattr__(&mut self, name: String, _value: &Bound<'_, PyAny>) {
        self.log.push(format!("set {name}"));
    }

    fn __delattr__(&mut self, name: String) {
        self.log.push(format!("del {name}"));
    }

    fn __getattribute__(&self, name: &str) -> PyResult<String> {
        if name == "log" {
            Ok(self.log.join(","))
        } else {
            Err(pyo3::exceptions::PyAttributeError::new_err(name.to_owned()))
        }
    }
}

/// An async iterator.
#[pyclass]
struct Ticker {
    left: u32,
}

#[pymethods]
impl Ticker {
    #[new]
    fn new(left: u32) -> Self {
        Ticker { left }
    }

    fn __aiter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __anext__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        // An awaitable that returns `left` immediately.
        let code = std::ffi::CString::new(format!("__import__('asyncio').sleep(0, {})", self.left))
            .unwrap();
        Ok(Some(py.eval(&code, None, None)?.unbind()))
    }
}

static NODE_DROPS: AtomicUsize = AtomicUsize::new(0);

/// A graph node that may form reference cycles.
#[pyclass]
struct Node {
    next: Option<Py<PyAny>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        NODE_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Node {
    #[new]
    fn new() -> Self {
        Node { next: None }
    }

    fn link(&mut self, next: Py<PyAny>) {
        self.next = Some(next);
    }

    fn __traverse__(&self, visit: pyo3::PyVisit<'_>) -> Result<(), pyo3::PyTraverseError> {
        visit.call(&self.next)
    }

    fn __clear__(&mut self) {
        self.next = None;
    }
}

/// Values tied to their creating thread.
#[pyclass(unsendable)]
struct Local {
    value: std::rc::Rc<i32>,
}

/// Picklable through `__reduce__`.
#[pyclass(module = "embedded_pickle")]
#[derive(Clone)]
struct Pickled {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Pickled {
    #[new]
    fn new(value: i64) -> Self {
        Pickled { value }
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (i64,))> {
        Ok((slf.get_type().into_any(), (slf.borrow().value,)))
    }
}

fn run_with(py: Python<'_>, names: &[(&str, Bound<'_, PyAny>)], code: &str) -> PyResult<()> {
    let globals = PyDict::new(py);
    for (name, value) in names {
        globals.set_item(name, value)?;
    }
    let code = std::ffi::CString::new(code).unwrap();
    py.run(&code, Some(&globals), None)
}

#[test]
fn container_and_attribute_slots() {
    Python::attach(|py| {
        let store = py.get_type::<Store>().into_any();
        run_with(
            py,
            &[("Store", store)],
            r#"
s = Store()
s["a"] = 1
s["b"] = 2
assert s["a"] == 1 and "b" in s and "z" not in s
del s["a"]
assert "a" not in s
try:
    del s["missing"]
except KeyError as e:
    assert e.args == ("missing",)
else:
    raise AssertionError
assert s.dyn_x == "DYN_X"
try:
    s.other
except AttributeError:
    pass
else:
    raise AssertionError
assert s.extra is None
s.extra = 5
assert s.extra == 5
# A setter taking an Option gets None for Python's None; deleting is refused, as in PyO3.
try:
    del s.extra
except AttributeError as e:
    assert str(e) == "can't delete attribute"
else:
    raise AssertionError
assert s.extra == 5
s.extra = None
assert s.extra is None
t = Store()
assert s > t and t < s and s != t and not (s == t)
assert s ** 3 == 8 and pow(s, 5, 7) == 32 % 7 and 3 ** s == 3000
assert s + t == 1
assert s * 4 == 40
s["panic"] = 1
try:
    repr(s)
except BaseException as e:
    assert type(e).__name__ == "PanicException", type(e)
    assert "repr panicked" in str(e)
else:
    raise AssertionError
"#,
        )
        .unwrap();
    });
}

#[test]
fn descriptor_and_attribute_hooks() {
    Python::attach(|py| {
        let descriptor = py.get_type::<Descriptor>().into_any();
        let hooks = py.get_type::<Hooks>().into_any();
        run_with(
            py,
            &[("Descriptor", descriptor), ("Hooks", hooks)],
            r#"
class Owner:
    attr = Descriptor()
o = Owner()
assert Owner.attr == -1 and o.attr == 1
o.attr = 7
assert o.attr == 7
del o.attr
assert o.attr == 0

h = Hooks()
h.x = 1
del h.y
assert h.log == "set x,del y"
"#,
        )
        .unwrap();
    });
}

#[test]
fn async_iteration() {
    Python::attach(|py| {
        let ticker = py.get_type::<Ticker>().into_any();
        run_with(
            py,
            &[("Ticker", ticker)],
            r#"
import asyncio
async def collect():
    return [x async for x in Ticker(3)]
assert asyncio.run(collect()) == [2, 1, 0]
"#,
        )
        .unwrap();
    });
}

#[test]
fn reference_cycles_are_collected() {
    Python::attach(|py| {
        let node = py.get_type::<Node>().into_any();
        let before = NODE_DROPS.load(Ordering::SeqCst);
        run_with(
            py,
            &[("Node", node)],
            r#"
import gc
a = Node()
b = Node()
a.link(b)
b.link(a)
del a, b
gc.collect()
"#,
        )
        .unwrap();
        assert_eq!(NODE_DROPS.load(Ordering::SeqCst), before + 2);
    });
}

#[test]
fn traverse_skips_a_mutably_borrowed_value() {
    Python::attach(traverse_while_borrowed);
}

fn traverse_while_borrowed<'py>(py: Python<'py>) {
    {
        let a = Bound::new(py, Node::new()).unwrap();
        let b = Bound::new(py, Node::new()).unwrap();
        a.borrow_mut().link(b.clone().into_any().unbind());
        let gc = py.import("gc").unwrap();
        let referents = |obj: &Bound<'py, Node>| -> Bound<'py, PyAny> {
            gc.call_method1("get_referents", (obj,)).unwrap()
        };
        // `gc.get_referents` runs `tp_traverse`: while the value is borrowed mutably the
        // traversal visits nothing instead of reading it (or panicking).
        {
            let _guard = a.borrow_mut();
            assert_eq!(referents(&a).len().unwrap(), 0);
        }
        let found = referents(&a);
        assert_eq!(found.len().unwrap(), 1);
        assert!(found.get_item(0).unwrap().is(&b));
        // A shared borrow does not stop it.
        let _shared = a.borrow();
        assert_eq!(referents(&a).len().unwrap(), 1);
    }
}

#[test]
fn unsendable_values_stay_on_their_thread() {
    let obj = Python::attach(|py| {
        Py::new(
            py,
            Local {
                value: std::rc::Rc::new(3),
            },
        )
        .unwrap()
    });
    Python::attach(|py| assert_eq!(*obj.borrow(py).value, 3));
    let shared = std::sync::Arc::new(obj);
    let other = std::sync::Arc::clone(&shared);
    let result = std::thread::spawn(move || {
        Python::attach(|py| {
            let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let _ = other.borrow(py);
            }));
            match caught {
                Ok(()) => String::new(),
                Err(payload) => payload
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_default(),
            }
        })
    })
    .join()
    .unwrap();
    assert_eq!(result, "Local is unsendable, but sent to another thread");
    Python::attach(|py| {
        assert_eq!(*shared.borrow(py).value, 3);
        // Dropped here, attached, on the creating thread.
        drop(shared);
    });
}

#[test]
fn pickling_through_reduce() {
    Python::attach(|py| {
        let module = PyModule::new(py, "embedded_pickle").unwrap();
        module.add_class::<Pickled>().unwrap();
        py.import("sys")
            .unwrap()
            .getattr("modules")
            .unwrap()
            .set_item("embedded_pickle", &module)
            .unwrap();
        let pickled = py.get_type::<Pickled>().into_any();
        run_with(
            py,
            &[("Pickled", pickled)],
            r#"
import pickle
p = pickle.loads(pickle.dumps(Pickled(41)))
assert isinstance(p, Pickled) and p.value == 41
"#,
        )
        .unwrap();
    });
}

#[pymodule]
mod declarative_classes {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::Pickled;

    #[pyclass]
    struct Inner;
}

#[test]
fn classes_in_declarative_modules() {
    Python::attach(|py| {
        let module = pyo3::wrap_pymodule!(declarative_classes)(py);
        let module = module.bind(py);
        assert!(module
            .getattr("Pickled")
            .unwrap()
            .is(py.get_type::<Pickled>()));
        assert_eq!(
            module
                .getattr("Inner")
                .unwrap()
                .getattr("__name__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "Inner"
        );
    });
}

/// A class whose creation fails: its class attribute raises.
#[pyclass]
struct BrokenClassAttr;

#[pymethods]
impl BrokenClassAttr {
    #[classattr]
    fn broken() -> PyResult<i64> {
        Err(PyValueError::new_err("no attribute today"))
    }
}

/// The same failure, reached through `get_type`, which cannot report errors.
#[pyclass]
struct BrokenClassAttrPanics;

#[pymethods]
impl BrokenClassAttrPanics {
    #[classattr]
    fn broken() -> PyResult<i64> {
        Err(PyValueError::new_err("no attribute today"))
    }
}

#[test]
fn failing_class_attribute_is_reported() {
    Python::attach(|py| {
        let err = Bound::new(py, BrokenClassAttr).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.to_string(), "ValueError: no attribute today");

        let panic = std::panic::catch_unwind(|| py.get_type::<BrokenClassAttrPanics>())
            .expect_err("creating the type object should panic");
        let message = panic
            .downcast_ref::<String>()
            .expect("a formatted panic message");
        assert_eq!(
            message,
            "failed to create type object for BrokenClassAttrPanics: ValueError: no attribute today"
        );
    });
}

/// Magic methods may take the `Python` token anywhere among their parameters, which then
/// does not count as a Python argument (rpds-py's `__eq__(slf, other, py)` does this).
#[pyclass(frozen)]
struct Tokened {
    value: i64,
}

#[pymethods]
impl Tokened {
    #[new]
    fn new(value: i64) -> Self {
        Tokened { value }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        let _ = py;
        Ok(other.extract::<i64>().is_ok_and(|v| v == self.value))
    }

    fn __lt__(&self, other: i64, py: Python<'_>) -> bool {
        let _ = py;
        self.value < other
    }

    fn __add__(&self, other: i64, _py: Python<'_>) -> i64 {
        self.value + other
    }

    fn __pow__(&self, _py: Python<'_>, exponent: u32, modulo: Option<i64>) -> i64 {
        let power = self.value.pow(exponent);
        modulo.map_or(power, |m| power % m)
    }

    fn __getitem__(&self, py: Python<'_>, index: i64) -> i64 {
        let _ = py;
        self.value * index
    }

    fn __len__(&self, _py: Python<'_>) -> usize {
        self.value as usize
    }
}

#[test]
fn magic_methods_take_the_python_token() {
    Python::attach(|py| {
        let t = Bound::new(py, Tokened::new(3)).unwrap();
        py_assert!(py, t; "t == 3 and not (t == 4) and t != 4");
        py_assert!(py, t; "t < 4 and not (t < 3)");
        py_assert!(py, t; "t + 4 == 7 and pow(t, 2) == 9 and pow(t, 2, 5) == 4");
        py_assert!(py, t; "t[5] == 15 and len(t) == 3");
        py_expect_exception!(py, t; "t + 'x'", PyTypeError,
            "unsupported operand type(s) for +: 'builtins.Tokened' and 'str'");
    });
}

/// Native bases beyond `object`, `list` and the common exceptions: each subclass keeps its
/// Rust value after the native struct, so the native part still works and both are dropped.
mod native_bases {
    use super::*;
    use pyo3::exceptions::{PyFileNotFoundError, PyStopIteration, PyUnicodeDecodeError};
    use pyo3::types::{PyComplex, PyFloat, PyFrozenSet, PySet};

    static DROPS: AtomicUsize = AtomicUsize::new(0);

    /// Counts drops, so each test can check the value went exactly once.
    struct Tracked(String);

    impl Drop for Tracked {
        fn drop(&mut self) {
            DROPS.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[pyclass(extends = PyDict, subclass)]
    struct TaggedDict {
        tag: Tracked,
    }

    #[pymethods]
    impl TaggedDict {
        #[new]
        #[pyo3(signature = (*_args, **_kwargs))]
        fn new(
            _args: &Bound<'_, pyo3::types::PyTuple>,
            _kwargs: Option<&Bound<'_, PyDict>>,
        ) -> Self {
            TaggedDict {
                tag: Tracked("dict".into()),
            }
        }

        #[getter]
        fn tag(&self) -> &str {
            &self.tag.0
        }
    }

    #[pyclass(extends = PySet)]
    struct TaggedSet {
        tag: Tracked,
    }

    #[pymethods]
    impl TaggedSet {
        #[new]
        #[pyo3(signature = (*_args))]
        fn new(_args: &Bound<'_, pyo3::types::PyTuple>) -> Self {
            TaggedSet {
                tag: Tracked("set".into()),
            }
        }

        #[getter]
        fn tag(&self) -> &str {
            &self.tag.0
        }
    }

    #[pyclass(extends = PyFrozenSet)]
    struct TaggedFrozenSet;

    #[pymethods]
    impl TaggedFrozenSet {
        #[new]
        fn new() -> Self {
            TaggedFrozenSet
        }
    }

    #[pyclass(extends = PyFloat)]
    struct Meters;

    #[pymethods]
    impl Meters {
        #[new]
        fn new() -> Self {
            Meters
        }

        fn unit(&self) -> &'static str {
            "m"
        }
    }

    #[pyclass(extends = PyComplex)]
    struct Phasor;

    #[pymethods]
    impl Phasor {
        #[new]
        fn new() -> Self {
            Phasor
        }
    }

    #[pyclass(extends = PyFileNotFoundError)]
    struct MissingConfig {
        path: Tracked,
    }

    #[pymethods]
    impl MissingConfig {
        #[new]
        #[pyo3(signature = (*_args))]
        fn new(_args: &Bound<'_, pyo3::types::PyTuple>) -> Self {
            MissingConfig {
                path: Tracked("/etc/app.toml".into()),
            }
        }

        #[getter]
        fn path(&self) -> &str {
            &self.path.0
        }
    }

    #[pyclass(extends = PyStopIteration)]
    struct Done {
        #[pyo3(get)]
        steps: u64,
    }

    #[pymethods]
    impl Done {
        #[new]
        #[pyo3(signature = (*_args))]
        fn new(_args: &Bound<'_, pyo3::types::PyTuple>) -> Self {
            Done { steps: 3 }
        }
    }

    #[pyclass(extends = PyUnicodeDecodeError)]
    struct BadText {
        #[pyo3(get)]
        line: u32,
    }

    #[pymethods]
    impl BadText {
        #[new]
        #[pyo3(signature = (*_args))]
        fn new(_args: &Bound<'_, pyo3::types::PyTuple>) -> Self {
            BadText { line: 12 }
        }
    }

    #[test]
    fn containers_numbers_and_exceptions() {
        Python::attach(|py| {
            let globals = PyDict::new(py);
            for (name, ty) in [
                ("TaggedDict", py.get_type::<TaggedDict>()),
                ("TaggedSet", py.get_type::<TaggedSet>()),
                ("TaggedFrozenSet", py.get_type::<TaggedFrozenSet>()),
                ("Meters", py.get_type::<Meters>()),
                ("Phasor", py.get_type::<Phasor>()),
                ("MissingConfig", py.get_type::<MissingConfig>()),
                ("Done", py.get_type::<Done>()),
                ("BadText", py.get_type::<BadText>()),
            ] {
                globals.set_item(name, ty).unwrap();
            }
            let before = DROPS.load(Ordering::SeqCst);
            let code = std::ffi::CString::new(
                r#"
import gc
d = TaggedDict()
d["a"] = 1
d.update(b=2)
assert d == {"a": 1, "b": 2} and d.tag == "dict" and isinstance(d, dict)
class Sub(TaggedDict):
    pass
s = Sub()
s[1] = s  # a cycle through the dict part
del d, s
gc.collect()

t = TaggedSet()
t.add(1); t.add(2); t.discard(1)
assert t == {2} and t.tag == "set" and isinstance(t, set)
del t

assert TaggedFrozenSet() == frozenset() and isinstance(TaggedFrozenSet(), frozenset)
m = Meters()
assert m == 0.0 and m.unit() == "m" and isinstance(m, float)
assert Phasor() == 0j and isinstance(Phasor(), complex)

try:
    raise MissingConfig(2, "No such file", "app.toml")
except FileNotFoundError as e:
    # The native part is made by `OSError.__new__` without arguments, as in PyO3, and
    # `OSError.__init__` leaves a subclass with its own `__new__` alone: `args` and the
    # fields stay empty (a Rust `#[new]` keeps what it needs in its own fields).
    assert e.args == () and e.errno is None, (e.args, e.errno)
    assert e.path == "/etc/app.toml" and isinstance(e, OSError)

try:
    raise Done(42)
except StopIteration as e:
    assert e.value == 42 and e.steps == 3

try:
    raise BadText("utf-8", b"\xff", 0, 1, "invalid start byte")
except UnicodeDecodeError as e:
    assert e.encoding == "utf-8" and e.object == b"\xff" and e.start == 0 and e.end == 1
    assert e.reason == "invalid start byte" and e.line == 12
    assert str(e) == "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
gc.collect()
"#,
            )
            .unwrap();
            py.run(&code, Some(&globals), None).unwrap();
            // Two dicts, one set and the exception's path.
            assert_eq!(DROPS.load(Ordering::SeqCst) - before, 4);
        });
    }
}

/// Survives creation.
#[pyclass(module = "tables", dict, weakref)]
struct Kept {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Kept {
    #[new]
    #[pyo3(signature = (a, b = 2))]
    fn new(a: i64, b: i64) -> Self {
        Kept { value: a * b }
    }

    fn doubled(&self) -> i64 {
        self.value * 2
    }
}

/// Type creation frees what CPython copies (the slot array, the docstring with the text
/// signature, the `__dictoffset__`/`__weaklistoffset__` members, and the name from 3.11) and
/// keeps what it points into: everything still reads right after the freed memory has been
/// reused (under `x.py asan`, reading freed memory would abort the test).
#[test]
fn type_reads_nothing_freed_after_creation() {
    Python::attach(|py| {
        let ty = py.get_type::<Kept>();
        // Reuse the freed blocks.
        let churn: Vec<Vec<u8>> = (0..2000).map(|i| vec![i as u8; 8 + i % 200]).collect();
        drop(churn);
        let globals = PyDict::new(py);
        globals.set_item("Kept", ty).unwrap();
        py.run(
            cr#"
junk = [bytes([i % 256]) * (8 + i % 200) for i in range(2000)]
assert Kept.__name__ == "Kept" and Kept.__module__ == "tables", Kept.__name__
assert repr(Kept) == "<class 'tables.Kept'>", repr(Kept)
assert Kept.__doc__ == "Survives creation.", Kept.__doc__
assert Kept.__text_signature__ == "(a, b=2)", Kept.__text_signature__
assert Kept.__dictoffset__ > 0 and Kept.__weakrefoffset__ > 0, (Kept.__dictoffset__, Kept.__weakrefoffset__)
k = Kept(3)
assert k.value == 6 and k.doubled() == 12
k.extra = 1
assert k.__dict__ == {"extra": 1}
import weakref
assert weakref.ref(k)() is k
try:
    Kept.__dict__["value"].__get__(1)
except TypeError as e:
    import sys
    article = "a " if sys.version_info >= (3, 8) else ""  # 3.7 words it without one
    assert str(e) == "descriptor 'value' for 'tables.Kept' objects doesn't apply to " + article + "'int' object", str(e)
else:
    raise AssertionError
"#,
            Some(&globals),
            None,
        )
        .unwrap();
    });
}
