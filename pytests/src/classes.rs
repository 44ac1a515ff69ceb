//! `#[pyclass]` and `#[pymethods]` seen from Python (tests/test_classes.py): construction,
//! properties, methods of every kind, every magic method, class options, inheritance,
//! pickling, garbage collection and drop counts.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::exceptions::{PyAttributeError, PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::pyclass::CompareOp;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::{PyTraverseError, PyVisit};

/// Drops of `Counter` values (and of everything extending it).
static COUNTER_DROPS: AtomicUsize = AtomicUsize::new(0);
/// Drops of `Node` values.
static NODE_DROPS: AtomicUsize = AtomicUsize::new(0);

#[pyfunction]
fn counter_drops() -> usize {
    COUNTER_DROPS.load(Ordering::SeqCst)
}

#[pyfunction]
fn node_drops() -> usize {
    NODE_DROPS.load(Ordering::SeqCst)
}

/// Counts up from a start by a step.
#[pyclass(module = "pyo3_pytests", subclass)]
pub struct Counter {
    /// The current count.
    #[pyo3(get, set)]
    count: i64,
    step: i64,
}

impl Drop for Counter {
    fn drop(&mut self) {
        COUNTER_DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Counter {
    #[new]
    #[pyo3(signature = (start = 0, *, step = 1))]
    fn new(start: i64, step: i64) -> PyResult<Self> {
        if step == 0 {
            return Err(PyValueError::new_err("step must not be zero"));
        }
        Ok(Counter { count: start, step })
    }

    /// Adds the step and returns the new count.
    fn incr(&mut self) -> i64 {
        self.count += self.step;
        self.count
    }

    fn current(&self) -> i64 {
        self.count
    }

    fn peek(slf: PyRef<'_, Self>) -> i64 {
        slf.count
    }

    fn reset(mut slf: PyRefMut<'_, Self>) -> i64 {
        let old = slf.count;
        slf.count = 0;
        old
    }

    fn bound_count(slf: &Bound<'_, Self>) -> i64 {
        slf.borrow().count
    }

    fn owned_count(slf: Py<Self>, py: Python<'_>) -> i64 {
        slf.borrow(py).count
    }

    fn returns_self(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    #[getter]
    fn step(&self) -> i64 {
        self.step
    }

    #[setter]
    fn set_step(&mut self, step: i64) -> PyResult<()> {
        if step == 0 {
            return Err(PyValueError::new_err("step must not be zero"));
        }
        self.step = step;
        Ok(())
    }

    #[staticmethod]
    fn zero() -> Counter {
        Counter { count: 0, step: 1 }
    }

    #[staticmethod]
    #[pyo3(signature = (a, b = 2))]
    fn add(a: i64, b: i64) -> i64 {
        a + b
    }

    #[classmethod]
    fn class_name(cls: &Bound<'_, PyType>) -> PyResult<String> {
        Ok(cls.name()?.to_string())
    }

    #[classmethod]
    fn make<'py>(cls: &Bound<'py, PyType>, start: i64) -> PyResult<Bound<'py, PyAny>> {
        cls.call1((start,))
    }

    #[classattr]
    fn limit() -> i64 {
        100
    }

    #[classattr]
    const ORIGIN: i64 = 0;

    /// Runs `callback` while `self` is mutably borrowed.
    fn while_mutable(&mut self, callback: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        self.count += 1;
        Ok(callback.call0()?.unbind())
    }

    /// Runs `callback` while `self` is borrowed.
    fn while_shared(&self, callback: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        Ok(callback.call0()?.unbind())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (i64,), i64)> {
        let value = slf.borrow();
        Ok((slf.get_type().into_any(), (value.count,), value.step))
    }

    fn __setstate__(&mut self, step: i64) {
        self.step = step;
    }

    fn __repr__(&self) -> String {
        format!("Counter(count={}, step={})", self.count, self.step)
    }
}

/// A Counter with a label.
#[pyclass(module = "pyo3_pytests", extends = Counter, subclass)]
pub struct Labelled {
    #[pyo3(get)]
    label: String,
}

#[pymethods]
impl Labelled {
    #[new]
    #[pyo3(signature = (label, start = 10))]
    fn new(label: String, start: i64) -> (Labelled, Counter) {
        (
            Labelled { label },
            Counter {
                count: start,
                step: 1,
            },
        )
    }

    fn describe(slf: PyRef<'_, Self>) -> String {
        format!("{}={}", slf.label, slf.as_super().count)
    }

    fn bump(mut slf: PyRefMut<'_, Self>) -> i64 {
        let base = slf.as_super();
        base.count += 100;
        base.count
    }
}

/// Two levels of `extends`.
#[pyclass(module = "pyo3_pytests", extends = Labelled)]
pub struct Tagged {
    #[pyo3(get)]
    tag: u8,
}

#[pymethods]
impl Tagged {
    #[new]
    fn new(tag: u8) -> PyClassInitializer<Self> {
        PyClassInitializer::from(Counter { count: 1, step: 1 })
            .add_subclass(Labelled {
                label: "tagged".to_owned(),
            })
            .add_subclass(Tagged { tag })
    }
}

/// An exception class defined in Rust.
#[cfg(not(Py_LIMITED_API))]
#[pyclass(module = "pyo3_pytests", extends = pyo3::exceptions::PyException)]
pub struct RustError {
    #[pyo3(get)]
    code: u32,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl RustError {
    #[new]
    fn new(code: u32) -> Self {
        RustError { code }
    }
}

/// A `ValueError` subclass defined in Rust.
#[cfg(not(Py_LIMITED_API))]
#[pyclass(module = "pyo3_pytests", extends = PyValueError)]
pub struct BadValue {
    #[pyo3(get)]
    value: i64,
}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl BadValue {
    #[new]
    fn new(value: i64) -> Self {
        BadValue { value }
    }
}

#[cfg(not(Py_LIMITED_API))]
#[pyfunction]
fn raise_bad_value(py: Python<'_>, value: i64) -> PyResult<()> {
    Err(PyErr::from_value(
        Bound::new(py, BadValue { value })?.into_any(),
    ))
}

/// Hashable, frozen, compared by value.
#[pyclass(module = "pyo3_pytests", frozen, eq, hash, str = "Key({name}, {id})")]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Key {
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    id: u32,
}

#[pymethods]
impl Key {
    #[new]
    fn new(name: String, id: u32) -> Self {
        Key { name, id }
    }

    /// Reads through `Py::get`, which needs no borrow on a frozen class.
    fn id_via_get(slf: &Bound<'_, Self>) -> u32 {
        slf.get().id
    }
}

/// Ordered by its value (`eq, ord` from `PartialEq, PartialOrd`).
#[pyclass(eq, ord)]
#[derive(PartialEq, PartialOrd)]
pub struct Rank(i32);

#[pymethods]
impl Rank {
    #[new]
    fn new(value: i32) -> Self {
        Rank(value)
    }
}

/// `str` from `Display`.
#[pyclass(str)]
pub struct Shown {
    text: String,
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{}>", self.text)
    }
}

#[pymethods]
impl Shown {
    #[new]
    fn new(text: String) -> Self {
        Shown { text }
    }
}

/// Only `eq` (no `hash`): unhashable, as a Python class defining `__eq__` alone.
#[pyclass(eq)]
#[derive(PartialEq)]
pub struct EqOnly {
    value: i32,
}

#[pymethods]
impl EqOnly {
    #[new]
    fn new(value: i32) -> Self {
        EqOnly { value }
    }
}

/// Instances take arbitrary attributes and weak references (with abi3 from 3.9 only: the
/// stable ABI before 3.9 cannot declare the dict and weak-list offsets).
#[cfg(not(Py_LIMITED_API))]
#[pyclass(dict, weakref)]
pub struct Open {}

#[cfg(not(Py_LIMITED_API))]
#[pymethods]
impl Open {
    #[new]
    fn new() -> Self {
        Open {}
    }
}

/// Without `dict`: no arbitrary attributes.
#[pyclass]
pub struct Closed {}

#[pymethods]
impl Closed {
    #[new]
    fn new() -> Self {
        Closed {}
    }
}

/// Every field a property, renamed to camelCase.
#[pyclass(get_all, set_all, rename_all = "camelCase")]
pub struct Settings {
    max_size: u32,
    file_name: String,
    #[pyo3(name = "tag")]
    label_text: String,
}

#[pymethods]
impl Settings {
    #[new]
    fn new() -> Self {
        Settings {
            max_size: 10,
            file_name: "a.txt".to_owned(),
            label_text: "t".to_owned(),
        }
    }
}

/// Fields of many kinds.
#[pyclass]
pub struct Holder {
    #[pyo3(get, set)]
    object: Py<PyAny>,
    #[pyo3(get, set)]
    maybe: Option<i64>,
    #[pyo3(get, set)]
    names: Vec<String>,
    #[pyo3(get, set)]
    key: Key,
    #[pyo3(get, set)]
    counter: Py<Counter>,
    #[pyo3(get)]
    read_only: u8,
}

#[pymethods]
impl Holder {
    #[new]
    fn new(py: Python<'_>, object: Py<PyAny>) -> PyResult<Self> {
        Ok(Holder {
            object,
            maybe: None,
            names: vec!["a".to_owned()],
            key: Key {
                name: "k".to_owned(),
                id: 1,
            },
            counter: Py::new(py, Counter { count: 7, step: 1 })?,
            read_only: 3,
        })
    }

    #[getter]
    fn computed(&self) -> usize {
        self.names.len()
    }

    #[getter(renamed_getter)]
    fn some_rust_name(&self) -> &'static str {
        "renamed"
    }
}

/// `#[new]` with `*args` and `**kwargs`.
#[pyclass]
pub struct Record {
    #[pyo3(get)]
    name: String,
    #[pyo3(get)]
    rest: Py<PyTuple>,
    #[pyo3(get)]
    tag: Option<String>,
    #[pyo3(get)]
    extra: Option<Py<PyDict>>,
}

#[pymethods]
impl Record {
    #[new]
    #[pyo3(signature = (name, *rest, tag = None, **extra))]
    fn new(
        name: String,
        rest: &Bound<'_, PyTuple>,
        tag: Option<String>,
        extra: Option<&Bound<'_, PyDict>>,
    ) -> Self {
        Record {
            name,
            rest: rest.clone().unbind(),
            tag,
            extra: extra.map(|d| d.clone().unbind()),
        }
    }

    #[pyo3(signature = (*args, **kwargs))]
    fn __call__(
        &self,
        args: &Bound<'_, PyTuple>,
        kwargs: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        let kwargs = match kwargs {
            Some(kwargs) => kwargs.repr()?.to_string(),
            None => "None".to_owned(),
        };
        Ok(format!("{} {} {}", self.name, args.repr()?, kwargs))
    }
}

/// The unary and numeric-conversion slots, and every binary operator with its reflected
/// and in-place forms. Forward results are `self op other`, reflected `other op self`.
#[pyclass]
pub struct Num {
    #[pyo3(get)]
    value: i64,
}

#[pymethods]
impl Num {
    #[new]
    fn new(value: i64) -> Self {
        Num { value }
    }

    fn __repr__(&self) -> String {
        format!("Num({})", self.value)
    }

    fn __neg__(&self) -> Num {
        Num { value: -self.value }
    }

    fn __pos__(&self) -> String {
        format!("+{}", self.value)
    }

    fn __abs__(&self) -> i64 {
        self.value.abs()
    }

    fn __invert__(&self) -> i64 {
        !self.value
    }

    fn __int__(&self) -> i64 {
        self.value * 10
    }

    fn __float__(&self) -> f64 {
        self.value as f64 + 0.5
    }

    fn __index__(&self) -> i64 {
        self.value
    }

    fn __add__(&self, other: i64) -> String {
        format!("{} + {}", self.value, other)
    }
    fn __radd__(&self, other: i64) -> String {
        format!("{} + {}", other, self.value)
    }
    fn __sub__(&self, other: i64) -> String {
        format!("{} - {}", self.value, other)
    }
    fn __rsub__(&self, other: i64) -> String {
        format!("{} - {}", other, self.value)
    }
    fn __mul__(&self, other: i64) -> String {
        format!("{} * {}", self.value, other)
    }
    fn __rmul__(&self, other: i64) -> String {
        format!("{} * {}", other, self.value)
    }
    fn __matmul__(&self, other: i64) -> String {
        format!("{} @ {}", self.value, other)
    }
    fn __rmatmul__(&self, other: i64) -> String {
        format!("{} @ {}", other, self.value)
    }
    fn __truediv__(&self, other: i64) -> String {
        format!("{} / {}", self.value, other)
    }
    fn __rtruediv__(&self, other: i64) -> String {
        format!("{} / {}", other, self.value)
    }
    fn __floordiv__(&self, other: i64) -> String {
        format!("{} // {}", self.value, other)
    }
    fn __rfloordiv__(&self, other: i64) -> String {
        format!("{} // {}", other, self.value)
    }
    fn __mod__(&self, other: i64) -> String {
        format!("{} % {}", self.value, other)
    }
    fn __rmod__(&self, other: i64) -> String {
        format!("{} % {}", other, self.value)
    }
    fn __divmod__(&self, other: i64) -> String {
        format!("divmod({}, {})", self.value, other)
    }
    fn __rdivmod__(&self, other: i64) -> String {
        format!("divmod({}, {})", other, self.value)
    }
    fn __lshift__(&self, other: i64) -> String {
        format!("{} << {}", self.value, other)
    }
    fn __rlshift__(&self, other: i64) -> String {
        format!("{} << {}", other, self.value)
    }
    fn __rshift__(&self, other: i64) -> String {
        format!("{} >> {}", self.value, other)
    }
    fn __rrshift__(&self, other: i64) -> String {
        format!("{} >> {}", other, self.value)
    }
    fn __and__(&self, other: i64) -> String {
        format!("{} & {}", self.value, other)
    }
    fn __rand__(&self, other: i64) -> String {
        format!("{} & {}", other, self.value)
    }
    fn __or__(&self, other: i64) -> String {
        format!("{} | {}", self.value, other)
    }
    fn __ror__(&self, other: i64) -> String {
        format!("{} | {}", other, self.value)
    }
    fn __xor__(&self, other: i64) -> String {
        format!("{} ^ {}", self.value, other)
    }
    fn __rxor__(&self, other: i64) -> String {
        format!("{} ^ {}", other, self.value)
    }
}

/// The in-place operators, each recording itself in `log`.
#[pyclass]
pub struct Acc {
    #[pyo3(get)]
    value: i64,
    #[pyo3(get)]
    log: Vec<String>,
}

impl Acc {
    fn record(&mut self, op: &str, other: i64, value: i64) {
        self.log.push(format!("{op}{other}"));
        self.value = value;
    }
}

#[pymethods]
impl Acc {
    #[new]
    fn new(value: i64) -> Self {
        Acc {
            value,
            log: Vec::new(),
        }
    }

    fn __iadd__(&mut self, other: i64) {
        self.record("+=", other, self.value + other);
    }
    fn __isub__(&mut self, other: i64) {
        self.record("-=", other, self.value - other);
    }
    fn __imul__(&mut self, other: i64) {
        self.record("*=", other, self.value * other);
    }
    fn __imatmul__(&mut self, other: i64) {
        self.record("@=", other, self.value * 100 + other);
    }
    fn __itruediv__(&mut self, other: i64) {
        self.record("/=", other, self.value / other);
    }
    fn __ifloordiv__(&mut self, other: i64) {
        self.record("//=", other, self.value.div_euclid(other));
    }
    fn __imod__(&mut self, other: i64) {
        self.record("%=", other, self.value.rem_euclid(other));
    }
    fn __ilshift__(&mut self, other: i64) {
        self.record("<<=", other, self.value << other);
    }
    fn __irshift__(&mut self, other: i64) {
        self.record(">>=", other, self.value >> other);
    }
    fn __iand__(&mut self, other: i64) {
        self.record("&=", other, self.value & other);
    }
    fn __ior__(&mut self, other: i64) {
        self.record("|=", other, self.value | other);
    }
    fn __ixor__(&mut self, other: i64) {
        self.record("^=", other, self.value ^ other);
    }
}

/// The six comparison methods, each defined on its own.
#[pyclass]
pub struct Cmp {
    value: i64,
}

#[pymethods]
impl Cmp {
    #[new]
    fn new(value: i64) -> Self {
        Cmp { value }
    }

    fn __lt__(&self, other: i64) -> bool {
        self.value < other
    }
    fn __le__(&self, other: i64) -> bool {
        self.value <= other
    }
    fn __gt__(&self, other: i64) -> bool {
        self.value > other
    }
    fn __ge__(&self, other: i64) -> bool {
        self.value >= other
    }
    fn __eq__(&self, other: i64) -> bool {
        self.value == other
    }
    fn __ne__(&self, other: i64) -> String {
        format!("ne({})", other)
    }
}

/// Only `__eq__`: `!=` is its negation.
#[pyclass]
pub struct EqMethod {
    value: i64,
}

#[pymethods]
impl EqMethod {
    #[new]
    fn new(value: i64) -> Self {
        EqMethod { value }
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.value == other.value
    }
}

/// `__richcmp__` with `CompareOp`.
#[pyclass]
pub struct Version {
    major: u32,
    minor: u32,
}

#[pymethods]
impl Version {
    #[new]
    fn new(major: u32, minor: u32) -> Self {
        Version { major, minor }
    }

    fn __richcmp__(&self, other: PyRef<'_, Self>, op: CompareOp) -> bool {
        op.matches((self.major, self.minor).cmp(&(other.major, other.minor)))
    }
}

/// Only `__getitem__`: iterable through the sequence protocol, as a Python class would be.
#[pyclass]
pub struct Indexed {
    len: isize,
}

#[pymethods]
impl Indexed {
    #[new]
    fn new(len: isize) -> Self {
        Indexed { len }
    }

    fn __getitem__(&self, index: isize) -> PyResult<isize> {
        if (0..self.len).contains(&index) {
            Ok(index * 10)
        } else {
            Err(PyIndexError::new_err(index))
        }
    }
}

/// `mapping`: `__getitem__` takes keys, so no sequence protocol.
#[pyclass(mapping)]
pub struct Lookup {}

#[pymethods]
impl Lookup {
    #[new]
    fn new() -> Self {
        Lookup {}
    }

    fn __len__(&self) -> usize {
        1
    }

    fn __getitem__(&self, key: &str) -> PyResult<String> {
        match key {
            "k" => Ok("v".to_owned()),
            _ => Err(pyo3::exceptions::PyKeyError::new_err(key.to_owned())),
        }
    }
}

/// `sequence`: `__len__` fills `sq_length`, so the sequence protocol sees negative indices
/// made positive; `match` treats it as a sequence on 3.10+.
#[pyclass(sequence)]
pub struct Triple {
    items: [i64; 3],
}

#[pymethods]
impl Triple {
    #[new]
    fn new(a: i64, b: i64, c: i64) -> Self {
        Triple { items: [a, b, c] }
    }

    fn __len__(&self) -> usize {
        3
    }

    fn __getitem__(&self, index: isize) -> PyResult<i64> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.items.get(i).copied())
            .ok_or_else(|| PyIndexError::new_err(format!("no item {index}")))
    }
}

/// `immutable_type`: the class's attributes cannot be set or deleted from Python.
#[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
#[pyclass(immutable_type)]
pub struct Sealed {}

#[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
#[pymethods]
impl Sealed {
    #[classattr]
    const LIMIT: i32 = 3;
}

/// A simple enum that pickles: `#[new]` rebuilds a variant from its value, which
/// `__getnewargs__` gives to pickle.
#[pyclass(eq, eq_int, module = "pyo3_pytests")]
#[derive(Clone, Copy, PartialEq)]
pub enum Level {
    Low = 1,
    High = 5,
}

#[pymethods]
impl Level {
    #[new]
    fn new(value: i64) -> PyResult<Self> {
        match value {
            1 => Ok(Level::Low),
            5 => Ok(Level::High),
            _ => Err(PyValueError::new_err(format!(
                "{value} is not a valid Level"
            ))),
        }
    }

    fn __getnewargs__(&self) -> (i64,) {
        (*self as i64,)
    }
}

/// A mapping-and-sequence-like container.
#[pyclass]
pub struct Bag {
    items: Vec<i64>,
}

#[pymethods]
impl Bag {
    #[new]
    #[pyo3(signature = (*items))]
    fn new(items: Vec<i64>) -> Self {
        Bag { items }
    }

    #[getter]
    fn items(&self) -> Vec<i64> {
        self.items.clone()
    }

    fn __len__(&self) -> usize {
        self.items.len()
    }

    fn __bool__(&self) -> bool {
        self.items.iter().any(|v| *v != 0)
    }

    fn __getitem__(&self, index: isize) -> PyResult<i64> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.items.get(i).copied())
            .ok_or_else(|| PyIndexError::new_err(format!("no item {index}")))
    }

    fn __setitem__(&mut self, index: usize, value: i64) -> PyResult<()> {
        match self.items.get_mut(index) {
            Some(slot) => {
                *slot = value;
                Ok(())
            }
            None => Err(PyIndexError::new_err(format!("no item {index}"))),
        }
    }

    fn __delitem__(&mut self, index: usize) -> PyResult<()> {
        if index < self.items.len() {
            self.items.remove(index);
            Ok(())
        } else {
            Err(PyIndexError::new_err(format!("no item {index}")))
        }
    }

    fn __contains__(&self, value: i64) -> bool {
        self.items.contains(&value)
    }

    fn __iter__(slf: PyRef<'_, Self>) -> BagIter {
        BagIter {
            items: slf.items.clone(),
            next: 0,
        }
    }
}

/// The iterator of a `Bag`; `__next__` returning `None` ends the iteration.
#[pyclass]
pub struct BagIter {
    items: Vec<i64>,
    next: usize,
}

#[pymethods]
impl BagIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<i64> {
        let item = self.items.get(self.next).copied();
        self.next += 1;
        item
    }
}

/// `__hash__`, `__str__`, and `__getattr__` for missing attributes.
#[pyclass]
pub struct Dynamic {
    #[pyo3(get)]
    real: i64,
    hash: isize,
}

#[pymethods]
impl Dynamic {
    #[new]
    #[pyo3(signature = (hash = 5))]
    fn new(hash: isize) -> Self {
        Dynamic { real: 1, hash }
    }

    fn __hash__(&self) -> isize {
        self.hash
    }

    fn __str__(&self) -> &'static str {
        "a dynamic object"
    }

    fn __getattr__(&self, name: &str) -> PyResult<String> {
        match name.strip_prefix("dyn_") {
            Some(rest) => Ok(rest.to_uppercase()),
            None => Err(PyAttributeError::new_err(format!("no attribute {name:?}"))),
        }
    }
}

/// `__repr__` panics.
#[pyclass]
pub struct Broken {}

#[pymethods]
impl Broken {
    #[new]
    fn new() -> Self {
        Broken {}
    }

    fn __repr__(&self) -> String {
        panic!("repr exploded")
    }
}

/// A graph node: cycles through `other` are found by `__traverse__` and broken by
/// `__clear__`.
#[pyclass]
pub struct Node {
    #[pyo3(get, set)]
    other: Option<Py<PyAny>>,
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
        Node { other: None }
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        visit.call(&self.other)
    }

    fn __clear__(&mut self) {
        self.other = None;
    }
}

/// Python names differ from Rust names.
#[pyclass(name = "Renamed", module = "pyo3_pytests.custom")]
pub struct RustName {}

#[pymethods]
impl RustName {
    #[new]
    fn new() -> Self {
        RustName {}
    }

    #[pyo3(name = "python_method")]
    fn rust_method(&self) -> &'static str {
        "called"
    }
}

/// A module declared as a Rust `mod`: one class declared inside, one exported from outside.
#[pymodule]
pub mod class_module {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::Counter;

    /// Module attributes from constants.
    #[pymodule_export]
    const VERSION: &str = "1.2";

    #[pymodule_export]
    #[allow(non_upper_case_globals)]
    const r#type: (i32, f64) = (7, 0.5);

    #[pymodule_export]
    #[cfg(any())]
    const COMPILED_OUT: i32 = 0;

    /// Declared inside the module.
    #[pyclass]
    pub struct Inner {
        #[pyo3(get)]
        value: i32,
    }

    #[pymethods]
    impl Inner {
        #[new]
        fn new(value: i32) -> Self {
            Inner { value }
        }
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(counter_drops, m)?)?;
    m.add_function(wrap_pyfunction!(node_drops, m)?)?;
    m.add_class::<Counter>()?;
    m.add_class::<Labelled>()?;
    m.add_class::<Tagged>()?;
    #[cfg(not(Py_LIMITED_API))]
    {
        m.add_class::<RustError>()?;
        m.add_class::<BadValue>()?;
        m.add_function(wrap_pyfunction!(raise_bad_value, m)?)?;
    }
    #[cfg(not(Py_LIMITED_API))]
    m.add_class::<Open>()?;
    m.add("LIMITED_API", cfg!(Py_LIMITED_API))?;
    m.add_class::<Key>()?;
    m.add_class::<Rank>()?;
    m.add_class::<Shown>()?;
    m.add_class::<EqOnly>()?;
    m.add_class::<Closed>()?;
    m.add_class::<Settings>()?;
    m.add_class::<Holder>()?;
    m.add_class::<Record>()?;
    m.add_class::<Num>()?;
    m.add_class::<Acc>()?;
    m.add_class::<Cmp>()?;
    m.add_class::<EqMethod>()?;
    m.add_class::<Version>()?;
    m.add_class::<Level>()?;
    m.add_class::<Bag>()?;
    m.add_class::<Indexed>()?;
    m.add_class::<Lookup>()?;
    m.add_class::<Triple>()?;
    #[cfg(all(Py_3_10, not(Py_LIMITED_API)))]
    m.add_class::<Sealed>()?;
    m.add_class::<BagIter>()?;
    m.add_class::<Dynamic>()?;
    m.add_class::<Broken>()?;
    m.add_class::<Node>()?;
    m.add_class::<RustName>()?;
    m.add_wrapped(pyo3::wrap_pymodule!(class_module))?;
    Ok(())
}
