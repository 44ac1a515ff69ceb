//! `PyCapsule`: a Rust value handed to Python (and to other extensions) as an opaque
//! object, optionally under a dotted name that `PyCapsule::import` can find again.
//!
//! The value lives in a heap block owned by the capsule together with its name and its
//! destructor; the capsule's pointer is the address of the value, so C code reading the
//! capsule sees a plain `T*`.

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_void};
use std::ptr::NonNull;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::native_type;
use crate::{PyErr, PyResult, Python};

native_type!(
    /// A Python capsule.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyCapsule, PyCapsuleMethods};
    /// Python::attach(|py| {
    ///     let capsule = PyCapsule::new(py, 42u32, Some(c"demo.answer".to_owned())).unwrap();
    ///     let name = capsule.name().unwrap().unwrap();
    ///     // SAFETY: the capsule, which owns the name, is still alive.
    ///     assert_eq!(unsafe { name.as_cstr() }, c"demo.answer");
    ///     // SAFETY: the capsule holds a u32.
    ///     assert_eq!(unsafe { *capsule.reference::<u32>() }, 42);
    /// });
    /// ```
    PyCapsule, PyCapsule_Type, ffi::PyCapsule_CheckExact, Some("builtins")
);

/// Rejects zero-sized types at compile time: their values would all share one address,
/// and a capsule cannot hold a NULL pointer.
pub trait AssertNotZeroSized: Sized {
    #[doc(hidden)]
    const NOT_ZERO_SIZED: () = assert!(
        std::mem::size_of::<Self>() != 0,
        "a PyCapsule value must not be zero-sized"
    );
}

impl<T> AssertNotZeroSized for T {}

/// The heap block a capsule owns. `value` comes first (and the layout is C's) so that the
/// block's address is the value's address.
#[repr(C)]
struct CapsuleContents<T, F> {
    value: T,
    destructor: F,
    name: Option<CString>,
}

/// Runs when CPython frees a capsule made by `PyCapsule::new_with_destructor`. A panic in
/// the destructor (or in the value's `Drop`) cannot unwind into C: it is reported through
/// `sys.unraisablehook`.
unsafe extern "C" fn capsule_destructor<T: 'static + Send, F: FnOnce(T, *mut c_void) + Send>(
    capsule: *mut ffi::PyObject,
) {
    // SAFETY: CPython calls this with the dying capsule; its name and pointer are the ones
    // we set, so the pointer is the `Box<CapsuleContents<T, F>>` we leaked in `new...`,
    // reclaimed here exactly once. Destructors run on attached threads; the dying capsule
    // is not handed to the hook (NULL).
    unsafe {
        let name = ffi::PyCapsule_GetName(capsule);
        let pointer = ffi::PyCapsule_GetPointer(capsule, name);
        let context = ffi::PyCapsule_GetContext(capsule);
        let contents = Box::from_raw(pointer.cast::<CapsuleContents<T, F>>());
        crate::impl_::trampoline::run_unraisable(std::ptr::null_mut(), move |_py| {
            let CapsuleContents {
                value, destructor, ..
            } = *contents;
            destructor(value, context);
            Ok(())
        });
    }
}

impl PyCapsule {
    /// A capsule holding `value`, dropped when the capsule is freed. Give a `name` (e.g.
    /// `"package.module.attr"`) to make it findable by [`PyCapsule::import`].
    pub fn new<T: 'static + Send + AssertNotZeroSized>(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
    ) -> PyResult<Bound<'_, PyCapsule>> {
        Self::new_with_destructor(py, value, name, |_, _| {})
    }

    /// Like [`PyCapsule::new`], with `destructor(value, context)` run when the capsule is
    /// freed (`context` is whatever `set_context` stored last).
    pub fn new_with_destructor<
        T: 'static + Send + AssertNotZeroSized,
        F: FnOnce(T, *mut c_void) + Send,
    >(
        py: Python<'_>,
        value: T,
        name: Option<CString>,
        destructor: F,
    ) -> PyResult<Bound<'_, PyCapsule>> {
        #[allow(clippy::let_unit_value)]
        let () = T::NOT_ZERO_SIZED;
        let contents = Box::new(CapsuleContents {
            value,
            destructor,
            name,
        });
        let name_ptr = contents
            .name
            .as_ref()
            .map_or(std::ptr::null(), |n| n.as_ptr());
        let pointer = Box::into_raw(contents);
        // SAFETY: attached; `pointer` is non-NULL and stays valid until our destructor
        // reclaims it; the name lives inside the same block. On failure the capsule was
        // not created, so we reclaim the block ourselves.
        unsafe {
            let capsule =
                ffi::PyCapsule_New(pointer.cast(), name_ptr, Some(capsule_destructor::<T, F>));
            if capsule.is_null() {
                drop(Box::from_raw(pointer));
                return Err(PyErr::fetch(py));
            }
            Ok(capsule.assume_owned(py).cast_into_unchecked())
        }
    }

    /// The value of the capsule named `name` (`"package.module.attr"`), importing the
    /// module if needed.
    ///
    /// # Safety
    ///
    /// The capsule must hold a `T`, and it must stay alive (not be replaced or freed) for
    /// `'py`.
    pub unsafe fn import<'py, T>(py: Python<'py>, name: &CStr) -> PyResult<&'py T> {
        // SAFETY: attached; `name` is NUL-terminated; returns the pointer or NULL with an
        // error set.
        let pointer = unsafe { ffi::PyCapsule_Import(name.as_ptr(), 0) };
        if pointer.is_null() {
            Err(PyErr::fetch(py))
        } else {
            // SAFETY: the caller vouches for the type and the lifetime.
            Ok(unsafe { &*pointer.cast::<T>() })
        }
    }
}

/// Methods of `Bound<PyCapsule>`.
pub trait PyCapsuleMethods<'py> {
    /// Stores a context pointer, passed to the destructor.
    fn set_context(&self, context: *mut c_void) -> PyResult<()>;
    /// The context pointer (NULL if never set).
    fn context(&self) -> PyResult<*mut c_void>;
    /// The value, as `&T`.
    ///
    /// # Safety
    ///
    /// The capsule must hold a `T` and outlive the reference.
    unsafe fn reference<T>(&self) -> &'py T;
    /// The raw pointer held by the capsule (NULL, with no error set, if the capsule is
    /// invalid).
    fn pointer(&self) -> *mut c_void;
    /// The pointer held by the capsule, checked against the expected `name` (`None`
    /// expects an unnamed capsule).
    ///
    /// # Errors
    ///
    /// `ValueError` if the names differ or the capsule is invalid.
    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>>;
    /// Whether the capsule is valid (non-NULL pointer), whatever its name.
    fn is_valid(&self) -> bool;
    /// Whether the capsule is valid and carries exactly `name` (`None`: no name).
    fn is_valid_checked(&self, name: Option<&CStr>) -> bool;
    /// The capsule's name, if it has one.
    fn name(&self) -> PyResult<Option<CapsuleName>>;
}

/// The name of a capsule, as stored in it. The capsule owns (or borrows) the string, so
/// it is valid only while the capsule is alive and its name unchanged.
#[derive(Clone, Copy, Debug)]
pub struct CapsuleName {
    ptr: NonNull<c_char>,
}

impl CapsuleName {
    /// The name as a C string.
    ///
    /// # Safety
    ///
    /// The capsule the name was read from must outlive `'a` and keep this name.
    pub unsafe fn as_cstr<'a>(self) -> &'a CStr {
        // SAFETY: the pointer came from PyCapsule_GetName (a NUL-terminated string) and
        // the caller vouches that it is still alive.
        unsafe { CStr::from_ptr(self.ptr.as_ptr()) }
    }

    /// The name as a raw C string pointer.
    pub fn as_ptr(self) -> *const c_char {
        self.ptr.as_ptr()
    }
}

fn name_ptr(name: Option<&CStr>) -> *const c_char {
    name.map_or(std::ptr::null(), CStr::as_ptr)
}

impl<'py> PyCapsuleMethods<'py> for Bound<'py, PyCapsule> {
    // The context is stored, never dereferenced, by CPython or by us.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    fn set_context(&self, context: *mut c_void) -> PyResult<()> {
        // SAFETY: attached; the capsule is alive.
        if unsafe { ffi::PyCapsule_SetContext(self.as_ptr(), context) } == 0 {
            Ok(())
        } else {
            Err(PyErr::fetch(self.py()))
        }
    }

    fn context(&self) -> PyResult<*mut c_void> {
        // SAFETY: attached; the capsule is alive.
        let context = unsafe { ffi::PyCapsule_GetContext(self.as_ptr()) };
        if context.is_null() {
            if let Some(err) = PyErr::take(self.py()) {
                return Err(err);
            }
        }
        Ok(context)
    }

    unsafe fn reference<T>(&self) -> &'py T {
        // SAFETY: the caller vouches for the type and lifetime.
        unsafe { &*self.pointer().cast::<T>() }
    }

    fn pointer(&self) -> *mut c_void {
        // SAFETY: attached; asking with the capsule's own name always matches.
        unsafe {
            let name = ffi::PyCapsule_GetName(self.as_ptr());
            let pointer = ffi::PyCapsule_GetPointer(self.as_ptr(), name);
            if pointer.is_null() {
                ffi::PyErr_Clear();
            }
            pointer
        }
    }

    fn pointer_checked(&self, name: Option<&CStr>) -> PyResult<NonNull<c_void>> {
        // SAFETY: attached; the capsule is alive; the name is NULL or a live C string.
        let pointer = unsafe { ffi::PyCapsule_GetPointer(self.as_ptr(), name_ptr(name)) };
        NonNull::new(pointer).ok_or_else(|| PyErr::fetch(self.py()))
    }

    fn is_valid_checked(&self, name: Option<&CStr>) -> bool {
        // SAFETY: attached; the capsule is alive; the name is NULL or a live C string.
        unsafe { ffi::PyCapsule_IsValid(self.as_ptr(), name_ptr(name)) != 0 }
    }

    fn is_valid(&self) -> bool {
        // SAFETY: attached; asking with the capsule's own name checks only the pointer.
        unsafe {
            let name = ffi::PyCapsule_GetName(self.as_ptr());
            ffi::PyCapsule_IsValid(self.as_ptr(), name) != 0
        }
    }

    fn name(&self) -> PyResult<Option<CapsuleName>> {
        // SAFETY: attached; the capsule is alive.
        let name = unsafe { ffi::PyCapsule_GetName(self.as_ptr()) };
        match NonNull::new(name.cast_mut()) {
            Some(ptr) => Ok(Some(CapsuleName { ptr })),
            None => match PyErr::take(self.py()) {
                Some(err) => Err(err),
                None => Ok(None),
            },
        }
    }
}
