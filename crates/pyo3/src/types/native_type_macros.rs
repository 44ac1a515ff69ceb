//! The hidden, exported macros that declare a native Python type for a Rust wrapper struct
//! (PyO3's `pyobject_native_type*!` family). This crate's own types are declared with them
//! too (through `types::native_type!` and `impl_::pyclass`'s `native_base!`), so there is
//! one way to declare a native type, inside this crate or in a client crate such as
//! rust-numpy.
//!
//! Every macro takes the wrapper type first and, at the end, optional `; T` type parameters
//! that are carried over to the generated impls (`MyArray<T>; T`). The wrapper must be a
//! `#[repr(transparent)]` struct around `PyAny` (plus zero-sized markers).

/// Expands its input only when this crate is built for the full (non-limited) C API: the
/// layout of native instances is not part of the stable ABI, so native types cannot be
/// extended under `abi3`. The decision is this crate's build configuration, whatever the
/// calling crate's own `cfg`s are.
#[cfg(not(limited_api_only))]
#[doc(hidden)]
#[macro_export]
macro_rules! __pyo3_full_api_only {
    ($($item:tt)*) => {
        $($item)*
    };
}

/// Expands its input only when this crate is built for the full (non-limited) C API; under
/// the limited API (this build) it expands to nothing.
#[cfg(limited_api_only)]
#[doc(hidden)]
#[macro_export]
macro_rules! __pyo3_full_api_only {
    ($($item:tt)*) => {};
}

/// Lets `Bound<T>` of a native type deref to `Bound<PyAny>`, so that every `PyAnyMethods`
/// method is callable on it (rust-numpy declares `PyArrayDescr` and `PyUntypedArray` with
/// it).
///
/// Grammar: `pyobject_native_type_named!(Type $(; T)*)`.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_named {
    ($name:ty $(; $generics:ident)*) => {
        impl<$($generics,)*> $crate::types::DerefToPyAny for $name {}
    };
}

/// Turns the path of a `static mut PyTypeObject` (such as `ffi::PyDict_Type`) into the
/// `Fn(Python) -> *mut PyTypeObject` the other macros take as their type object.
///
/// The caller promises that the static is a type object that lives as long as the process.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_static_type_object {
    ($typeobject:expr) => {
        |_py: $crate::Python<'_>| -> *mut $crate::ffi::PyTypeObject {
            // Only the address is taken: the static is neither read nor written here.
            #[allow(unused_unsafe)]
            // SAFETY: taking the address of a static creates no reference to it.
            unsafe {
                ::std::ptr::addr_of_mut!($typeobject)
            }
        }
    };
}

/// Implements `PyTypeInfo` for a native type: `NAME` is the Rust type as written, `MODULE`
/// the given `Option<&str>`, the type object comes from `$typeobject` (a function or closure
/// from `Python` to `*mut PyTypeObject`), and an optional `#checkfunction=` (a C-style
/// `fn(*mut PyObject) -> c_int`) replaces the generic `isinstance` check. Also adds the
/// hidden `_PYO3_DEF` through which a declarative `#[pymodule]` can export the type.
///
/// Grammar: `pyobject_native_type_info!(Type, typeobject, module $(, #checkfunction=path)?
/// $(; T)*)`.
///
/// The caller promises that `$typeobject` returns a live type object whose instances are
/// laid out as the wrapper, and that the check function accepts exactly its instances.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_info {
    ($name:ty, $typeobject:expr, $module:expr $(, #checkfunction=$checkfunction:path)? $(; $generics:ident)*) => {
        // SAFETY: the macro's caller vouches for the type object and the check function.
        unsafe impl<$($generics,)*> $crate::type_object::PyTypeInfo for $name {
            const NAME: &'static str = ::std::stringify!($name);
            const MODULE: ::std::option::Option<&'static str> = $module;

            #[inline]
            #[allow(clippy::redundant_closure_call)]
            fn type_object_raw(py: $crate::Python<'_>) -> *mut $crate::ffi::PyTypeObject {
                ($typeobject)(py)
            }

            $(
                #[inline]
                fn is_type_of(object: &$crate::Bound<'_, $crate::types::PyAny>) -> bool {
                    // Check functions may be safe Rust functions or `unsafe extern "C"` ones.
                    #[allow(unused_unsafe)]
                    // SAFETY: attached (a `Bound` exists) and the object is alive, which is
                    // all a type check function needs.
                    unsafe {
                        $checkfunction(object.as_ptr()) > 0
                    }
                }
            )?
        }

        impl<$($generics,)*> $name {
            /// What a declarative `#[pymodule]` adds this type through
            /// (`#[pymodule_export] use ...;`).
            #[doc(hidden)]
            pub const _PYO3_DEF: $crate::impl_::pymodule::AddTypeToModule<Self> =
                $crate::impl_::pymodule::AddTypeToModule::new();
        }
    };
}

/// Declares everything a native type needs to be used behind `Bound`: the deref to `PyAny`
/// and `PyTypeInfo`. Without `#module=`, the module is `builtins`.
///
/// Grammar: `pyobject_native_type_core!(Type, typeobject $(, #module=expr)?
/// $(, #checkfunction=path)? $(; T)*)`.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_core {
    ($name:ty, $typeobject:expr, #module=$module:expr $(, #checkfunction=$checkfunction:path)? $(; $generics:ident)*) => {
        $crate::pyobject_native_type_named!($name $(; $generics)*);
        $crate::pyobject_native_type_info!(
            $name,
            $typeobject,
            $module
            $(, #checkfunction=$checkfunction)?
            $(; $generics)*
        );
    };
    ($name:ty, $typeobject:expr $(, #checkfunction=$checkfunction:path)? $(; $generics:ident)*) => {
        $crate::pyobject_native_type_core!(
            $name,
            $typeobject,
            #module=::std::option::Option::Some("builtins")
            $(, #checkfunction=$checkfunction)?
            $(; $generics)*
        );
    };
}

/// Names `$layout` (a `#[repr(C)]` struct, e.g. `ffi::PyDictObject`) as the instance layout
/// of the native type, with a known size.
///
/// Grammar: `pyobject_native_type_sized!(Type, layout $(; T)*)`.
///
/// The caller promises that instances of the type start with `$layout`.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type_sized {
    ($name:ty, $layout:path $(; $generics:ident)*) => {
        // SAFETY: the macro's caller vouches that instances of the type start with `$layout`.
        unsafe impl<$($generics,)*> $crate::type_object::PyLayout<$name> for $layout {}
        impl<$($generics,)*> $crate::type_object::PySizedLayout<$name> for $layout {}
    };
}

/// Lets a `#[pyclass(extends = Type)]` extend the native type, whose instances are laid out
/// as `$layout`: the class's Rust value is stored after that struct, new objects are made by
/// the native type's own allocation, and they are freed by its own `tp_dealloc`. Expands to
/// nothing when this crate is built for the limited API (`abi3`).
///
/// Grammar: `pyobject_subclassable_native_type!(Type, layout $(; T)*)`.
///
/// The caller promises that instances of the type are exactly `$layout` (with no
/// variable-size part a subclass's value could overlap).
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_subclassable_native_type {
    ($name:ty, $layout:path $(; $generics:ident)*) => {
        $crate::__pyo3_full_api_only! {
            $crate::__pyo3_native_base_impl!($name, $layout $(; $generics)*);
        }
    };
}

/// The `PyClassBaseType` impl behind [`pyobject_subclassable_native_type!`], unconditional
/// (this crate also uses it on PyPy for the exception types).
#[doc(hidden)]
#[macro_export]
macro_rules! __pyo3_native_base_impl {
    ($name:ty, $layout:path $(; $generics:ident)*) => {
        // SAFETY: the macro's caller vouches for the layout; the native type's own
        // deallocation releases the base part of an object.
        unsafe impl<$($generics,)*> $crate::impl_::pyclass::PyClassBaseType for $name {
            type LayoutAsBase = $layout;
            type BaseNativeType = $name;
            type Initializer = $crate::impl_::pyclass_init::PyNativeTypeInitializer<Self>;
            type PyClassMutability = $crate::pyclass::boolean_struct::False;

            unsafe fn dealloc_base(py: $crate::Python<'_>, obj: *mut $crate::ffi::PyObject) {
                // SAFETY: per this method's contract, `obj` is a dying instance of a class
                // extending this native type.
                unsafe { $crate::impl_::pyclass::dealloc_native_base::<Self>(py, obj) }
            }

            unsafe fn root_borrow_flag<'a>(
                _obj: *mut $crate::ffi::PyObject,
            ) -> ::std::option::Option<&'a $crate::impl_::pyclass::layout::BorrowFlag> {
                ::std::option::Option::None
            }
        }
    };
}

/// Declares a native type whose instance layout is known: everything
/// `pyobject_native_type_core!` declares, plus the sized layout (full C API only).
///
/// Grammar: `pyobject_native_type!(Type, layout, typeobject $(, #module=expr)?
/// $(, #checkfunction=path)? $(; T)*)`.
#[doc(hidden)]
#[macro_export]
macro_rules! pyobject_native_type {
    ($name:ty, $layout:path, $typeobject:expr $(, #module=$module:expr)? $(, #checkfunction=$checkfunction:path)? $(; $generics:ident)*) => {
        $crate::pyobject_native_type_core!(
            $name,
            $typeobject
            $(, #module=$module)?
            $(, #checkfunction=$checkfunction)?
            $(; $generics)*
        );
        $crate::__pyo3_full_api_only! {
            $crate::pyobject_native_type_sized!($name, $layout $(; $generics)*);
        }
    };
}
