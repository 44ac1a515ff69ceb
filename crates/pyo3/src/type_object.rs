//! How Rust types name their Python type objects: `PyTypeInfo` for types with a concrete
//! type object, `PyTypeCheck` for anything that can be checked with `isinstance`.

use crate::ffi;
use crate::instance::Bound;
use crate::types::{PyAny, PyType};
use crate::Python;

/// A Rust type that stands for one Python type object.
///
/// # Safety
///
/// `type_object_raw` must return a valid, live type object, and values of `Self` must be
/// laid out as instances of that type.
pub unsafe trait PyTypeInfo: Sized {
    /// The Rust name of the type, used in error messages (e.g. `"PyString"`).
    const NAME: &'static str;
    /// The module the type lives in, if any.
    const MODULE: Option<&'static str>;

    /// The Python type hint naming this type (`typing.Any` unless the implementation says
    /// better).
    #[cfg(feature = "experimental-inspect")]
    const PYTHON_TYPE: &'static str = "typing.Any";

    /// The type object as a raw pointer (a borrowed reference).
    fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject;

    /// The type object.
    #[inline]
    fn type_object(py: Python<'_>) -> Bound<'_, PyType> {
        // SAFETY: `type_object_raw` returns a live type object; we take a new reference.
        unsafe {
            Bound::from_borrowed_ptr(py, Self::type_object_raw(py).cast()).cast_into_unchecked()
        }
    }

    /// Whether `object` is an instance of this type or of a subclass.
    #[inline]
    fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached (the `Bound` proves it); both pointers are valid.
        unsafe { ffi::PyObject_TypeCheck(object.as_ptr(), Self::type_object_raw(object.py())) != 0 }
    }

    /// Whether `object`'s type is exactly this type.
    #[inline]
    fn is_exact_type_of(object: &Bound<'_, PyAny>) -> bool {
        // SAFETY: attached; `Py_TYPE` reads the type of a live object.
        unsafe { ffi::Py_TYPE(object.as_ptr()) == Self::type_object_raw(object.py()) }
    }
}

/// A Rust type whose instances can be recognised with a type check (the target of
/// [`Bound::cast`]).
///
/// # Safety
///
/// `type_check` may only accept objects whose layout is that of `Self`'s instances, since
/// a successful check lets `&Bound<PyAny>` be reinterpreted as `&Bound<Self>`.
pub unsafe trait PyTypeCheck {
    /// The Rust-side name of the target, used by the older `DowncastError` messages.
    const NAME: &'static str;

    /// The Python type hint of the objects the check accepts. PyO3 requires it of every
    /// implementation; here it defaults to `typing.Any` so that implementations written
    /// without the feature keep compiling when it is enabled.
    #[cfg(feature = "experimental-inspect")]
    const PYTHON_TYPE: &'static str = "typing.Any";

    /// Whether `object` may be viewed as `Self`.
    fn type_check(object: &Bound<'_, PyAny>) -> bool;

    /// What `isinstance` would be given to perform this check: a type object, or a tuple
    /// of them. Cast error messages name it (`'int' object cannot be cast as 'str'`).
    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny>;
}

// SAFETY: `is_type_of` accepts instances of the type object (and its subclasses), which
// `PyTypeInfo`'s own contract says are laid out as `T`.
unsafe impl<T: PyTypeInfo> PyTypeCheck for T {
    const NAME: &'static str = T::NAME;

    #[cfg(feature = "experimental-inspect")]
    const PYTHON_TYPE: &'static str = <T as PyTypeInfo>::PYTHON_TYPE;

    #[inline]
    fn type_check(object: &Bound<'_, PyAny>) -> bool {
        T::is_type_of(object)
    }

    #[inline]
    fn classinfo_object(py: Python<'_>) -> Bound<'_, PyAny> {
        T::type_object(py).into_any()
    }
}

/// The C struct that instances of the Python type `T` are laid out as (`PyObject` for
/// `object`, `PyBaseExceptionObject` for exceptions, the class object of a `#[pyclass]`).
///
/// # Safety
///
/// Instances of `T`'s type object must start with `Self`'s layout.
pub unsafe trait PyLayout<T> {}

/// A [`PyLayout`] whose size is known, so that subclasses can be laid out after it.
pub trait PySizedLayout<T>: PyLayout<T> + Sized {}

// SAFETY: every object starts with `PyObject`.
unsafe impl PyLayout<crate::types::PyAny> for ffi::PyObject {}
impl PySizedLayout<crate::types::PyAny> for ffi::PyObject {}

// Types that cannot be extended from Rust but whose instance struct is still named, as in
// PyO3 (the classes that can be extended are declared with their bases in
// `impl_::pyclass`).
// SAFETY: a `bool` is an object (its `int` payload follows, which this layout leaves out).
unsafe impl PyLayout<crate::types::PyBool> for ffi::PyObject {}
impl PySizedLayout<crate::types::PyBool> for ffi::PyObject {}
#[cfg(not(limited_api_only))]
// SAFETY: `slice` instances are `PySliceObject`s.
unsafe impl PyLayout<crate::types::PySlice> for ffi::PySliceObject {}
#[cfg(not(limited_api_only))]
impl PySizedLayout<crate::types::PySlice> for ffi::PySliceObject {}
#[cfg(not(limited_api_only))]
// SAFETY: `weakref.ref` instances are `_PyWeakReference`s.
unsafe impl PyLayout<crate::types::PyWeakrefReference> for ffi::_PyWeakReference {}
#[cfg(not(limited_api_only))]
impl PySizedLayout<crate::types::PyWeakrefReference> for ffi::_PyWeakReference {}

/// `PyBaseExceptionObject` is also a layout of the exceptions whose own instance struct
/// extends it (`OSError`'s, `ImportError`'s, the Unicode errors', ...): it is the prefix
/// every exception instance starts with. A subclass's base part still uses the full struct
/// (`PyClassBaseType::LayoutAsBase` names it), so these impls choose nothing.
macro_rules! exception_prefix_layout {
    (#[cfg($cond:meta)] $($name:ident),* $(,)?) => {$(
        #[cfg($cond)]
        // SAFETY: every exception instance starts with `PyBaseExceptionObject`.
        unsafe impl PyLayout<crate::exceptions::$name> for ffi::PyBaseExceptionObject {}
        #[cfg($cond)]
        impl PySizedLayout<crate::exceptions::$name> for ffi::PyBaseExceptionObject {}
    )*};
}

exception_prefix_layout!(
    #[cfg(not(limited_api_only))]
    PyBlockingIOError,
    PyBrokenPipeError,
    PyChildProcessError,
    PyConnectionAbortedError,
    PyConnectionError,
    PyConnectionRefusedError,
    PyConnectionResetError,
    PyEnvironmentError,
    PyFileExistsError,
    PyFileNotFoundError,
    PyIOError,
    PyImportError,
    PyInterruptedError,
    PyIsADirectoryError,
    PyModuleNotFoundError,
    PyNotADirectoryError,
    PyPermissionError,
    PyProcessLookupError,
    PyTimeoutError,
    PyUnicodeDecodeError,
    PyUnicodeEncodeError,
    PyUnicodeTranslateError,
);
exception_prefix_layout!(
    #[cfg(all(Py_3_10, not(limited_api_only)))]
    PyAttributeError,
    PyNameError,
    PyUnboundLocalError,
);
exception_prefix_layout!(
    #[cfg(all(Py_3_11, not(limited_api_only)))]
    PyBaseExceptionGroup,
);
