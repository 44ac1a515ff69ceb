//! Shared routines behind the trampolines `#[pyclass]` and `#[pymethods]` generate: the
//! receiver (`self`) of a method or slot, property access, `__new__`, binary operators that
//! fall back to `NotImplemented`, `__traverse__`, and the messages CPython gives for a
//! missing operation.

use std::marker::PhantomData;
use std::os::raw::{c_int, c_void};
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::conversion::IntoPyObject;
use crate::exceptions::{PyAttributeError, PyNotImplementedError, PyTypeError};
use crate::impl_::pyclass::{layout, PyClassImpl};
use crate::instance::Bound;
use crate::panic::PanicException;
use crate::pyclass::boolean_struct::{Boolean, False};
use crate::pyclass::{PyClass, PyClassGuard, PyClassGuardMut, PyRef, PyTraverseError, PyVisit};
use crate::pyclass_init::PyClassInitializer;
use crate::types::{PyAny, PyAnyMethods, PyType, PyTypeMethods};
use crate::{ffi, BoundObject, PyErr, PyResult, Python};

/// Views a pointer CPython passed (a borrowed reference) as `&Bound<PyAny>`.
///
/// # Safety
///
/// `*ptr` is a live object for as long as the returned reference is used.
#[inline(always)]
pub unsafe fn bound_arg<'a, 'py>(
    _py: Python<'py>,
    ptr: &'a *mut ffi::PyObject,
) -> &'a Bound<'py, PyAny> {
    // SAFETY: `Bound` is a transparent wrapper over one object pointer; per the caller the
    // object stays alive while the reference is used.
    unsafe { &*(ptr as *const *mut ffi::PyObject).cast::<Bound<'py, PyAny>>() }
}

/// `&self`: borrows the receiver shared, keeping the guard in `holder`.
///
/// # Safety
///
/// `slf` is the live receiver CPython passed.
#[inline]
pub unsafe fn self_ref<'h, 'a: 'h, 'py: 'a, T: PyClass>(
    py: Python<'py>,
    slf: &'a *mut ffi::PyObject,
    holder: &'h mut Option<PyClassGuard<'a, T>>,
) -> PyResult<&'h T> {
    // SAFETY: per the caller.
    let obj = unsafe { bound_arg(py, slf) };
    let guard = PyClassGuard::try_borrow(obj.cast::<T>()?)?;
    Ok(&**holder.insert(guard))
}

/// `&mut self`: borrows the receiver exclusively, keeping the guard in `holder`.
///
/// # Safety
///
/// `slf` is the live receiver CPython passed.
#[inline]
pub unsafe fn self_mut<'h, 'a: 'h, 'py: 'a, T: MutablePyClass>(
    py: Python<'py>,
    slf: &'a *mut ffi::PyObject,
    holder: &'h mut Option<PyClassGuardMut<'a, T>>,
) -> PyResult<&'h mut T> {
    // SAFETY: per the caller.
    let obj = unsafe { bound_arg(py, slf) };
    let guard = T::borrow_guard_mut(obj.cast::<T>()?)?;
    Ok(&mut **holder.insert(guard))
}

/// A `&T` or `&mut T` parameter of a `#[pyclass]` type (other than the receiver): the same
/// borrows, with the argument named in a failed type check.
#[inline]
pub fn extract_pyclass_ref<'h, 'a: 'h, 'py, T: PyClass>(
    obj: &'a Bound<'py, PyAny>,
    holder: &'h mut Option<PyClassGuard<'a, T>>,
    name: &str,
) -> PyResult<&'h T> {
    match obj.cast::<T>() {
        Ok(obj) => Ok(&**holder.insert(PyClassGuard::try_borrow(obj)?)),
        Err(err) => Err(crate::impl_::extract_argument::argument_extraction_error(
            obj.py(),
            name,
            err.into(),
        )),
    }
}

/// As [`extract_pyclass_ref`], exclusively.
#[inline]
pub fn extract_pyclass_ref_mut<'h, 'a: 'h, 'py, T: PyClass<Frozen = False>>(
    obj: &'a Bound<'py, PyAny>,
    holder: &'h mut Option<PyClassGuardMut<'a, T>>,
    name: &str,
) -> PyResult<&'h mut T> {
    match obj.cast::<T>() {
        Ok(obj) => Ok(&mut **holder.insert(PyClassGuardMut::try_borrow(obj)?)),
        Err(err) => Err(crate::impl_::extract_argument::argument_extraction_error(
            obj.py(),
            name,
            err.into(),
        )),
    }
}

/// The receiver of a binary operator's slot, which may be either operand: `None` when it
/// is not an instance of `T` (the operator then returns `NotImplemented`).
///
/// # Safety
///
/// `slf` is a live object CPython passed.
#[inline]
pub unsafe fn operand<'a, 'py, T: PyClass>(
    py: Python<'py>,
    slf: &'a *mut ffi::PyObject,
) -> Option<&'a Bound<'py, T>> {
    // SAFETY: per the caller.
    unsafe { bound_arg(py, slf) }.cast::<T>().ok()
}

/// `NotImplemented`, as a new reference.
#[inline]
pub fn not_implemented(py: Python<'_>) -> *mut ffi::PyObject {
    py.NotImplemented().into_ptr()
}

/// Whether a slot's result is `NotImplemented` (so the reflected operator should be
/// tried); releases it if so.
///
/// # Safety
///
/// `result` is a new reference.
#[inline]
pub unsafe fn is_not_implemented(py: Python<'_>, result: *mut ffi::PyObject) -> bool {
    let not_implemented = py.NotImplemented();
    if result == not_implemented.as_ptr() {
        // SAFETY: per the caller, the caller owned this reference.
        unsafe { ffi::Py_DECREF(result) };
        true
    } else {
        false
    }
}

/// Converts an operand of a binary operator: a failed conversion makes the operator return
/// `NotImplemented` (so Python tries the reflected operation, then raises its own
/// `TypeError`), as CPython's numeric types do.
#[inline]
pub fn extract_operand<'a, 'py, T>(
    obj: &'a Bound<'py, PyAny>,
    holder: &'a mut <T as crate::impl_::extract_argument::PyFunctionArgument<'a, 'a, 'py>>::Holder,
) -> Option<T>
where
    T: crate::impl_::extract_argument::PyFunctionArgument<'a, 'a, 'py>,
{
    T::extract(obj, holder).ok()
}

/// As [`extract_operand`], for `&T` operands of a `#[pyclass]` type.
#[inline]
pub fn extract_pyclass_operand<'h, 'a: 'h, 'py, T: PyClass>(
    obj: &'a Bound<'py, PyAny>,
    holder: &'h mut Option<PyClassGuard<'a, T>>,
) -> PyResult<Option<&'h T>> {
    match obj.cast::<T>() {
        Ok(obj) => Ok(Some(&**holder.insert(PyClassGuard::try_borrow(obj)?))),
        Err(_) => Ok(None),
    }
}

/// The value passed to a property setter; deleting the property raises CPython's message.
///
/// # Safety
///
/// `value` is NULL or a live object.
#[inline]
pub unsafe fn setter_value<'a, 'py>(
    py: Python<'py>,
    value: &'a *mut ffi::PyObject,
) -> PyResult<&'a Bound<'py, PyAny>> {
    if value.is_null() {
        Err(PyAttributeError::new_err("can't delete attribute"))
    } else {
        // SAFETY: per the caller.
        Ok(unsafe { bound_arg(py, value) })
    }
}

/// The value passed to `__setitem__`/`__delitem__`-style slots: `None` for deletion.
///
/// # Safety
///
/// `value` is NULL or a live object.
#[inline]
pub unsafe fn optional_value<'a, 'py>(
    py: Python<'py>,
    value: &'a *mut ffi::PyObject,
) -> Option<&'a Bound<'py, PyAny>> {
    if value.is_null() {
        None
    } else {
        // SAFETY: per the caller.
        Some(unsafe { bound_arg(py, value) })
    }
}

/// The error for an operation that a class defines only one half of (`__setitem__`
/// without `__delitem__`, ...).
#[cold]
pub fn missing_operation(message: &'static str) -> PyErr {
    PyNotImplementedError::new_err(message)
}

/// Converts a `__len__`/`__hash__`-style result to `Py_ssize_t`, raising `OverflowError`
/// past `isize::MAX`.
#[inline]
pub fn len_result(len: usize) -> PyResult<ffi::Py_ssize_t> {
    ffi::Py_ssize_t::try_from(len)
        .map_err(|_| crate::exceptions::PyOverflowError::new_err("length too large"))
}

/// What `__hash__` may return, turned into a `Py_hash_t` (never -1, which means error).
pub trait HashResult {
    /// The hash CPython stores.
    fn into_hash(self) -> ffi::Py_hash_t;
}

macro_rules! hash_result {
    ($($ty:ty),*) => {$(
        impl HashResult for $ty {
            #[inline]
            #[allow(clippy::cast_possible_wrap)]
            fn into_hash(self) -> ffi::Py_hash_t {
                let hash = self as ffi::Py_hash_t;
                if hash == -1 { -2 } else { hash }
            }
        }
    )*};
}
hash_result!(u64, i64, isize, usize, u32, i32, u16, i16, u8, i8);

/// `__hash__`'s result, from a plain value or a `PyResult` of one.
pub trait IntoHashResult {
    /// The hash, or the error raised.
    fn into_hash_result(self) -> PyResult<ffi::Py_hash_t>;
}

impl<H: HashResult> IntoHashResult for H {
    #[inline]
    fn into_hash_result(self) -> PyResult<ffi::Py_hash_t> {
        Ok(self.into_hash())
    }
}

impl<H: HashResult, E: Into<PyErr>> IntoHashResult for Result<H, E> {
    #[inline]
    fn into_hash_result(self) -> PyResult<ffi::Py_hash_t> {
        self.map(HashResult::into_hash).map_err(Into::into)
    }
}

/// Results of slots that return a plain C value (`__len__` -> usize, `__bool__` -> bool,
/// `__contains__` -> bool, `__setitem__` -> ()), from a value or a `PyResult` of one.
pub trait IntoSlotResult<R> {
    /// The C value, or the error raised.
    fn into_slot_result(self) -> PyResult<R>;
}

impl IntoSlotResult<ffi::Py_ssize_t> for usize {
    #[inline]
    fn into_slot_result(self) -> PyResult<ffi::Py_ssize_t> {
        len_result(self)
    }
}

impl IntoSlotResult<c_int> for bool {
    #[inline]
    fn into_slot_result(self) -> PyResult<c_int> {
        Ok(c_int::from(self))
    }
}

impl IntoSlotResult<c_int> for () {
    #[inline]
    fn into_slot_result(self) -> PyResult<c_int> {
        Ok(0)
    }
}

impl<T: IntoSlotResult<R>, R, E: Into<PyErr>> IntoSlotResult<R> for Result<T, E> {
    #[inline]
    fn into_slot_result(self) -> PyResult<R> {
        self.map_err(Into::into)?.into_slot_result()
    }
}

/// What `#[new]` may return: `T`, `(Sub, Base)`, `PyClassInitializer<T>`, or a `Result` of
/// any of them.
pub trait IntoInitializer<T: PyClass> {
    /// The initializer, or the error raised.
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>>;
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>> IntoInitializer<T> for U {
    #[inline]
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        Ok(self.into())
    }
}

impl<T: PyClass, U: Into<PyClassInitializer<T>>, E: Into<PyErr>> IntoInitializer<T>
    for Result<U, E>
{
    #[inline]
    fn into_initializer(self) -> PyResult<PyClassInitializer<T>> {
        self.map(Into::into).map_err(Into::into)
    }
}

/// Finishes `__new__`: creates the object of `subtype` (the class itself or a Python
/// subclass) from what `#[new]` returned.
///
/// # Safety
///
/// `subtype` is the type CPython passed to `tp_new`, a subtype of `T`.
#[inline]
pub unsafe fn new_object<T: PyClass>(
    py: Python<'_>,
    subtype: *mut ffi::PyTypeObject,
    result: impl IntoInitializer<T>,
) -> PyResult<*mut ffi::PyObject> {
    let initializer = result.into_initializer()?;
    // SAFETY: per the caller.
    unsafe { initializer.create_class_object_of_type(py, subtype) }.map(Bound::into_ptr)
}

/// `sq_item` of classes with `__getitem__` that are not `mapping`s: the index becomes an
/// `int` and goes to `mp_subscript`, so the sequence protocol (`iter()` over `__getitem__`,
/// `PySequence_GetItem`) works as for a Python class. Without `sq_length` (only `sequence`
/// classes have it) CPython passes negative indices through unchanged.
pub unsafe extern "C" fn sequence_item_from_mapping(
    slf: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    // SAFETY: CPython calls `sq_item` attached, with a live `slf`; the index object is a new
    // reference (or NULL with an error set) released after the call.
    unsafe {
        let index = ffi::PyLong_FromSsize_t(index);
        if index.is_null() {
            return std::ptr::null_mut();
        }
        let result = ffi::PyObject_GetItem(slf, index);
        ffi::Py_DECREF(index);
        result
    }
}

/// `sq_ass_item` of classes with `__setitem__`/`__delitem__` that are not `mapping`s: as
/// [`sequence_item_from_mapping`], forwarding to `mp_ass_subscript` (`value` NULL deletes).
pub unsafe extern "C" fn assign_sequence_item_from_mapping(
    slf: *mut ffi::PyObject,
    index: ffi::Py_ssize_t,
    value: *mut ffi::PyObject,
) -> c_int {
    // SAFETY: as in `sequence_item_from_mapping`; `value` is borrowed from the caller.
    unsafe {
        let index = ffi::PyLong_FromSsize_t(index);
        if index.is_null() {
            return -1;
        }
        let result = if value.is_null() {
            ffi::PyObject_DelItem(slf, index)
        } else {
            ffi::PyObject_SetItem(slf, index, value)
        };
        ffi::Py_DECREF(index);
        result
    }
}

/// `tp_new` of classes without `#[new]`: they cannot be instantiated from Python.
pub unsafe extern "C" fn no_constructor_defined(
    subtype: *mut ffi::PyTypeObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe fn body(
        py: Python<'_>,
        subtype: *mut ffi::PyTypeObject,
        _args: *mut ffi::PyObject,
        _kwargs: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject> {
        // SAFETY: `subtype` is the live type CPython passed.
        let ty = unsafe { Bound::from_borrowed_ptr(py, subtype.cast()).cast_into_unchecked() };
        let ty: Bound<'_, PyType> = ty;
        Err(PyTypeError::new_err(format!(
            "No constructor defined for {}",
            ty.name()?
        )))
    }
    // SAFETY: forwarded from CPython.
    unsafe { crate::impl_::trampoline::newfunc(subtype, args, kwargs, body) }
}

/// Drops a value, turning a panic in its `Drop` into an unraisable `PanicException`.
pub(crate) fn drop_catching_panics<T>(py: Python<'_>, value: T) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(move || drop(value))) {
        PanicException::from_panic_payload(payload).write_unraisable(py, None);
    }
}

/// `tp_traverse` of classes with `__traverse__`: visits what the value holds, unless the
/// value is mutably borrowed right now (then nothing is visited, rather than reading a value
/// being changed). No Python API may run here, so a panic is printed and aborts the visit.
///
/// # Safety
///
/// Called by the garbage collector with a live instance of `T` and its visitor.
pub unsafe fn traverse<T: PyClass>(
    slf: *mut ffi::PyObject,
    visit: ffi::visitproc,
    arg: *mut c_void,
    body: fn(&T, PyVisit<'_>) -> Result<(), PyTraverseError>,
) -> c_int {
    // SAFETY: per the caller, `slf` is a live instance of `T`.
    unsafe {
        if !T::Frozen::VALUE && layout::borrow_flag::<T>(slf).is_mutably_borrowed() {
            return 0;
        }
        let value = &*layout::value_ptr::<T>(slf);
        match catch_unwind(AssertUnwindSafe(|| body(value, PyVisit::new(visit, arg)))) {
            Ok(Ok(())) => 0,
            Ok(Err(error)) => error.into_inner(),
            Err(_) => {
                eprintln!("panic in __traverse__ of {}", std::any::type_name::<T>());
                0
            }
        }
    }
}

/// Converts a `#[pyo3(get)]` field. `(&&FieldProbe::<F>::NEW).field_into_ptr(py, &field)`
/// converts `&F` when that implements `IntoPyObject`, else clones the field (for `Clone`
/// fields such as other `#[pyclass]` values): method resolution tries the first impl first.
pub struct FieldProbe<F>(PhantomData<F>);

impl<F> FieldProbe<F> {
    /// The probe value.
    pub const NEW: Self = FieldProbe(PhantomData);
}

/// The by-reference conversion of a field.
pub trait FieldByRef<F> {
    /// Converts `&field` into a new reference.
    fn field_into_ptr(&self, py: Python<'_>, field: &F) -> PyResult<*mut ffi::PyObject>;
}

/// The by-clone conversion of a field.
pub trait FieldByClone<F> {
    /// Converts a clone of `field` into a new reference.
    fn field_into_ptr(&self, py: Python<'_>, field: &F) -> PyResult<*mut ffi::PyObject>;
}

impl<F> FieldByRef<F> for &FieldProbe<F>
where
    for<'a, 'py> &'a F: IntoPyObject<'py>,
{
    #[inline]
    fn field_into_ptr(&self, py: Python<'_>, field: &F) -> PyResult<*mut ffi::PyObject> {
        match field.into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().into_ptr()),
            Err(err) => Err(err.into()),
        }
    }
}

impl<F> FieldByClone<F> for FieldProbe<F>
where
    F: Clone + for<'py> IntoPyObject<'py>,
{
    #[inline]
    fn field_into_ptr(&self, py: Python<'_>, field: &F) -> PyResult<*mut ffi::PyObject> {
        match field.clone().into_pyobject(py) {
            Ok(obj) => Ok(obj.into_any().into_ptr()),
            Err(err) => Err(err.into()),
        }
    }
}

/// Reads a field for a getter: borrows the receiver shared (no borrow for frozen classes)
/// and converts what `read` returns.
///
/// # Safety
///
/// `slf` is the live receiver CPython passed.
#[inline]
pub unsafe fn get_field<T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    read: impl FnOnce(Python<'_>, &T) -> PyResult<*mut ffi::PyObject>,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller.
    let value = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    read(py, value)
}

/// Writes a field for a setter: converts the new value, then borrows the receiver
/// exclusively and hands both to `write`. A value that does not convert raises the
/// conversion's error prefixed with `argument '<field>': `, as PyO3 reports it.
///
/// # Safety
///
/// `slf` is the live receiver and `value` NULL (deletion) or a live object.
#[inline]
pub unsafe fn set_field<T: MutablePyClass, F>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    field: &'static str,
    write: impl FnOnce(&mut T, F),
) -> PyResult<c_int>
where
    F: for<'a, 'py> crate::conversion::FromPyObject<'a, 'py>,
{
    // SAFETY: per the caller.
    let value = unsafe { setter_value(py, &value)? };
    let value = value.extract::<F>().map_err(|err| {
        crate::impl_::extract_argument::argument_extraction_error(py, field, err.into())
    })?;
    let mut holder = None;
    // SAFETY: per the caller.
    let target = unsafe { self_mut::<T>(py, &slf, &mut holder)? };
    write(target, value);
    Ok(0)
}

/// Checks at compile time that `T` is a `#[pyclass]` whose instances may be written: the
/// message for `set` or `&mut self` on a `frozen` class.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is a `frozen` class: its values cannot be borrowed mutably",
    note = "remove `frozen` from the `#[pyclass]`, or use interior mutability (e.g. a `Mutex` or atomic field) with `&self`"
)]
pub trait MutablePyClass: PyClass<Frozen = False> {
    /// Borrows `obj` exclusively (the bound lives here so that misuse reports this trait).
    fn borrow_guard_mut<'a>(
        obj: &'a Bound<'_, Self>,
    ) -> Result<PyClassGuardMut<'a, Self>, crate::pyclass::PyBorrowMutError> {
        PyClassGuardMut::try_borrow(obj)
    }
}

// Implemented by `#[pyclass]` for each class that is not `frozen` (rather than for every
// `PyClass<Frozen = False>`), so that a frozen class reports the message above.

/// Asserts `MutablePyClass` for `T` (used by generated code at the user's span).
#[inline(always)]
pub fn assert_mutable<T: MutablePyClass>() {}

/// The type object of `T`, created if needed, or the error that prevents its creation.
pub fn type_object_or_err<T: PyClassImpl>(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    T::lazy_type_object().get_or_try_init(py)
}

/// `tp_richcompare` of `#[pyclass(eq)]`: `==` and `!=` from `PartialEq`; other operators
/// and other operand types give `NotImplemented`.
///
/// # Safety
///
/// Called through the `richcompare` boundary with CPython's arguments.
pub unsafe fn richcompare_eq<T: PyClass + PartialEq>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the caller.
    unsafe {
        compare_with(py, slf, other, |a: &T, b: &T| match op {
            ffi::Py_EQ => Some(a == b),
            ffi::Py_NE => Some(a != b),
            _ => None,
        })
    }
}

/// `tp_richcompare` of `#[pyclass(eq, ord)]`: every operator, from `PartialOrd`.
///
/// # Safety
///
/// Called through the `richcompare` boundary with CPython's arguments.
pub unsafe fn richcompare_ord<T: PyClass + PartialOrd>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the caller.
    unsafe {
        compare_with(py, slf, other, |a: &T, b: &T| match op {
            ffi::Py_EQ => Some(a == b),
            ffi::Py_NE => Some(a != b),
            ffi::Py_LT => Some(a < b),
            ffi::Py_LE => Some(a <= b),
            ffi::Py_GT => Some(a > b),
            ffi::Py_GE => Some(a >= b),
            _ => None,
        })
    }
}

/// Borrows both operands and compares them; `NotImplemented` when `other` is not a `T` or
/// `compare` has no answer.
unsafe fn compare_with<T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    compare: impl FnOnce(&T, &T) -> Option<bool>,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller, both are live objects.
    let this = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    // SAFETY: per the caller, `other` is a live object.
    let other = unsafe { bound_arg(py, &other) };
    let Ok(other) = other.cast::<T>() else {
        return Ok(not_implemented(py));
    };
    let other = PyRef::try_borrow(other)?;
    Ok(match compare(this, &other) {
        Some(result) => crate::types::PyBool::new(py, result).to_owned().into_ptr(),
        None => not_implemented(py),
    })
}

/// `tp_hash` of `#[pyclass(frozen, eq, hash)]`, from `Hash`.
///
/// # Safety
///
/// Called through the `ssize` boundary with CPython's argument.
pub unsafe fn hash_derived<T: PyClass + std::hash::Hash>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
) -> PyResult<ffi::Py_hash_t> {
    use std::hash::Hasher;
    let mut holder = None;
    // SAFETY: per the caller.
    let value = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    Ok(hasher.finish().into_hash())
}

/// `tp_str` of `#[pyclass(str)]`, from `Display`.
///
/// # Safety
///
/// Called through the `unary` boundary with CPython's argument.
pub unsafe fn str_display<T: PyClass + std::fmt::Display>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller.
    let value = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    Ok(string_result(py, &value.to_string()))
}

/// A new `str` reference holding `text`.
pub fn string_result(py: Python<'_>, text: &str) -> *mut ffi::PyObject {
    crate::types::PyString::new(py, text).into_ptr()
}

/// `tp_getattro` with `__getattr__`: the normal lookup first; `None` when it raised
/// `AttributeError` (then `__getattr__` runs).
///
/// # Safety
///
/// `slf` and `name` are live objects.
pub unsafe fn generic_getattr(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
) -> PyResult<Option<*mut ffi::PyObject>> {
    // SAFETY: per the caller.
    let found = unsafe { ffi::PyObject_GenericGetAttr(slf, name) };
    if !found.is_null() {
        return Ok(Some(found));
    }
    let err = PyErr::fetch(py);
    if err.is_instance_of::<PyAttributeError>(py) {
        Ok(None)
    } else {
        Err(err)
    }
}

/// `not result` for `!=` derived from `__eq__`; `NotImplemented` passes through.
///
/// # Safety
///
/// `result` is a new reference.
pub unsafe fn negate(py: Python<'_>, result: *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the caller, we own `result`.
    let result = unsafe { Bound::from_owned_ptr(py, result) };
    if result.is(py.NotImplemented().bind(py)) {
        return Ok(result.into_ptr());
    }
    let truth = result.is_truthy()?;
    Ok(crate::types::PyBool::new(py, !truth).to_owned().into_ptr())
}

/// A new reference to `obj`.
///
/// # Safety
///
/// `obj` is a live object.
pub unsafe fn new_reference(obj: *mut ffi::PyObject) -> *mut ffi::PyObject {
    // SAFETY: per the caller.
    unsafe { ffi::Py_INCREF(obj) };
    obj
}

/// The normal attribute lookup, for `tp_getattro` before `__getattr__`.
///
/// # Safety
///
/// `slf` and `name` are live objects.
pub unsafe fn generic_getattr_or_error(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the caller.
    let found = unsafe { ffi::PyObject_GenericGetAttr(slf, name) };
    if found.is_null() {
        Err(PyErr::fetch(py))
    } else {
        Ok(found)
    }
}

/// The normal attribute assignment (NULL `value`: deletion), for the half of
/// `__setattr__`/`__delattr__` a class does not define.
///
/// # Safety
///
/// `slf` and `name` are live objects, `value` NULL or a live object.
pub unsafe fn generic_setattr(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> PyResult<c_int> {
    // SAFETY: per the caller.
    match unsafe { ffi::PyObject_GenericSetAttr(slf, name, value) } {
        -1 => Err(PyErr::fetch(py)),
        _ => Ok(0),
    }
}

/// `ptr`, or `None` (borrowed) when it is NULL.
#[inline]
pub fn or_none(py: Python<'_>, ptr: *mut ffi::PyObject) -> *mut ffi::PyObject {
    if ptr.is_null() {
        py.None().as_ptr()
    } else {
        ptr
    }
}

/// `__anext__`'s end (`None`) raises `StopAsyncIteration`.
#[inline]
pub fn anext_result(next: *mut ffi::PyObject) -> PyResult<*mut ffi::PyObject> {
    if next.is_null() {
        Err(crate::exceptions::PyStopAsyncIteration::new_err(()))
    } else {
        Ok(next)
    }
}

/// `__repr__` of a simple enum: `Class.Variant`.
///
/// # Safety
///
/// Called through the `unary` boundary with CPython's argument.
pub unsafe fn enum_repr<T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    name: fn(&T) -> &'static str,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller.
    let value = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    Ok(string_result(py, name(value)))
}

/// `__int__` of a simple enum: the discriminant.
///
/// # Safety
///
/// Called through the `unary` boundary with CPython's argument.
pub unsafe fn enum_int<T: PyClass>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    discriminant: fn(&T) -> isize,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller.
    let value = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    Ok(discriminant(value).into_pyobject(py)?.into_ptr())
}

/// `tp_richcompare` of `#[pyclass(eq, eq_int)]` enums: variants compare with variants
/// (`PartialEq`) and with integers (the discriminant), `==` and `!=` only.
///
/// # Safety
///
/// Called through the `richcompare` boundary with CPython's arguments.
pub unsafe fn enum_richcompare<T: PyClass + PartialEq>(
    py: Python<'_>,
    slf: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
    discriminant: fn(&T) -> isize,
) -> PyResult<*mut ffi::PyObject> {
    let mut holder = None;
    // SAFETY: per the caller, both are live objects.
    let this = unsafe { self_ref::<T>(py, &slf, &mut holder)? };
    // SAFETY: as above.
    let other = unsafe { bound_arg(py, &other) };
    let equal = if let Ok(other) = other.cast::<T>() {
        *this == *PyRef::try_borrow(other)?
    } else if let Ok(number) = other.extract::<isize>() {
        discriminant(this) == number
    } else {
        return Ok(not_implemented(py));
    };
    let result = match op {
        ffi::Py_EQ => equal,
        ffi::Py_NE => !equal,
        _ => return Ok(not_implemented(py)),
    };
    Ok(crate::types::PyBool::new(py, result).to_owned().into_ptr())
}

/// The object a conversion returned as a new reference, owned.
#[inline]
pub fn owned_object(
    py: Python<'_>,
    ptr: PyResult<*mut ffi::PyObject>,
) -> PyResult<crate::Py<PyAny>> {
    // SAFETY: a successful conversion returns a new, non-null reference.
    ptr.map(|ptr| unsafe { Bound::from_owned_ptr(py, ptr) }.unbind())
}

/// The error when a complex enum's value no longer holds its subclass's variant (a method
/// with `&mut self` replaced it).
#[cold]
pub fn variant_changed() -> PyErr {
    PyTypeError::new_err("the enum value no longer holds this variant")
}

/// `__class_getitem__` of `#[pyclass(generic)]`: `Class[item]` is
/// `types.GenericAlias(Class, item)`, as for the builtin generic types (PEP 585).
///
/// # Safety
///
/// Called by CPython as a `METH_FASTCALL | METH_KEYWORDS | METH_CLASS` method.
pub unsafe extern "C" fn class_getitem(
    cls: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    unsafe fn body(
        py: Python<'_>,
        cls: *mut ffi::PyObject,
        args: *const *mut ffi::PyObject,
        nargs: ffi::Py_ssize_t,
        kwnames: *mut ffi::PyObject,
    ) -> PyResult<*mut ffi::PyObject> {
        const DESCRIPTION: crate::impl_::extract_argument::FunctionDescription =
            crate::impl_::extract_argument::FunctionDescription {
                func_name: "__class_getitem__",
                positional_parameter_names: &["item"],
                positional_only_parameters: 1,
                required_positional_parameters: 1,
                keyword_only_parameters: &[],
                accepts_varargs: false,
                accepts_varkeywords: false,
            };
        let mut output = [None; 1];
        // SAFETY: CPython's vectorcall arguments.
        unsafe { DESCRIPTION.extract_arguments_fastcall(py, args, nargs, kwnames, &mut output)? };
        let item = crate::impl_::extract_argument::unwrap_required_argument(output[0]);
        // SAFETY: `cls` is the class CPython passed.
        let cls = unsafe { bound_arg(py, &cls) };
        let alias = py
            .import("types")?
            .getattr("GenericAlias")?
            .call1((cls, item))?;
        Ok(alias.into_ptr())
    }
    // SAFETY: forwarded from CPython.
    unsafe { crate::impl_::trampoline::fastcall_with_keywords(cls, args, nargs, kwnames, body) }
}
