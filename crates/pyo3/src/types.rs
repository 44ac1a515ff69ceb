//! Rust types standing for Python's builtin types (`PyString`, `PyDict`, ...). Each is used
//! behind a smart pointer (`Bound<'py, PyDict>`) and gets its methods from a `...Methods`
//! trait implemented on that pointer.

mod any;
mod boolobject;
mod dict;
mod float;
mod function;
mod iterator;
mod list;
mod module;
mod none;
mod num;
mod string;
mod traceback;
mod tuple;
mod typeobject;

pub use any::{PyAny, PyAnyMethods};
pub use boolobject::{PyBool, PyBoolMethods};
pub use dict::{IntoPyDict, PyDict, PyDictMethods};
pub use float::{PyFloat, PyFloatMethods};
pub use function::PyCFunction;
pub use iterator::PyIterator;
pub use list::{PyList, PyListMethods};
pub use module::{PyModule, PyModuleMethods};
pub use none::PyNone;
pub use num::PyInt;
#[allow(deprecated)]
pub use num::PyLong;
pub use string::{PyString, PyStringMethods};
pub use traceback::{PyTraceback, PyTracebackMethods};
pub use tuple::{PyTuple, PyTupleMethods};
pub use typeobject::{PyType, PyTypeMethods};

/// Declares a native type: the struct, its `PyTypeInfo` (with a fast type check) and the
/// deref to `PyAny`.
macro_rules! native_type {
    ($(#[$meta:meta])* $name:ident, $type_object:ident, $check:path, $module:expr) => {
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name($crate::types::PyAny);

        impl $crate::instance::DerefToPyAny for $name {}

        // SAFETY: the type object is a static of the interpreter, alive for the process;
        // the check function is the header's own type check for this type.
        unsafe impl $crate::type_object::PyTypeInfo for $name {
            const NAME: &'static str = stringify!($name);
            const MODULE: Option<&'static str> = $module;

            #[inline]
            fn type_object_raw(_py: $crate::Python<'_>) -> *mut $crate::ffi::PyTypeObject {
                ::std::ptr::addr_of_mut!($crate::ffi::$type_object)
            }

            #[inline]
            fn is_type_of(object: &$crate::Bound<'_, $crate::types::PyAny>) -> bool {
                // SAFETY: attached; the object is alive.
                unsafe { $check(object.as_ptr()) != 0 }
            }
        }
    };
}
pub(crate) use native_type;
