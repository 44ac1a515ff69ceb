//! Rust types standing for Python's builtin types (`PyString`, `PyDict`, ...). Each is used
//! behind a smart pointer (`Bound<'py, PyDict>`) and gets its methods from a `...Methods`
//! trait implemented on that pointer.

mod any;
mod boolobject;
mod bytearray;
mod bytes;
mod capsule;
mod code;
mod complex;
mod datetime;
mod dict;
mod ellipsis;
mod float;
#[cfg(all(not(limited_api_only), not(PyPy), not(GraalPy)))]
mod frame;
mod frozenset;
mod function;
#[cfg(Py_3_9)]
mod genericalias;
mod iterator;
mod list;
pub(crate) mod mapping;
mod mappingproxy;
mod memoryview;
mod module;
#[cfg(all(Py_3_13, not(limited_api_only)))]
mod mutex;
mod native_type_macros;
mod none;
mod notimplemented;
mod num;
#[cfg(not(limited_api_only))]
mod pyfunction;
#[cfg(not(any(PyPy, GraalPy)))]
mod pysuper;
mod range;
mod sequence;
pub(crate) mod set;
mod slice;
mod string;
mod traceback;
mod tuple;
mod typeobject;
mod weakref;

pub use crate::instance::DerefToPyAny;
pub use any::{PyAny, PyAnyMethods};
pub use boolobject::{PyBool, PyBoolMethods};
pub use bytearray::{PyByteArray, PyByteArrayMethods};
pub use bytes::{PyBytes, PyBytesMethods};
#[doc(hidden)]
pub use capsule::AssertNotZeroSized;
pub use capsule::{CapsuleName, PyCapsule, PyCapsuleMethods};
pub use code::{PyCode, PyCodeInput, PyCodeMethods};
pub use complex::{PyComplex, PyComplexMethods};
#[allow(deprecated)]
pub use datetime::timezone_utc;
pub use datetime::{PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo, PyTzInfoAccess};
#[cfg(not(Py_LIMITED_API))]
pub use datetime::{PyDateAccess, PyDeltaAccess, PyTimeAccess};
pub use dict::{
    BoundDictIterator, IntoPyDict, PyDict, PyDictItems, PyDictKeys, PyDictMethods, PyDictValues,
};
pub use ellipsis::PyEllipsis;
pub use float::{PyFloat, PyFloatMethods};
#[cfg(all(not(limited_api_only), not(PyPy), not(GraalPy)))]
pub use frame::PyFrame;
pub use frozenset::{BoundFrozenSetIterator, PyFrozenSet, PyFrozenSetBuilder, PyFrozenSetMethods};
pub use function::PyCFunction;
#[cfg(Py_3_9)]
pub use genericalias::PyGenericAlias;
pub use iterator::PyIterator;
#[cfg(all(not(PyPy), Py_3_10))]
pub use iterator::PySendResult;
pub use list::{BoundListIterator, PyList, PyListMethods};
pub use mapping::{PyMapping, PyMappingMethods};
pub use mappingproxy::{BoundMappingProxyIterator, PyMappingProxy, PyMappingProxyMethods};
pub use memoryview::PyMemoryView;
pub use module::{PyModule, PyModuleMethods};
#[cfg(all(Py_3_13, not(limited_api_only)))]
pub use mutex::{PyMutex, PyMutexGuard};
pub use none::PyNone;
pub use notimplemented::PyNotImplemented;
pub use num::PyInt;
#[allow(deprecated)]
pub use num::PyLong;
#[cfg(not(limited_api_only))]
pub use pyfunction::PyFunction;
#[cfg(not(any(PyPy, GraalPy)))]
pub use pysuper::PySuper;
pub use range::{PyRange, PyRangeMethods};
pub use sequence::{PySequence, PySequenceMethods};
pub use set::{BoundSetIterator, PySet, PySetMethods};
pub use slice::{PySlice, PySliceIndices, PySliceMethods};
#[cfg(not(limited_api_only))]
pub use string::PyStringData;
pub use string::{PyString, PyStringMethods};
pub use traceback::{PyTraceback, PyTracebackMethods};
pub use tuple::{BorrowedTupleIterator, BoundTupleIterator, PyTuple, PyTupleMethods};
pub use typeobject::{PyType, PyTypeMethods};
pub use weakref::{PyWeakref, PyWeakrefMethods, PyWeakrefProxy, PyWeakrefReference};

/// The iterators over Python collections (also exported at the top of this module).
pub mod iter {
    pub use super::dict::BoundDictIterator;
    pub use super::frozenset::BoundFrozenSetIterator;
    pub use super::list::BoundListIterator;
    pub use super::set::BoundSetIterator;
    pub use super::tuple::{BorrowedTupleIterator, BoundTupleIterator};
}

/// Declares one of this crate's native types: the struct, then everything else through the
/// exported `pyobject_native_type_core!` (with the interpreter's static type object and the
/// header's own fast type check), as a client crate would.
macro_rules! native_type {
    ($(#[$meta:meta])* $name:ident, $type_object:ident, $check:path, $module:expr) => {
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name($crate::types::PyAny);

        $crate::pyobject_native_type_core!(
            $name,
            $crate::pyobject_native_static_type_object!($crate::ffi::$type_object),
            #module=$module,
            #checkfunction=$check
        );
    };
    // A type whose static type object PyPy's cpyext does not export: there the class is
    // found by evaluating `$on_pypy` (a `&CStr` of Python) once, and instances are checked
    // with `isinstance` semantics against it.
    ($(#[$meta:meta])* $name:ident, $type_object:ident, $check:path, $module:expr, pypy = $on_pypy:expr) => {
        #[cfg(not(PyPy))]
        $crate::types::native_type!($(#[$meta])* $name, $type_object, $check, $module);

        #[cfg(PyPy)]
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name($crate::types::PyAny);

        #[cfg(PyPy)]
        $crate::pyobject_native_type_core!(
            $name,
            |py: $crate::Python<'_>| -> *mut $crate::ffi::PyTypeObject {
                static TYPE: $crate::sync::PyOnceLock<$crate::Py<$crate::types::PyType>> =
                    $crate::sync::PyOnceLock::new();
                $crate::types::evaluated_type(py, &TYPE, $on_pypy)
            },
            #module=$module
        );
    };
}
pub(crate) use native_type;

/// The class `code` (a Python expression) evaluates to, computed once into `cell`: the type
/// object of a native type whose C static an interpreter does not export.
///
/// # Panics
///
/// When the expression fails or is not a class: it is one of this crate's fixed expressions
/// naming a builtin class, so that would be a bug in this crate.
#[cfg(PyPy)]
pub(crate) fn evaluated_type(
    py: crate::Python<'_>,
    cell: &crate::sync::PyOnceLock<crate::Py<PyType>>,
    code: &std::ffi::CStr,
) -> *mut crate::ffi::PyTypeObject {
    cell.get_or_try_init(py, || {
        let ty = py.eval(code, None, None)?;
        Ok::<_, crate::PyErr>(ty.cast_into::<PyType>()?.unbind())
    })
    .unwrap_or_else(|err| panic!("cannot find the class {code:?}: {err}"))
    .as_ptr()
    .cast()
}
