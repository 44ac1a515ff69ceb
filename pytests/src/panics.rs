//! A Rust panic in every kind of callback Python can make into Rust (tests/test_panics.py):
//! functions, methods of each kind, constructors, properties, every slot, `__traverse__`,
//! `__clear__`, `Drop`, argument and return conversions, a module initialiser, a
//! `PyOnceLock` initialiser, closures and capsule destructors. Each panics with a message
//! naming the callback, so the tests can check where the `PanicException` came from.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyCFunction, PyCapsule, PyDict, PyTuple, PyType};
use pyo3::{PyTraverseError, PyVisit};

/// Instances of the panicking classes dropped so far (checks that a panicking callback
/// neither leaks nor double-frees its object).
static DROPS: AtomicUsize = AtomicUsize::new(0);

#[pyfunction]
fn panic_drops() -> usize {
    DROPS.load(Ordering::SeqCst)
}

#[pyfunction]
fn panicking_function() {
    panic!("function panicked")
}

/// Panics with a payload that is neither `&str` nor `String`.
#[pyfunction]
fn panic_with_non_string_payload() {
    std::panic::panic_any(42_i32)
}

/// Panics with a formatted (`String`) payload.
#[pyfunction]
fn panic_with_formatted_message(n: i64) {
    panic!("formatted {n} panicked")
}

/// A value whose conversions panic both ways.
struct Grenade;

impl<'py> FromPyObject<'_, 'py> for Grenade {
    type Error = PyErr;

    fn extract(_obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        panic!("extraction panicked")
    }
}

impl<'py> IntoPyObject<'py> for Grenade {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Self::Output> {
        panic!("conversion to Python panicked")
    }
}

impl<'py> IntoPyObject<'py> for &Grenade {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, _py: Python<'py>) -> PyResult<Self::Output> {
        panic!("field conversion panicked")
    }
}

#[pyfunction]
fn panicking_argument(_value: Grenade) {}

#[pyfunction]
fn panicking_return() -> Grenade {
    Grenade
}

/// An error whose (lazily converted) argument panics when the error is raised.
#[pyfunction]
fn panicking_error_argument() -> PyResult<()> {
    Err(pyo3::exceptions::PyValueError::new_err((Grenade,)))
}

/// Calls `callback()`: a `PanicException` raised by Rust code inside it comes back here and
/// continues as the same panic, up to Python again.
#[pyfunction]
fn call_through_rust(callback: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    callback.call0().map(Bound::unbind)
}

/// Panics while detached from the interpreter.
#[pyfunction]
fn panic_while_detached(py: Python<'_>) {
    py.detach(|| panic!("detached code panicked"))
}

/// A function made from a Rust closure, which panics.
#[pyfunction]
fn panicking_closure(py: Python<'_>) -> PyResult<Bound<'_, PyCFunction>> {
    PyCFunction::new_closure(
        py,
        None,
        None,
        |_args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<()> {
            panic!("closure panicked")
        },
    )
}

/// A capsule whose destructor panics when the capsule is freed.
#[pyfunction]
fn capsule_with_panicking_destructor(py: Python<'_>) -> PyResult<Bound<'_, PyCapsule>> {
    PyCapsule::new_with_destructor(py, 7_u32, None, |_value, _context| {
        panic!("capsule destructor panicked")
    })
}

/// Methods of every kind, the constructor and properties, each panicking on demand.
#[pyclass(subclass)]
struct Panicky {
    #[pyo3(get, set)]
    field: Grenade,
}

impl Drop for Panicky {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl Panicky {
    #[new]
    #[pyo3(signature = (panic = false))]
    fn new(panic: bool) -> Self {
        assert!(!panic, "constructor panicked");
        Panicky { field: Grenade }
    }

    fn method(&self) {
        panic!("method panicked")
    }

    fn method_mut(&mut self) {
        panic!("mutable method panicked")
    }

    #[classmethod]
    fn class_method(_cls: &Bound<'_, PyType>) {
        panic!("classmethod panicked")
    }

    #[staticmethod]
    fn static_method() {
        panic!("staticmethod panicked")
    }

    #[getter]
    fn prop(&self) -> i64 {
        panic!("getter panicked")
    }

    #[setter]
    fn set_prop(&mut self, value: Option<i64>) {
        match value {
            Some(value) => panic!("setter panicked with {value}"),
            None => panic!("setter panicked with None"),
        }
    }

    /// Borrows `self` mutably, then panics: the borrow must be released.
    fn panic_while_borrowed(&mut self) {
        panic!("borrowed method panicked")
    }

    /// Succeeds: shows the object is usable after a panic.
    fn ok(&self) -> &'static str {
        "ok"
    }
}

/// Every slot that takes part in ordinary expressions, each panicking with its own name.
#[pyclass]
struct PanickySlots;

#[pymethods]
impl PanickySlots {
    #[new]
    fn new() -> Self {
        PanickySlots
    }

    fn __repr__(&self) -> String {
        panic!("__repr__ panicked")
    }

    fn __str__(&self) -> String {
        panic!("__str__ panicked")
    }

    fn __hash__(&self) -> u64 {
        panic!("__hash__ panicked")
    }

    fn __richcmp__(&self, _other: &Bound<'_, PyAny>, _op: pyo3::pyclass::CompareOp) -> bool {
        panic!("__richcmp__ panicked")
    }

    fn __bool__(&self) -> bool {
        panic!("__bool__ panicked")
    }

    fn __len__(&self) -> usize {
        panic!("__len__ panicked")
    }

    fn __getitem__(&self, _key: &Bound<'_, PyAny>) -> i64 {
        panic!("__getitem__ panicked")
    }

    fn __setitem__(&mut self, _key: &Bound<'_, PyAny>, _value: &Bound<'_, PyAny>) {
        panic!("__setitem__ panicked")
    }

    fn __delitem__(&mut self, _key: &Bound<'_, PyAny>) {
        panic!("__delitem__ panicked")
    }

    fn __contains__(&self, _item: &Bound<'_, PyAny>) -> bool {
        panic!("__contains__ panicked")
    }

    fn __iter__(&self) -> i64 {
        panic!("__iter__ panicked")
    }

    #[pyo3(signature = (*_args))]
    fn __call__(&self, _args: &Bound<'_, PyTuple>) {
        panic!("__call__ panicked")
    }

    fn __neg__(&self) -> i64 {
        panic!("__neg__ panicked")
    }

    fn __pos__(&self) -> i64 {
        panic!("__pos__ panicked")
    }

    fn __abs__(&self) -> i64 {
        panic!("__abs__ panicked")
    }

    fn __invert__(&self) -> i64 {
        panic!("__invert__ panicked")
    }

    fn __int__(&self) -> i64 {
        panic!("__int__ panicked")
    }

    fn __float__(&self) -> f64 {
        panic!("__float__ panicked")
    }

    fn __index__(&self) -> i64 {
        panic!("__index__ panicked")
    }

    fn __add__(&self, _other: i64) -> i64 {
        panic!("__add__ panicked")
    }

    fn __radd__(&self, _other: i64) -> i64 {
        panic!("__radd__ panicked")
    }

    fn __sub__(&self, _other: i64) -> i64 {
        panic!("__sub__ panicked")
    }

    fn __mul__(&self, _other: i64) -> i64 {
        panic!("__mul__ panicked")
    }

    fn __truediv__(&self, _other: i64) -> i64 {
        panic!("__truediv__ panicked")
    }

    fn __pow__(&self, _other: i64, _modulo: Option<i64>) -> i64 {
        panic!("__pow__ panicked")
    }

    fn __rpow__(&self, _other: i64, _modulo: Option<i64>) -> i64 {
        panic!("__rpow__ panicked")
    }

    fn __iadd__(&mut self, _other: i64) {
        panic!("__iadd__ panicked")
    }

    fn __ipow__(&mut self, _other: i64, _modulo: Option<i64>) {
        panic!("__ipow__ panicked")
    }

    fn __aiter__(&self) -> i64 {
        panic!("__aiter__ panicked")
    }

    fn __anext__(&self) -> Option<i64> {
        panic!("__anext__ panicked")
    }

    fn __await__(&self) -> i64 {
        panic!("__await__ panicked")
    }

    fn __getattr__(&self, _name: &str) -> i64 {
        panic!("__getattr__ panicked")
    }

    fn __setattr__(&mut self, _name: &str, _value: &Bound<'_, PyAny>) {
        panic!("__setattr__ panicked")
    }

    fn __delattr__(&mut self, _name: &str) {
        panic!("__delattr__ panicked")
    }
}

/// `__eq__` (rather than `__richcmp__`) panics; `!=` is derived from it.
#[pyclass]
struct PanickyEq;

#[pymethods]
impl PanickyEq {
    #[new]
    fn new() -> Self {
        PanickyEq
    }

    fn __eq__(&self, _other: &Bound<'_, PyAny>) -> bool {
        panic!("__eq__ panicked")
    }

    fn __lt__(&self, _other: &Bound<'_, PyAny>) -> bool {
        panic!("__lt__ panicked")
    }
}

/// An iterator whose `__next__` panics on the third item.
#[pyclass]
struct PanickyIterator {
    count: u32,
}

#[pymethods]
impl PanickyIterator {
    #[new]
    fn new() -> Self {
        PanickyIterator { count: 0 }
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self) -> Option<u32> {
        self.count += 1;
        assert!(self.count < 3, "__next__ panicked");
        Some(self.count)
    }
}

/// `__getattribute__` panics for every attribute but `ok`.
#[pyclass]
struct PanickyGetattribute;

#[pymethods]
impl PanickyGetattribute {
    #[new]
    fn new() -> Self {
        PanickyGetattribute
    }

    fn __getattribute__(&self, name: &str) -> &'static str {
        assert!(name == "ok", "__getattribute__ panicked");
        "ok"
    }
}

/// A descriptor whose `__get__`, `__set__` and `__delete__` panic.
#[pyclass]
struct PanickyDescriptor;

#[pymethods]
impl PanickyDescriptor {
    #[new]
    fn new() -> Self {
        PanickyDescriptor
    }

    fn __get__(
        &self,
        _instance: Option<&Bound<'_, PyAny>>,
        _owner: Option<&Bound<'_, PyAny>>,
    ) -> i64 {
        panic!("__get__ panicked")
    }

    fn __set__(&self, _instance: &Bound<'_, PyAny>, _value: &Bound<'_, PyAny>) {
        panic!("__set__ panicked")
    }

    fn __delete__(&self, _instance: &Bound<'_, PyAny>) {
        panic!("__delete__ panicked")
    }
}

/// A sequence whose `__concat__` and `__repeat__` panic.
#[pyclass(sequence)]
struct PanickySequence;

#[pymethods]
impl PanickySequence {
    #[new]
    fn new() -> Self {
        PanickySequence
    }

    fn __len__(&self) -> usize {
        0
    }

    fn __concat__(&self, _other: &Bound<'_, PyAny>) -> i64 {
        panic!("__concat__ panicked")
    }

    fn __repeat__(&self, _count: isize) -> i64 {
        panic!("__repeat__ panicked")
    }
}

/// Derived comparisons, `__hash__` and `__str__` from trait impls that panic.
#[pyclass(frozen, eq, ord, hash, str)]
struct PanickyDerived;

impl PartialOrd for PanickyDerived {
    fn partial_cmp(&self, _other: &Self) -> Option<std::cmp::Ordering> {
        panic!("PartialOrd panicked")
    }
}

impl PartialEq for PanickyDerived {
    fn eq(&self, _other: &Self) -> bool {
        panic!("PartialEq panicked")
    }
}

impl std::hash::Hash for PanickyDerived {
    fn hash<H: std::hash::Hasher>(&self, _state: &mut H) {
        panic!("Hash panicked")
    }
}

impl std::fmt::Display for PanickyDerived {
    fn fmt(&self, _f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        panic!("Display panicked")
    }
}

#[pymethods]
impl PanickyDerived {
    #[new]
    fn new() -> Self {
        PanickyDerived
    }
}

/// A class whose `Drop` panics (the panic is reported through `sys.unraisablehook`).
#[pyclass]
struct PanickyDrop;

impl Drop for PanickyDrop {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
        panic!("drop panicked")
    }
}

#[pymethods]
impl PanickyDrop {
    #[new]
    fn new() -> Self {
        PanickyDrop
    }
}

/// A garbage-collected class whose `__traverse__` and `__clear__` panic when armed. It can
/// hold a reference to itself, making a cycle only the collector frees.
#[pyclass]
struct PanickyGc {
    held: Option<Py<PyAny>>,
    traverse_armed: bool,
    clear_armed: bool,
}

impl Drop for PanickyGc {
    fn drop(&mut self) {
        DROPS.fetch_add(1, Ordering::SeqCst);
    }
}

#[pymethods]
impl PanickyGc {
    #[new]
    fn new() -> Self {
        PanickyGc {
            held: None,
            traverse_armed: false,
            clear_armed: false,
        }
    }

    /// Makes the object hold `obj` (itself, for a cycle).
    fn hold(&mut self, obj: Py<PyAny>) {
        self.held = Some(obj);
    }

    #[setter]
    fn set_traverse_armed(&mut self, armed: bool) {
        self.traverse_armed = armed;
    }

    #[setter]
    fn set_clear_armed(&mut self, armed: bool) {
        self.clear_armed = armed;
    }

    fn __traverse__(&self, visit: PyVisit<'_>) -> Result<(), PyTraverseError> {
        assert!(!self.traverse_armed, "__traverse__ panicked");
        visit.call(&self.held)
    }

    fn __clear__(&mut self) {
        // The cycle is broken first, so the object is still freed after the panic.
        self.held = None;
        assert!(!self.clear_armed, "__clear__ panicked");
    }
}

/// A buffer exporter whose `__getbuffer__` panics if made with `panic=True`, and whose
/// `__releasebuffer__` panics (reported as unraisable: it cannot fail).
#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
#[pyclass]
struct PanickyBuffer {
    panic: bool,
}

#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
#[pymethods]
impl PanickyBuffer {
    #[new]
    #[pyo3(signature = (panic = false))]
    fn new(panic: bool) -> Self {
        PanickyBuffer { panic }
    }

    /// # Safety
    ///
    /// `view` is the buffer view CPython asks to fill.
    unsafe fn __getbuffer__(
        slf: PyRefMut<'_, Self>,
        view: *mut pyo3::ffi::Py_buffer,
        flags: std::os::raw::c_int,
    ) -> PyResult<()> {
        static BYTES: [u8; 3] = *b"abc";
        assert!(!slf.panic, "__getbuffer__ panicked");
        // SAFETY: `view` is CPython's view to fill; the bytes are static and read-only,
        // and the view keeps a new reference to the exporter.
        let rc = unsafe {
            pyo3::ffi::PyBuffer_FillInfo(
                view,
                slf.as_ptr(),
                BYTES.as_ptr() as *mut std::os::raw::c_void,
                3,
                1,
                flags,
            )
        };
        if rc == -1 {
            Err(PyErr::fetch(slf.py()))
        } else {
            Ok(())
        }
    }

    /// # Safety
    ///
    /// `view` is a view filled by `__getbuffer__`.
    unsafe fn __releasebuffer__(&self, _view: *mut pyo3::ffi::Py_buffer) {
        panic!("__releasebuffer__ panicked")
    }
}

/// A `PyOnceLock` whose initialiser panics when asked to: the cell stays empty.
#[pyclass(frozen)]
struct OnceHolder {
    cell: PyOnceLock<i64>,
}

#[pymethods]
impl OnceHolder {
    #[new]
    fn new() -> Self {
        OnceHolder {
            cell: PyOnceLock::new(),
        }
    }

    /// The value, initialised to `value` (or panicking) on the first successful call.
    fn get_or_init(&self, py: Python<'_>, value: i64, panic: bool) -> i64 {
        *self.cell.get_or_init(py, || {
            assert!(!panic, "PyOnceLock initialiser panicked");
            value
        })
    }

    /// Whether the cell holds a value.
    fn is_set(&self, py: Python<'_>) -> bool {
        self.cell.get(py).is_some()
    }
}

/// A class with a class attribute that panics when the type object is created (the class
/// is not added to the module: `make_classattr_bomb` creates its type on first use).
#[pyclass]
struct ClassAttrBomb;

#[pymethods]
impl ClassAttrBomb {
    #[classattr]
    fn boom() -> i64 {
        panic!("classattr panicked")
    }
}

#[pyfunction]
fn make_classattr_bomb() -> ClassAttrBomb {
    ClassAttrBomb
}

/// A second module in the library whose initialiser panics: importing it raises
/// `PanicException`.
#[pymodule(gil_used = false)]
fn pyo3_pytests_panicking(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    panic!("module init panicked")
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("PanicException", m.py().get_type::<PanicException>())?;
    m.add_function(wrap_pyfunction!(panic_drops, m)?)?;
    m.add_function(wrap_pyfunction!(panicking_function, m)?)?;
    m.add_function(wrap_pyfunction!(panic_with_non_string_payload, m)?)?;
    m.add_function(wrap_pyfunction!(panic_with_formatted_message, m)?)?;
    m.add_function(wrap_pyfunction!(panicking_argument, m)?)?;
    m.add_function(wrap_pyfunction!(panicking_return, m)?)?;
    m.add_function(wrap_pyfunction!(panicking_error_argument, m)?)?;
    m.add_function(wrap_pyfunction!(call_through_rust, m)?)?;
    m.add_function(wrap_pyfunction!(panic_while_detached, m)?)?;
    m.add_function(wrap_pyfunction!(panicking_closure, m)?)?;
    m.add_function(wrap_pyfunction!(capsule_with_panicking_destructor, m)?)?;
    m.add_function(wrap_pyfunction!(make_classattr_bomb, m)?)?;
    m.add_class::<Panicky>()?;
    m.add_class::<PanickySlots>()?;
    m.add_class::<PanickyEq>()?;
    m.add_class::<PanickyIterator>()?;
    m.add_class::<PanickyGetattribute>()?;
    m.add_class::<PanickyDescriptor>()?;
    m.add_class::<PanickySequence>()?;
    m.add_class::<PanickyDerived>()?;
    m.add_class::<PanickyDrop>()?;
    m.add_class::<PanickyGc>()?;
    #[cfg(any(not(Py_LIMITED_API), Py_3_11))]
    m.add_class::<PanickyBuffer>()?;
    m.add_class::<OnceHolder>()?;
    Ok(())
}
