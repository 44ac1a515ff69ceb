//! The hidden runtime of `#[pyclass]`: the traits the macro implements ([`PyClassImpl`],
//! [`PyClassBaseType`]), the object layout and borrow flag (`layout`), the lazily created
//! type object (`lazy_type`, `create_type`), the generic slot and accessor trampolines
//! (`slots`), and the static tables the macros fill (`items`).

mod create_type;
pub mod items;
pub mod layout;
mod lazy_type;
pub mod slots;

pub use items::{
    ClassAttributeDef, GetterDef, MethodDef, PyClassInfo, PyClassItems, SetterDef, SlotDef,
    NO_ITEMS,
};
pub use layout::{
    BorrowFlag, DictSlot, NoSlot, PyClassObject, SendableChecker, ThreadChecker, UnsendableChecker,
    WeakRefSlot,
};
pub use lazy_type::LazyTypeObject;

/// The slot id of `bf_getbuffer` (`Py_bf_getbuffer`, the same number in every version).
pub const BF_GETBUFFER: std::os::raw::c_int = 1;
/// The slot id of `bf_releasebuffer` (`Py_bf_releasebuffer`).
pub const BF_RELEASEBUFFER: std::os::raw::c_int = 2;

use crate::ffi;
use crate::impl_::pyclass_init::{PyNativeTypeInitializer, PyObjectInit};
use crate::pyclass::PyClass;
use crate::pyclass_init::PyClassInitializer;
use crate::type_object::PyTypeInfo;
use crate::types::PyAny;
use crate::Python;

/// What `#[pyclass]` implements for every class: where its static description lives, its
/// base class and the optional parts of its layout.
pub trait PyClassImpl: Sized + 'static {
    /// The base class (`PyAny` for `object`).
    type BaseType: PyTypeInfo + PyClassBaseType;
    /// `SendableChecker`, or `UnsendableChecker` for `unsendable` classes.
    type ThreadChecker: ThreadChecker;
    /// `DictSlot` for `dict` classes, else `NoSlot`.
    type Dict: InstanceSlot;
    /// `WeakRefSlot` for `weakref` classes, else `NoSlot`.
    type WeakRef: InstanceSlot;

    /// Name, module, docstring and flags.
    fn class_info() -> &'static PyClassInfo;
    /// The items generated from the struct itself (field accessors, derived slots).
    fn intrinsic_items() -> &'static PyClassItems;
    /// The items of the class's `#[pymethods]` block, if it has one.
    fn method_items() -> &'static PyClassItems;
    /// The type object, created on first use.
    fn lazy_type_object() -> &'static LazyTypeObject<Self>;

    /// With `multiple-pymethods`: the type that each `#[pymethods]` block of the class
    /// submits its items as.
    #[cfg(feature = "multiple-pymethods")]
    type Inventory: PyClassInventory;

    /// The items of every `#[pymethods]` block beyond [`method_items`](Self::method_items)
    /// (all of them, with `multiple-pymethods`).
    fn inventory_items() -> Vec<&'static PyClassItems> {
        Vec::new()
    }
}

/// One `#[pymethods]` block's items, collected with `multiple-pymethods`.
#[cfg(feature = "multiple-pymethods")]
pub trait PyClassInventory: inventory::Collect {
    /// The block's items.
    fn items(&'static self) -> &'static PyClassItems;
}

/// A slot of the object layout that only some classes have (`__dict__`, `__weakref__`).
pub trait InstanceSlot: Sized {
    /// Whether the class has the slot (`false` for the zero-sized `NoSlot`).
    const PRESENT: bool;
    /// The value of a new object's slot.
    const INIT: Self;
    /// Releases what the slot holds when the object dies.
    ///
    /// # Safety
    ///
    /// `obj` is the dying object, which holds this slot.
    unsafe fn clear(&mut self, obj: *mut ffi::PyObject);
}

/// A type that a `#[pyclass]` may extend: `PyAny` (for `object`), a native type whose
/// layout this crate knows, or another `#[pyclass(subclass)]`.
///
/// # Safety
///
/// `LayoutAsBase` must be the `#[repr(C)]` layout of the base's instances, and
/// `dealloc_base` must release everything the base part of an object holds.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as the base class of a `#[pyclass]`",
    note = "a `#[pyclass]` can extend another `#[pyclass(subclass)]`, or a native type such as `PyException`; add `subclass` to `{Self}`'s `#[pyclass]`",
    note = "native base classes other than `object` need the full C API: they are not available with the `abi3` feature"
)]
pub unsafe trait PyClassBaseType: Sized {
    /// The layout of an instance of this type, which a subclass's layout starts with.
    type LayoutAsBase;
    /// The first native type in the chain of bases.
    type BaseNativeType;
    /// What creates the base part of a new object.
    type Initializer: PyObjectInit<Self>;
    /// Whether the base (and so every subclass) is frozen.
    type PyClassMutability;

    /// Drops the Rust values of this level and of every `#[pyclass]` level below it, then
    /// frees the object through the native base.
    ///
    /// # Safety
    ///
    /// `obj` is a dying instance of a class extending `Self`, attached to `py`.
    unsafe fn dealloc_base(py: Python<'_>, obj: *mut ffi::PyObject);

    /// The object's borrow flag, if this type is a `#[pyclass]` (the root class of the
    /// chain holds the one flag every level shares).
    ///
    /// # Safety
    ///
    /// `obj` is a live instance of a class extending `Self`, alive for `'a`.
    unsafe fn root_borrow_flag<'a>(obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag>;
}

/// Marks a `#[pyclass(subclass)]`, which may then be extended by other `#[pyclass]`es.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be extended by another `#[pyclass]`",
    note = "add `subclass` to the `#[pyclass]` of `{Self}`: `#[pyclass(subclass)]`"
)]
pub trait PyClassSubclassable: PyClass {}

// SAFETY: a `#[pyclass]` instance is laid out as its `PyClassObject`.
unsafe impl<T: PyClassImpl> crate::type_object::PyLayout<T> for PyClassObject<T> {}
impl<T: PyClass> crate::type_object::PySizedLayout<T> for PyClassObject<T> {}

// SAFETY: `object`'s instances are `PyObject`s; `tp_free` releases them.
unsafe impl PyClassBaseType for PyAny {
    type LayoutAsBase = ffi::PyObject;
    type BaseNativeType = PyAny;
    type Initializer = PyNativeTypeInitializer<PyAny>;
    type PyClassMutability = crate::pyclass::boolean_struct::False;

    unsafe fn dealloc_base(py: Python<'_>, obj: *mut ffi::PyObject) {
        // SAFETY: per the caller.
        unsafe { layout::dealloc_native(py, obj, PyAny::type_object_raw(py)) }
    }

    unsafe fn root_borrow_flag<'a>(_obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag> {
        None
    }
}

// SAFETY: a `#[pyclass]` instance is laid out as `PyClassObject<T>`; its own contents are
// dropped here and the rest is handed to its base, down to the native type.
unsafe impl<T: PyClassSubclassable> PyClassBaseType for T {
    type LayoutAsBase = PyClassObject<T>;
    type BaseNativeType = <T::BaseType as PyClassBaseType>::BaseNativeType;
    type Initializer = PyClassInitializer<T>;
    type PyClassMutability = T::Frozen;

    unsafe fn dealloc_base(py: Python<'_>, obj: *mut ffi::PyObject) {
        // SAFETY: per the caller, `obj` is a dying instance of `T` or of a subclass.
        unsafe {
            layout::drop_contents::<T>(py, obj);
            <T::BaseType as PyClassBaseType>::dealloc_base(py, obj);
        }
    }

    unsafe fn root_borrow_flag<'a>(obj: *mut ffi::PyObject) -> Option<&'a BorrowFlag> {
        // SAFETY: per the caller.
        Some(unsafe { layout::borrow_flag::<T>(obj) })
    }
}

/// Frees a dying object through its native base `T` (the base part of a class extending a
/// native type declared with `pyobject_subclassable_native_type!`).
///
/// # Safety
///
/// `obj` is a dying instance of a class whose native base is `T`, attached to `py`, and
/// every Rust level of it has been dropped.
#[doc(hidden)]
#[inline]
pub unsafe fn dealloc_native_base<T: PyTypeInfo>(py: Python<'_>, obj: *mut ffi::PyObject) {
    // SAFETY: per the caller.
    unsafe { layout::dealloc_native(py, obj, T::type_object_raw(py)) }
}

/// Implements `PyClassBaseType` (and `PyLayout`) for native types, each with its C
/// instance layout, through the same exported macros client crates use.
macro_rules! native_base {
    ($($(#[$cfg:meta])* $ty:ty => $layout:path;)*) => {$(
        $(#[$cfg])*
        crate::pyobject_native_type_sized!($ty, $layout);
        $(#[$cfg])*
        crate::pyobject_subclassable_native_type!($ty, $layout);
    )*};
}

native_base! {
    // Containers and numbers: a subclass's value follows the native struct.
    #[cfg(not(limited_api_only))]
    crate::types::PyList => ffi::PyListObject;
    #[cfg(not(limited_api_only))]
    crate::types::PyDict => ffi::PyDictObject;
    #[cfg(not(limited_api_only))]
    crate::types::PySet => ffi::PySetObject;
    #[cfg(not(limited_api_only))]
    crate::types::PyFrozenSet => ffi::PySetObject;
    #[cfg(not(limited_api_only))]
    crate::types::PyFloat => ffi::PyFloatObject;
    #[cfg(not(limited_api_only))]
    crate::types::PyComplex => ffi::PyComplexObject;
    #[cfg(not(limited_api_only))]
    crate::types::PyDate => ffi::PyDateTime_Date;
    #[cfg(not(limited_api_only))]
    crate::types::PyDateTime => ffi::PyDateTime_DateTime;
    #[cfg(not(limited_api_only))]
    crate::types::PyTime => ffi::PyDateTime_Time;
    #[cfg(not(limited_api_only))]
    crate::types::PyDelta => ffi::PyDateTime_Delta;
    #[cfg(not(limited_api_only))]
    crate::types::PyTzInfo => ffi::PyObject;
    // Exceptions: each with the instance struct CPython gives it (the `OSError` family's
    // extra fields, `StopIteration.value`, ...), so a subclass's value never overlaps them.
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyBaseException => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyException => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyStopAsyncIteration => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyGeneratorExit => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyArithmeticError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyLookupError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyAssertionError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyBufferError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyEOFError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyFloatingPointError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyIndexError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyKeyError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyKeyboardInterrupt => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyMemoryError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyOverflowError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyRuntimeError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyRecursionError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyNotImplementedError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyReferenceError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PySystemError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyTypeError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyValueError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyZeroDivisionError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUserWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyDeprecationWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyPendingDeprecationWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PySyntaxWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyRuntimeWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyFutureWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyImportWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUnicodeWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyBytesWarning => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyResourceWarning => ffi::PyBaseExceptionObject;
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    crate::exceptions::PyEncodingWarning => ffi::PyBaseExceptionObject;
    #[cfg(all(Py_3_13, not(limited_api_only)))]
    crate::exceptions::PyPythonFinalizationError => ffi::PyBaseExceptionObject;
    #[cfg(all(Py_3_11, not(limited_api_only)))]
    crate::exceptions::PyBaseExceptionGroup => ffi::PyBaseExceptionGroupObject;
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    crate::exceptions::PyAttributeError => ffi::PyAttributeErrorObject;
    #[cfg(all(not(Py_3_10), not(limited_api_only)))]
    crate::exceptions::PyAttributeError => ffi::PyBaseExceptionObject;
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    crate::exceptions::PyNameError => ffi::PyNameErrorObject;
    #[cfg(all(not(Py_3_10), not(limited_api_only)))]
    crate::exceptions::PyNameError => ffi::PyBaseExceptionObject;
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    crate::exceptions::PyUnboundLocalError => ffi::PyNameErrorObject;
    #[cfg(all(not(Py_3_10), not(limited_api_only)))]
    crate::exceptions::PyUnboundLocalError => ffi::PyBaseExceptionObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyImportError => ffi::PyImportErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyModuleNotFoundError => ffi::PyImportErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyOSError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyEnvironmentError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyIOError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyBlockingIOError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyBrokenPipeError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyChildProcessError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyConnectionError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyConnectionAbortedError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyConnectionRefusedError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyConnectionResetError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyFileExistsError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyFileNotFoundError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyInterruptedError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyIsADirectoryError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyNotADirectoryError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyPermissionError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyProcessLookupError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyTimeoutError => ffi::PyOSErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyStopIteration => ffi::PyStopIterationObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PySyntaxError => ffi::PySyntaxErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyIndentationError => ffi::PySyntaxErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyTabError => ffi::PySyntaxErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PySystemExit => ffi::PySystemExitObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUnicodeError => ffi::PyUnicodeErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUnicodeDecodeError => ffi::PyUnicodeErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUnicodeEncodeError => ffi::PyUnicodeErrorObject;
    #[cfg(not(limited_api_only))]
    crate::exceptions::PyUnicodeTranslateError => ffi::PyUnicodeErrorObject;
}

/// A `#[pyclass]` extending a native exception type on PyPy. Its `cpyext` lays an exception
/// instance out as a bare `PyObject` (the exception's fields live on PyPy's side, reached
/// through the C API), so the class's value follows the object header there.
#[cfg(PyPy)]
macro_rules! pypy_exception_base {
    ($($(#[$cfg:meta])* $ty:ty,)*) => {$(
        $(#[$cfg])*
        crate::pyobject_native_type_sized!($ty, ffi::PyObject);
        $(#[$cfg])*
        crate::__pyo3_native_base_impl!($ty, ffi::PyObject);
    )*};
}

#[cfg(PyPy)]
pypy_exception_base! {
    crate::exceptions::PyBaseException,
    crate::exceptions::PyException,
    crate::exceptions::PyStopAsyncIteration,
    crate::exceptions::PyGeneratorExit,
    crate::exceptions::PyArithmeticError,
    crate::exceptions::PyLookupError,
    crate::exceptions::PyAssertionError,
    crate::exceptions::PyBufferError,
    crate::exceptions::PyEOFError,
    crate::exceptions::PyFloatingPointError,
    crate::exceptions::PyIndexError,
    crate::exceptions::PyKeyError,
    crate::exceptions::PyKeyboardInterrupt,
    crate::exceptions::PyMemoryError,
    crate::exceptions::PyOverflowError,
    crate::exceptions::PyRuntimeError,
    crate::exceptions::PyRecursionError,
    crate::exceptions::PyNotImplementedError,
    crate::exceptions::PyReferenceError,
    crate::exceptions::PySystemError,
    crate::exceptions::PyTypeError,
    crate::exceptions::PyValueError,
    crate::exceptions::PyZeroDivisionError,
    crate::exceptions::PyWarning,
    crate::exceptions::PyUserWarning,
    crate::exceptions::PyDeprecationWarning,
    crate::exceptions::PyPendingDeprecationWarning,
    crate::exceptions::PySyntaxWarning,
    crate::exceptions::PyRuntimeWarning,
    crate::exceptions::PyFutureWarning,
    crate::exceptions::PyImportWarning,
    crate::exceptions::PyUnicodeWarning,
    crate::exceptions::PyBytesWarning,
    crate::exceptions::PyResourceWarning,
    #[cfg(Py_3_10)]
    crate::exceptions::PyEncodingWarning,
    #[cfg(Py_3_13)]
    crate::exceptions::PyPythonFinalizationError,
    #[cfg(Py_3_11)]
    crate::exceptions::PyBaseExceptionGroup,
    #[cfg(Py_3_10)]
    crate::exceptions::PyAttributeError,
    #[cfg(Py_3_10)]
    crate::exceptions::PyNameError,
    #[cfg(Py_3_10)]
    crate::exceptions::PyUnboundLocalError,
    crate::exceptions::PyImportError,
    crate::exceptions::PyModuleNotFoundError,
    crate::exceptions::PyOSError,
    crate::exceptions::PyEnvironmentError,
    crate::exceptions::PyIOError,
    crate::exceptions::PyBlockingIOError,
    crate::exceptions::PyBrokenPipeError,
    crate::exceptions::PyChildProcessError,
    crate::exceptions::PyConnectionError,
    crate::exceptions::PyConnectionAbortedError,
    crate::exceptions::PyConnectionRefusedError,
    crate::exceptions::PyConnectionResetError,
    crate::exceptions::PyFileExistsError,
    crate::exceptions::PyFileNotFoundError,
    crate::exceptions::PyInterruptedError,
    crate::exceptions::PyIsADirectoryError,
    crate::exceptions::PyNotADirectoryError,
    crate::exceptions::PyPermissionError,
    crate::exceptions::PyProcessLookupError,
    crate::exceptions::PyTimeoutError,
    crate::exceptions::PyStopIteration,
    crate::exceptions::PySyntaxError,
    crate::exceptions::PyIndentationError,
    crate::exceptions::PyTabError,
    crate::exceptions::PySystemExit,
    crate::exceptions::PyUnicodeError,
    crate::exceptions::PyUnicodeDecodeError,
    crate::exceptions::PyUnicodeEncodeError,
    crate::exceptions::PyUnicodeTranslateError,
}

/// Marks a `#[pyclass]` that is `Clone`, so that it can be extracted by value (a copy of
/// the value inside the object). `#[pyclass]` implements it unless `skip_from_py_object`.
pub trait ExtractPyClassWithClone {}

impl<'a, 'py, T> crate::conversion::FromPyObject<'a, 'py> for T
where
    T: PyClass + Clone + ExtractPyClassWithClone,
{
    type Error = crate::pyclass::PyClassGuardError<'a, 'py>;

    fn extract(obj: crate::Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        let guard: crate::pyclass::PyClassGuard<'a, T> = obj.extract()?;
        Ok((*guard).clone())
    }
}

/// How the `#[pymethods]` block of a class is found: `#[pymethods]` implements
/// [`PyMethods`] for `PyClassImplCollector<T>`, and method resolution prefers that impl
/// (taking the collector by value) over [`PyMethodsFallback`] (by reference), which a class
/// without `#[pymethods]` gets.
pub struct PyClassImplCollector<T>(std::marker::PhantomData<T>);

impl<T> PyClassImplCollector<T> {
    /// The collector value.
    pub const NEW: Self = PyClassImplCollector(std::marker::PhantomData);
}

impl<T> Clone for PyClassImplCollector<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for PyClassImplCollector<T> {}

/// Implemented by `#[pymethods]` for its class.
pub trait PyMethods<T> {
    /// The block's items.
    fn py_methods(self) -> &'static PyClassItems;
}

/// What a class without `#[pymethods]` has.
pub trait PyMethodsFallback {
    /// No items.
    fn py_methods(self) -> &'static PyClassItems;
}

impl<T> PyMethodsFallback for &PyClassImplCollector<T> {
    fn py_methods(self) -> &'static PyClassItems {
        &NO_ITEMS
    }
}

/// The definition a declarative `#[pymodule] mod` adds a class through.
pub struct AddClassToModule<T>(std::marker::PhantomData<T>);

impl<T> AddClassToModule<T> {
    /// The definition (stateless).
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        AddClassToModule(std::marker::PhantomData)
    }
}

impl<T: PyClass> crate::impl_::pymodule::PyAddToModule for AddClassToModule<T> {
    fn add_to_module(
        &'static self,
        module: &crate::Bound<'_, crate::types::PyModule>,
    ) -> crate::PyResult<()> {
        crate::types::PyModuleMethods::add_class::<T>(module)
    }
}

/// Classes are shared between threads by Python, so their values must be `Send + Sync`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be shared between threads, which a `#[pyclass]` requires",
    note = "Python objects may be used from any thread: make `{Self}` `Send + Sync` (e.g. a `Mutex` around non-`Sync` fields), or mark it `#[pyclass(unsendable)]` to panic on access from other threads"
)]
pub trait PyClassSync {}

impl<T: Send + Sync> PyClassSync for T {}

/// Checked by generated code: the class may be shared between threads.
pub fn assert_pyclass_sync<T: PyClassSync>() {}

/// Checked by generated code: `extends = B` names a type that can be extended.
pub fn assert_base_type<B: PyClassBaseType>() {}

/// Evaluated by classes with `dict` or `weakref` (`AssertSlotsSupported::<Class>::OK`): the
/// stable ABI before 3.9 has no way to give a heap type these slots, so such a build fails
/// there, at compile time. Generic, so that only a class using the options evaluates it.
pub struct AssertSlotsSupported<T>(std::marker::PhantomData<T>);

impl<T> AssertSlotsSupported<T> {
    /// `()`, or a compile-time error where the slots are unavailable.
    #[cfg(not(all(limited_api_only, not(Py_3_9))))]
    pub const OK: () = ();
    /// `()`, or a compile-time error where the slots are unavailable.
    #[cfg(all(limited_api_only, not(Py_3_9)))]
    pub const OK: () = panic!(
        "`#[pyclass(dict)]` and `#[pyclass(weakref)]` need Python 3.9 or newer with the `abi3` feature: use `abi3-py39` or later"
    );
}

/// Evaluated by classes with `immutable_type` (`AssertImmutableTypeSupported::<Class>::OK`):
/// `Py_TPFLAGS_IMMUTABLETYPE` exists from 3.10, and the stable ABI honours it for types made
/// from a spec only from 3.14, so other builds fail at compile time, as PyO3's do.
pub struct AssertImmutableTypeSupported<T>(std::marker::PhantomData<T>);

impl<T> AssertImmutableTypeSupported<T> {
    /// `()`, or a compile-time error where the flag is unavailable.
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    pub const OK: () = ();
    /// `()`, or a compile-time error where the flag is unavailable.
    #[cfg(not(all(Py_3_10, not(limited_api_only))))]
    pub const OK: () = panic!(
        "`#[pyclass(immutable_type)]` requires Python >= 3.10 or >= 3.14 (ABI3); build for a newer Python or remove the option"
    );
}
