//! `PyCallArgs`: what can be passed as the positional arguments of a call — tuples of
//! convertible values (using vectorcall where the interpreter offers it) or a `PyTuple`.

use crate::conversion::BoundObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::types::{PyAny, PyDict, PyString, PyTuple};
use crate::{PyResult, Python};

/// Positional arguments of a Python call.
///
/// Implemented for tuples (up to 12 elements) of `IntoPyObject` values, for references to
/// such tuples whose elements convert by reference, and for `Bound<PyTuple>`,
/// `Borrowed<PyTuple>` and `Py<PyTuple>` (owned or by reference).
pub trait PyCallArgs<'py>: Sized {
    /// Calls `function(*self, **kwargs)`.
    #[doc(hidden)]
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>>;

    /// Calls `function(*self)`.
    #[doc(hidden)]
    fn call_positional(self, function: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        self.call(function, None)
    }

    /// Calls `object.name(*self)`.
    #[doc(hidden)]
    fn call_method_positional(
        self,
        object: Borrowed<'_, 'py, PyAny>,
        name: Borrowed<'_, 'py, PyString>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let method = crate::types::PyAnyMethods::getattr(&*object, name)?;
        self.call_positional(method.as_borrowed())
    }
}

/// `function(*args, **kwargs)` with a ready tuple.
pub(crate) fn call_with_tuple<'py>(
    function: Borrowed<'_, 'py, PyAny>,
    args: Borrowed<'_, 'py, PyTuple>,
    kwargs: Option<Borrowed<'_, 'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = function.py();
    let kwargs_ptr = kwargs.map_or(std::ptr::null_mut(), |k| k.as_ptr());
    // SAFETY: attached; `function` and `args` are alive, kwargs is NULL or a live dict;
    // PyObject_Call returns a new reference or NULL with an error set.
    unsafe {
        ffi::PyObject_Call(function.as_ptr(), args.as_ptr(), kwargs_ptr).assume_owned_or_err(py)
    }
}

/// `function(*args)` from an array of borrowed pointers.
#[inline]
pub(crate) fn call_vectorcall<'py>(
    py: Python<'py>,
    function: *mut ffi::PyObject,
    args: &[*mut ffi::PyObject],
) -> PyResult<Bound<'py, PyAny>> {
    #[cfg(all(not(limited_api_only), Py_3_9))]
    {
        // SAFETY: attached; `function` and every element of `args` are alive for the
        // call; PyObject_Vectorcall returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyObject_Vectorcall(function, args.as_ptr(), args.len(), std::ptr::null_mut())
                .assume_owned_or_err(py)
        }
    }
    #[cfg(not(all(not(limited_api_only), Py_3_9)))]
    {
        let tuple = PyTuple::from_borrowed_ptrs(py, args);
        // SAFETY: attached; `function` is alive.
        let function = unsafe { Borrowed::from_ptr(py, function) };
        call_with_tuple(function, tuple.as_borrowed(), None)
    }
}

impl<'py> PyCallArgs<'py> for () {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let empty = PyTuple::empty(function.py());
        call_with_tuple(function, empty.as_borrowed(), kwargs)
    }

    fn call_positional(self, function: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        crate::types::PyAnyMethods::call0(&*function)
    }
}

impl<'py> PyCallArgs<'py> for Bound<'py, PyTuple> {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_with_tuple(function, self.as_borrowed(), kwargs)
    }
}

impl<'py> PyCallArgs<'py> for &Bound<'py, PyTuple> {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_with_tuple(function, self.as_borrowed(), kwargs)
    }
}

impl<'py> PyCallArgs<'py> for Py<PyTuple> {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_with_tuple(function, self.bind_borrowed(function.py()), kwargs)
    }
}

impl<'py> PyCallArgs<'py> for &Py<PyTuple> {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_with_tuple(function, self.bind_borrowed(function.py()), kwargs)
    }
}

impl<'py> PyCallArgs<'py> for Borrowed<'_, 'py, PyTuple> {
    fn call(
        self,
        function: Borrowed<'_, 'py, PyAny>,
        kwargs: Option<Borrowed<'_, 'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        call_with_tuple(function, self, kwargs)
    }
}

macro_rules! tuple_call_args {
    ($($n:tt $T:ident),+) => {
        impl<'py, $($T),+> PyCallArgs<'py> for ($($T,)+)
        where
            $($T: crate::conversion::IntoPyObject<'py>,)+
        {
            fn call(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                kwargs: Option<Borrowed<'_, 'py, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                let tuple = crate::conversion::IntoPyObject::into_pyobject(self, py)?;
                call_with_tuple(function, tuple.as_borrowed(), kwargs)
            }

            fn call_positional(self, function: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                let converted = ($(self.$n.into_pyobject(py).map_err(Into::into)?,)+);
                call_vectorcall(py, function.as_ptr(), &[$(converted.$n.as_ptr()),+])
            }
        }

        impl<'a, 'py, $($T),+> PyCallArgs<'py> for &'a ($($T,)+)
        where
            $(&'a $T: crate::conversion::IntoPyObject<'py>,)+
            $($T: 'a,)+
        {
            fn call(
                self,
                function: Borrowed<'_, 'py, PyAny>,
                kwargs: Option<Borrowed<'_, 'py, PyDict>>,
            ) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                let converted = ($(crate::conversion::IntoPyObject::into_pyobject(&self.$n, py).map_err(Into::into)?,)+);
                let tuple = PyTuple::from_borrowed_ptrs(py, &[$(converted.$n.as_ptr()),+]);
                call_with_tuple(function, tuple.as_borrowed(), kwargs)
            }

            fn call_positional(self, function: Borrowed<'_, 'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
                let py = function.py();
                let converted = ($(crate::conversion::IntoPyObject::into_pyobject(&self.$n, py).map_err(Into::into)?,)+);
                call_vectorcall(py, function.as_ptr(), &[$(converted.$n.as_ptr()),+])
            }
        }
    };
}

tuple_call_args!(0 T0);
tuple_call_args!(0 T0, 1 T1);
tuple_call_args!(0 T0, 1 T1, 2 T2);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9, 10 T10);
tuple_call_args!(0 T0, 1 T1, 2 T2, 3 T3, 4 T4, 5 T5, 6 T6, 7 T7, 8 T8, 9 T9, 10 T10, 11 T11);
