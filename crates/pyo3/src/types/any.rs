//! `PyAny`, any Python object, and `PyAnyMethods`: the object protocol (attributes, calls,
//! comparisons, items, truth, hashing, `str`/`repr`, type checks, extraction).

use std::cell::UnsafeCell;
use std::cmp::Ordering;
use std::os::raw::c_int;

use crate::call::PyCallArgs;
use crate::conversion::to_any;
use crate::conversion::{BoundObject, FromPyObject, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::type_object::{PyTypeCheck, PyTypeInfo};
use crate::types::{PyDict, PyIterator, PyList, PyString, PyType};
use crate::{PyErr, PyResult, Python};

/// Any Python object. Used as `Bound<'py, PyAny>`.
#[repr(transparent)]
pub struct PyAny(UnsafeCell<ffi::PyObject>);

// SAFETY: `PyBaseObject_Type` is `object`, a static type; everything is an instance of it.
unsafe impl PyTypeInfo for PyAny {
    const NAME: &'static str = "PyAny";
    const MODULE: Option<&'static str> = Some("builtins");

    #[inline]
    fn type_object_raw(_py: Python<'_>) -> *mut ffi::PyTypeObject {
        std::ptr::addr_of_mut!(ffi::PyBaseObject_Type)
    }

    #[inline]
    fn is_type_of(_object: &Bound<'_, PyAny>) -> bool {
        true
    }
}

type UnaryFn = unsafe extern "C" fn(*mut ffi::PyObject) -> *mut ffi::PyObject;
type BinaryFn = unsafe extern "C" fn(*mut ffi::PyObject, *mut ffi::PyObject) -> *mut ffi::PyObject;

/// Applies one of the `PyNumber_*` unary operations.
fn unary<'py>(object: &Bound<'py, PyAny>, op: UnaryFn) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; the operand is alive; the number protocol returns a new reference
    // or NULL with an error set.
    unsafe { op(object.as_ptr()).assume_owned_or_err(object.py()) }
}

/// Applies one of the `PyNumber_*` binary operations.
fn binary<'py>(
    left: &Bound<'py, PyAny>,
    right: &Bound<'py, PyAny>,
    op: BinaryFn,
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: attached; both operands are alive; the number protocol returns a new
    // reference or NULL with an error set.
    unsafe { op(left.as_ptr(), right.as_ptr()).assume_owned_or_err(left.py()) }
}

impl<T> AsRef<Py<PyAny>> for Bound<'_, T> {
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        self.as_unbound().as_any()
    }
}

impl<T> AsRef<Py<PyAny>> for Py<T> {
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        self.as_any()
    }
}

impl<T> AsRef<Py<PyAny>> for Borrowed<'_, '_, T> {
    #[inline]
    fn as_ref(&self) -> &Py<PyAny> {
        // SAFETY: `Borrowed` and `Py` are both `repr(transparent)` over one non-null object
        // pointer, and the object stays alive while `self` is borrowed.
        unsafe { &*(self as *const Self).cast::<Py<PyAny>>() }
    }
}

/// Converts an argument, keeping the result alive in a local (its pointer is passed on).
/// The object protocol, available on every `Bound<'py, T>`.
///
/// ```
/// use pyo3::prelude::*;
/// Python::attach(|py| {
///     let list = py.eval(c"[3, 1, 2]", None, None).unwrap();
///     list.call_method0("sort").unwrap();
///     assert_eq!(list.repr().unwrap().to_str().unwrap(), "[1, 2, 3]");
///     assert_eq!(list.len().unwrap(), 3);
///     assert!(list.get_item(0).unwrap().eq(1).unwrap());
/// });
/// ```
pub trait PyAnyMethods<'py>: Sized {
    /// `self is other`: whether both point to the same object.
    fn is<T: AsRef<Py<PyAny>>>(&self, other: T) -> bool;
    /// `hasattr(self, name)`.
    fn hasattr<N: IntoPyObject<'py, Target = PyString>>(&self, attr_name: N) -> PyResult<bool>;
    /// `getattr(self, name)`.
    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        attr_name: N,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `getattr(self, name, None)` but telling a missing attribute (`Ok(None)`) from errors.
    fn getattr_opt<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        attr_name: N,
    ) -> PyResult<Option<Bound<'py, PyAny>>>;
    /// `setattr(self, name, value)`.
    fn setattr<N: IntoPyObject<'py, Target = PyString>, V: IntoPyObject<'py>>(
        &self,
        attr_name: N,
        value: V,
    ) -> PyResult<()>;
    /// `delattr(self, name)`.
    fn delattr<N: IntoPyObject<'py, Target = PyString>>(&self, attr_name: N) -> PyResult<()>;
    /// Three-way comparison using `==` and `<`; errors if neither `<`, `==` nor `>` holds.
    fn compare<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Ordering>;
    /// Rich comparison with the given operator.
    fn rich_compare<O: IntoPyObject<'py>>(
        &self,
        other: O,
        compare_op: crate::pyclass::CompareOp,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self == other`.
    fn eq<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self != other`.
    fn ne<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self < other`.
    fn lt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self <= other`.
    fn le<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self > other`.
    fn gt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `self >= other`.
    fn ge<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool>;
    /// `callable(self)`.
    fn is_callable(&self) -> bool;
    /// `self(*args, **kwargs)`.
    fn call<A: PyCallArgs<'py>>(
        &self,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self()`.
    fn call0(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `self(*args)`.
    fn call1<A: PyCallArgs<'py>>(&self, args: A) -> PyResult<Bound<'py, PyAny>>;
    /// `self.name(*args, **kwargs)`.
    fn call_method<N: IntoPyObject<'py, Target = PyString>, A: PyCallArgs<'py>>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self.name()`.
    fn call_method0<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self.name(*args)`.
    fn call_method1<N: IntoPyObject<'py, Target = PyString>, A: PyCallArgs<'py>>(
        &self,
        name: N,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `bool(self)`.
    fn is_truthy(&self) -> PyResult<bool>;
    /// `self is None`.
    fn is_none(&self) -> bool;
    /// `len(self) == 0`.
    fn is_empty(&self) -> PyResult<bool>;
    /// `self[key]`.
    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>>;
    /// `self[key] = value`.
    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()>;
    /// `del self[key]`.
    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()>;
    /// `iter(self)`.
    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>>;
    /// Deprecated name of [`PyAnyMethods::try_iter`].
    #[deprecated(since = "0.23.0", note = "use `try_iter` instead")]
    fn iter(&self) -> PyResult<Bound<'py, PyIterator>>;
    /// `type(self)`.
    fn get_type(&self) -> Bound<'py, PyType>;
    /// The raw type pointer (borrowed).
    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject;
    /// Checks the type and casts.
    fn cast<T: PyTypeCheck>(&self) -> Result<&Bound<'py, T>, crate::err::CastError<'_, 'py>>;
    /// Checks the type and casts, consuming `self`.
    fn cast_into<T: PyTypeCheck>(self) -> Result<Bound<'py, T>, crate::err::CastIntoError<'py>>;
    /// Deprecated name of [`PyAnyMethods::cast`].
    #[deprecated(since = "0.27.0", note = "use `cast` instead")]
    fn downcast<T: PyTypeCheck>(
        &self,
    ) -> Result<&Bound<'py, T>, crate::err::DowncastError<'_, 'py>>;
    /// Deprecated name of [`PyAnyMethods::cast_into`].
    #[deprecated(since = "0.27.0", note = "use `cast_into` instead")]
    fn downcast_into<T: PyTypeCheck>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::DowncastIntoError<'py>>;
    /// Extracts a Rust value.
    fn extract<'a, T>(&'a self) -> Result<T, T::Error>
    where
        T: FromPyObject<'a, 'py>;
    /// The reference count.
    fn get_refcnt(&self) -> isize;
    /// `repr(self)`.
    fn repr(&self) -> PyResult<Bound<'py, PyString>>;
    /// `str(self)`.
    fn str(&self) -> PyResult<Bound<'py, PyString>>;
    /// `hash(self)`.
    fn hash(&self) -> PyResult<isize>;
    /// `len(self)`.
    fn len(&self) -> PyResult<usize>;
    /// `dir(self)`.
    fn dir(&self) -> PyResult<Bound<'py, PyList>>;
    /// `isinstance(self, ty)`.
    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool>;
    /// `type(self) is ty`.
    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool;
    /// `isinstance(self, T)`.
    fn is_instance_of<T: PyTypeCheck>(&self) -> bool;
    /// `type(self) is T`.
    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool;
    /// `value in self`.
    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool>;
    /// `-self`.
    fn neg(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `+self`.
    fn pos(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `abs(self)`.
    fn abs(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `~self`.
    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>>;
    /// `self + other`.
    fn add<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self - other`.
    fn sub<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self * other`.
    fn mul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self @ other`.
    fn matmul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self / other`.
    fn div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self // other`.
    fn floor_div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self % other`.
    fn rem<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `divmod(self, other)`.
    fn divmod<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self << other`.
    fn lshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self >> other`.
    fn rshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `pow(self, other, modulus)`; pass `py.None()` for a plain power.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| {
    ///     let two = 2i32.into_pyobject(py).unwrap();
    ///     assert!(two.pow(10, py.None()).unwrap().eq(1024).unwrap());
    ///     assert!(two.pow(10, 1000).unwrap().eq(24).unwrap());
    /// });
    /// ```
    fn pow<O1: IntoPyObject<'py>, O2: IntoPyObject<'py>>(
        &self,
        other: O1,
        modulus: O2,
    ) -> PyResult<Bound<'py, PyAny>>;
    /// `self & other`.
    fn bitand<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self | other`.
    fn bitor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// `self ^ other`.
    fn bitxor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>>;
    /// Checks that the type is exactly `T` (not a subclass) and casts.
    fn cast_exact<T: PyTypeInfo>(&self) -> Result<&Bound<'py, T>, crate::err::CastError<'_, 'py>>;
    /// Checks that the type is exactly `T` (not a subclass) and casts, consuming `self`.
    fn cast_into_exact<T: PyTypeInfo>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::CastIntoError<'py>>;
    /// Casts without a type check.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `T`.
    unsafe fn cast_unchecked<T>(&self) -> &Bound<'py, T>;
    /// Casts without a type check, consuming `self`.
    ///
    /// # Safety
    ///
    /// The object must be an instance of `T`.
    unsafe fn cast_into_unchecked<T>(self) -> Bound<'py, T>;
    /// Deprecated name of [`PyAnyMethods::cast_exact`].
    #[deprecated(since = "0.27.0", note = "use `cast_exact` instead")]
    fn downcast_exact<T: PyTypeInfo>(
        &self,
    ) -> Result<&Bound<'py, T>, crate::err::DowncastError<'_, 'py>>;
    /// Deprecated name of [`PyAnyMethods::cast_into_exact`].
    #[deprecated(since = "0.27.0", note = "use `cast_into_exact` instead")]
    fn downcast_into_exact<T: PyTypeInfo>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::DowncastIntoError<'py>>;
    /// Deprecated name of [`PyAnyMethods::cast_unchecked`].
    ///
    /// # Safety
    ///
    /// The object must be an instance of `T`.
    #[deprecated(since = "0.27.0", note = "use `cast_unchecked` instead")]
    unsafe fn downcast_unchecked<T>(&self) -> &Bound<'py, T>;
    /// Deprecated name of [`PyAnyMethods::cast_into_unchecked`].
    ///
    /// # Safety
    ///
    /// The object must be an instance of `T`.
    #[deprecated(since = "0.27.0", note = "use `cast_into_unchecked` instead")]
    unsafe fn downcast_into_unchecked<T>(self) -> Bound<'py, T>;
    /// `super(type(self), self)`.
    #[cfg(not(any(PyPy, GraalPy)))]
    fn py_super(&self) -> PyResult<Bound<'py, crate::types::PySuper>>;
}

impl<'py> PyAnyMethods<'py> for Bound<'py, PyAny> {
    #[inline]
    fn is<T: AsRef<Py<PyAny>>>(&self, other: T) -> bool {
        self.as_ptr() == other.as_ref().as_ptr()
    }

    fn hasattr<N: IntoPyObject<'py, Target = PyString>>(&self, attr_name: N) -> PyResult<bool> {
        self.getattr_opt(attr_name).map(|a| a.is_some())
    }

    fn getattr<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        attr_name: N,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let name = attr_name.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; both objects are alive; returns a new reference or NULL.
        unsafe { ffi::PyObject_GetAttr(self.as_ptr(), name.as_ptr()).assume_owned_or_err(py) }
    }

    fn getattr_opt<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        attr_name: N,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.getattr(attr_name) {
            Ok(value) => Ok(Some(value)),
            Err(err) if err.is_instance_of::<crate::exceptions::PyAttributeError>(self.py()) => {
                Ok(None)
            }
            Err(err) => Err(err),
        }
    }

    fn setattr<N: IntoPyObject<'py, Target = PyString>, V: IntoPyObject<'py>>(
        &self,
        attr_name: N,
        value: V,
    ) -> PyResult<()> {
        let py = self.py();
        let name = attr_name.into_pyobject(py).map_err(Into::into)?;
        let value = to_any(py, value)?;
        // SAFETY: attached; all three objects are alive for the call.
        crate::err::error_on_minus_one(py, unsafe {
            ffi::PyObject_SetAttr(self.as_ptr(), name.as_ptr(), value.as_ptr())
        })
    }

    fn delattr<N: IntoPyObject<'py, Target = PyString>>(&self, attr_name: N) -> PyResult<()> {
        let py = self.py();
        let name = attr_name.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; setting an attribute to NULL deletes it.
        crate::err::error_on_minus_one(py, unsafe {
            ffi::PyObject_SetAttr(self.as_ptr(), name.as_ptr(), std::ptr::null_mut())
        })
    }

    fn compare<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Ordering> {
        let other = to_any(self.py(), other)?;
        let cmp = |op| -> PyResult<bool> {
            // SAFETY: attached; both objects are alive.
            crate::err::bool_from_status(self.py(), unsafe {
                ffi::PyObject_RichCompareBool(self.as_ptr(), other.as_ptr(), op)
            })
        };
        if cmp(ffi::Py_EQ)? {
            Ok(Ordering::Equal)
        } else if cmp(ffi::Py_LT)? {
            Ok(Ordering::Less)
        } else if cmp(ffi::Py_GT)? {
            Ok(Ordering::Greater)
        } else {
            Err(PyTypeError::new_err(
                "PyAny::compare(): All comparisons returned false",
            ))
        }
    }

    fn rich_compare<O: IntoPyObject<'py>>(
        &self,
        other: O,
        compare_op: crate::pyclass::CompareOp,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let other = to_any(py, other)?;
        // SAFETY: attached; both objects are alive; returns a new reference or NULL.
        unsafe {
            ffi::PyObject_RichCompare(self.as_ptr(), other.as_ptr(), compare_op as c_int)
                .assume_owned_or_err(py)
        }
    }

    fn eq<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Eq)?
            .is_truthy()
    }

    fn ne<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Ne)?
            .is_truthy()
    }

    fn lt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Lt)?
            .is_truthy()
    }

    fn le<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Le)?
            .is_truthy()
    }

    fn gt<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Gt)?
            .is_truthy()
    }

    fn ge<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<bool> {
        self.rich_compare(other, crate::pyclass::CompareOp::Ge)?
            .is_truthy()
    }

    fn is_callable(&self) -> bool {
        // SAFETY: attached; the object is alive.
        unsafe { ffi::PyCallable_Check(self.as_ptr()) != 0 }
    }

    fn call<A: PyCallArgs<'py>>(
        &self,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        args.call(self.as_borrowed(), kwargs.map(Bound::as_borrowed))
    }

    fn call0(&self) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        #[cfg(any(Py_3_10, all(Py_3_9, not(limited_api_only))))]
        // SAFETY: attached; the callable is alive; returns a new reference or NULL.
        unsafe {
            ffi::PyObject_CallNoArgs(self.as_ptr()).assume_owned_or_err(py)
        }
        #[cfg(not(any(Py_3_10, all(Py_3_9, not(limited_api_only)))))]
        // SAFETY: attached; NULL args means "no arguments"; returns a new reference or NULL.
        unsafe {
            ffi::PyObject_CallObject(self.as_ptr(), std::ptr::null_mut()).assume_owned_or_err(py)
        }
    }

    fn call1<A: PyCallArgs<'py>>(&self, args: A) -> PyResult<Bound<'py, PyAny>> {
        args.call_positional(self.as_borrowed())
    }

    fn call_method<N: IntoPyObject<'py, Target = PyString>, A: PyCallArgs<'py>>(
        &self,
        name: N,
        args: A,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.getattr(name)?.call(args, kwargs)
    }

    fn call_method0<N: IntoPyObject<'py, Target = PyString>>(
        &self,
        name: N,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let name = name.into_pyobject(py).map_err(Into::into)?;
        #[cfg(all(Py_3_9, not(limited_api_only)))]
        {
            let args = [self.as_ptr()];
            // SAFETY: attached; the receiver and the name are alive; the offset flag lets
            // CPython use the slot before `args` only if we allow it (we do not set it).
            unsafe {
                ffi::PyObject_VectorcallMethod(
                    name.as_ptr(),
                    args.as_ptr(),
                    1,
                    std::ptr::null_mut(),
                )
                .assume_owned_or_err(py)
            }
        }
        #[cfg(not(all(Py_3_9, not(limited_api_only))))]
        {
            self.getattr(name.into_bound())?.call0()
        }
    }

    fn call_method1<N: IntoPyObject<'py, Target = PyString>, A: PyCallArgs<'py>>(
        &self,
        name: N,
        args: A,
    ) -> PyResult<Bound<'py, PyAny>> {
        let name = name.into_pyobject(self.py()).map_err(Into::into)?;
        args.call_method_positional(self.as_borrowed(), name.as_borrowed())
    }

    fn is_truthy(&self) -> PyResult<bool> {
        // SAFETY: attached; the object is alive.
        crate::err::bool_from_status(self.py(), unsafe { ffi::PyObject_IsTrue(self.as_ptr()) })
    }

    #[inline]
    fn is_none(&self) -> bool {
        // SAFETY: `Py_None` returns the address of the static None object.
        self.as_ptr() == unsafe { ffi::Py_None() }
    }

    fn is_empty(&self) -> PyResult<bool> {
        self.len().map(|l| l == 0)
    }

    fn get_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let key = to_any(py, key)?;
        // SAFETY: attached; both objects are alive; returns a new reference or NULL.
        unsafe { ffi::PyObject_GetItem(self.as_ptr(), key.as_ptr()).assume_owned_or_err(py) }
    }

    fn set_item<K: IntoPyObject<'py>, V: IntoPyObject<'py>>(
        &self,
        key: K,
        value: V,
    ) -> PyResult<()> {
        let py = self.py();
        let key = to_any(py, key)?;
        let value = to_any(py, value)?;
        // SAFETY: attached; all objects are alive for the call.
        crate::err::error_on_minus_one(py, unsafe {
            ffi::PyObject_SetItem(self.as_ptr(), key.as_ptr(), value.as_ptr())
        })
    }

    fn del_item<K: IntoPyObject<'py>>(&self, key: K) -> PyResult<()> {
        let py = self.py();
        let key = to_any(py, key)?;
        // SAFETY: attached; both objects are alive for the call.
        crate::err::error_on_minus_one(py, unsafe {
            ffi::PyObject_DelItem(self.as_ptr(), key.as_ptr())
        })
    }

    fn try_iter(&self) -> PyResult<Bound<'py, PyIterator>> {
        PyIterator::from_object(self)
    }

    fn iter(&self) -> PyResult<Bound<'py, PyIterator>> {
        self.try_iter()
    }

    #[inline]
    fn get_type(&self) -> Bound<'py, PyType> {
        // SAFETY: attached; the type of a live object is alive; we take a new reference.
        unsafe {
            Bound::from_borrowed_ptr(self.py(), self.get_type_ptr().cast()).cast_into_unchecked()
        }
    }

    #[inline]
    fn get_type_ptr(&self) -> *mut ffi::PyTypeObject {
        // SAFETY: attached; reading the type of a live object.
        unsafe { ffi::Py_TYPE(self.as_ptr()) }
    }

    #[inline]
    fn cast<T: PyTypeCheck>(&self) -> Result<&Bound<'py, T>, crate::err::CastError<'_, 'py>> {
        Bound::cast(self)
    }

    #[inline]
    fn cast_into<T: PyTypeCheck>(self) -> Result<Bound<'py, T>, crate::err::CastIntoError<'py>> {
        Bound::cast_into(self)
    }

    fn downcast<T: PyTypeCheck>(
        &self,
    ) -> Result<&Bound<'py, T>, crate::err::DowncastError<'_, 'py>> {
        if T::type_check(self) {
            // SAFETY: the type check passed.
            Ok(unsafe { Bound::cast_unchecked(self) })
        } else {
            Err(crate::err::DowncastError::new(self, T::NAME))
        }
    }

    fn downcast_into<T: PyTypeCheck>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::DowncastIntoError<'py>> {
        if T::type_check(&self) {
            // SAFETY: the type check passed.
            Ok(unsafe { Bound::cast_into_unchecked(self) })
        } else {
            Err(crate::err::DowncastIntoError::new(self, T::NAME))
        }
    }

    #[inline]
    fn extract<'a, T>(&'a self) -> Result<T, T::Error>
    where
        T: FromPyObject<'a, 'py>,
    {
        T::extract(self.as_borrowed())
    }

    fn get_refcnt(&self) -> isize {
        Bound::get_refcnt(self)
    }

    fn repr(&self) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; returns a new reference to a str, or NULL.
        unsafe {
            ffi::PyObject_Repr(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    fn str(&self) -> PyResult<Bound<'py, PyString>> {
        // SAFETY: attached; returns a new reference to a str, or NULL.
        unsafe {
            ffi::PyObject_Str(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    fn hash(&self) -> PyResult<isize> {
        // SAFETY: attached; the object is alive.
        let h = unsafe { ffi::PyObject_Hash(self.as_ptr()) };
        if h == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(h)
        }
    }

    fn len(&self) -> PyResult<usize> {
        // SAFETY: attached; the object is alive.
        let n = unsafe { ffi::PyObject_Size(self.as_ptr()) };
        if n == -1 {
            Err(PyErr::fetch(self.py()))
        } else {
            Ok(n as usize)
        }
    }

    fn dir(&self) -> PyResult<Bound<'py, PyList>> {
        // SAFETY: attached; returns a new reference to a list, or NULL.
        unsafe {
            ffi::PyObject_Dir(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|l| l.cast_into_unchecked())
        }
    }

    fn is_instance(&self, ty: &Bound<'py, PyAny>) -> PyResult<bool> {
        // SAFETY: attached; both objects are alive.
        crate::err::bool_from_status(self.py(), unsafe {
            ffi::PyObject_IsInstance(self.as_ptr(), ty.as_ptr())
        })
    }

    fn is_exact_instance(&self, ty: &Bound<'py, PyAny>) -> bool {
        self.get_type().is(ty)
    }

    #[inline]
    fn is_instance_of<T: PyTypeCheck>(&self) -> bool {
        T::type_check(self)
    }

    #[inline]
    fn is_exact_instance_of<T: PyTypeInfo>(&self) -> bool {
        T::is_exact_type_of(self)
    }

    fn contains<V: IntoPyObject<'py>>(&self, value: V) -> PyResult<bool> {
        let value = to_any(self.py(), value)?;
        // SAFETY: attached; both objects are alive.
        crate::err::bool_from_status(self.py(), unsafe {
            ffi::PySequence_Contains(self.as_ptr(), value.as_ptr())
        })
    }

    fn neg(&self) -> PyResult<Bound<'py, PyAny>> {
        unary(self, ffi::PyNumber_Negative)
    }

    fn pos(&self) -> PyResult<Bound<'py, PyAny>> {
        unary(self, ffi::PyNumber_Positive)
    }

    fn abs(&self) -> PyResult<Bound<'py, PyAny>> {
        unary(self, ffi::PyNumber_Absolute)
    }

    fn bitnot(&self) -> PyResult<Bound<'py, PyAny>> {
        unary(self, ffi::PyNumber_Invert)
    }

    fn add<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Add)
    }

    fn sub<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Subtract)
    }

    fn mul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Multiply)
    }

    fn matmul<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(
            self,
            &to_any(self.py(), other)?,
            ffi::PyNumber_MatrixMultiply,
        )
    }

    fn div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_TrueDivide)
    }

    fn floor_div<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_FloorDivide)
    }

    fn rem<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Remainder)
    }

    fn divmod<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Divmod)
    }

    fn lshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Lshift)
    }

    fn rshift<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Rshift)
    }

    fn pow<O1: IntoPyObject<'py>, O2: IntoPyObject<'py>>(
        &self,
        other: O1,
        modulus: O2,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = self.py();
        let other = to_any(py, other)?;
        let modulus = to_any(py, modulus)?;
        // SAFETY: attached; the three operands are alive (None as modulus means a plain
        // power); returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyNumber_Power(self.as_ptr(), other.as_ptr(), modulus.as_ptr())
                .assume_owned_or_err(py)
        }
    }

    fn bitand<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_And)
    }

    fn bitor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Or)
    }

    fn bitxor<O: IntoPyObject<'py>>(&self, other: O) -> PyResult<Bound<'py, PyAny>> {
        binary(self, &to_any(self.py(), other)?, ffi::PyNumber_Xor)
    }

    #[inline]
    fn cast_exact<T: PyTypeInfo>(&self) -> Result<&Bound<'py, T>, crate::err::CastError<'_, 'py>> {
        Bound::cast_exact(self)
    }

    #[inline]
    fn cast_into_exact<T: PyTypeInfo>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::CastIntoError<'py>> {
        Bound::cast_into_exact(self)
    }

    #[inline]
    unsafe fn cast_unchecked<T>(&self) -> &Bound<'py, T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::cast_unchecked(self) }
    }

    #[inline]
    unsafe fn cast_into_unchecked<T>(self) -> Bound<'py, T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::cast_into_unchecked(self) }
    }

    fn downcast_exact<T: PyTypeInfo>(
        &self,
    ) -> Result<&Bound<'py, T>, crate::err::DowncastError<'_, 'py>> {
        if T::is_exact_type_of(self) {
            // SAFETY: the exact type check passed.
            Ok(unsafe { Bound::cast_unchecked(self) })
        } else {
            Err(crate::err::DowncastError::new(self, T::NAME))
        }
    }

    fn downcast_into_exact<T: PyTypeInfo>(
        self,
    ) -> Result<Bound<'py, T>, crate::err::DowncastIntoError<'py>> {
        if T::is_exact_type_of(&self) {
            // SAFETY: the exact type check passed.
            Ok(unsafe { Bound::cast_into_unchecked(self) })
        } else {
            Err(crate::err::DowncastIntoError::new(self, T::NAME))
        }
    }

    unsafe fn downcast_unchecked<T>(&self) -> &Bound<'py, T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::cast_unchecked(self) }
    }

    unsafe fn downcast_into_unchecked<T>(self) -> Bound<'py, T> {
        // SAFETY: forwarded from the caller.
        unsafe { Bound::cast_into_unchecked(self) }
    }

    #[cfg(not(any(PyPy, GraalPy)))]
    fn py_super(&self) -> PyResult<Bound<'py, crate::types::PySuper>> {
        crate::types::PySuper::new(&self.get_type(), self)
    }
}
