//! How a `#[pyclass]` instance is laid out in memory, and how it dies.
//!
//! ```text
//! PyClassObject<T> = { base part (PyObject, a native struct, or the base class's
//!                      PyClassObject), PyClassContents<T> }
//! PyClassContents<T> = { value: T, borrow flag, thread checker, __dict__?, __weakref__? }
//! ```
//!
//! Every level of a `#[pyclass]` inheritance chain has its own contents, but borrows go
//! through the root class's flag only, so that a `PyRef<Sub>` and a `PyRef<Base>` of one
//! object exclude each other's mutable borrows. Offsets come from `offset_of!` on these
//! generic types; the macro never spells a size or offset out.

use std::cell::UnsafeCell;
use std::mem::{offset_of, ManuallyDrop};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::ffi;
use crate::impl_::pyclass::{InstanceSlot, PyClassBaseType, PyClassImpl};
use crate::pyclass::{PyBorrowError, PyBorrowMutError};
use crate::type_object::PyTypeInfo;
use crate::Python;

/// The C layout of an instance of `T`.
#[repr(C)]
pub struct PyClassObject<T: PyClassImpl> {
    ob_base: <T::BaseType as PyClassBaseType>::LayoutAsBase,
    contents: PyClassContents<T>,
}

/// What `T`'s level of the object holds.
#[repr(C)]
pub(crate) struct PyClassContents<T: PyClassImpl> {
    value: ManuallyDrop<UnsafeCell<T>>,
    borrow_flag: BorrowFlag,
    thread_checker: T::ThreadChecker,
    dict: T::Dict,
    weakref: T::WeakRef,
}

impl<T: PyClassImpl> PyClassContents<T> {
    pub(crate) fn new(value: T) -> Self {
        PyClassContents {
            value: ManuallyDrop::new(UnsafeCell::new(value)),
            borrow_flag: BorrowFlag::unused(),
            thread_checker: T::ThreadChecker::new(),
            dict: T::Dict::INIT,
            weakref: T::WeakRef::INIT,
        }
    }
}

impl<T: PyClassImpl> PyClassObject<T> {
    /// The size of an instance (`tp_basicsize`).
    pub(crate) const SIZE: usize = std::mem::size_of::<PyClassObject<T>>();
    /// Where `__dict__` is, if the class has one.
    pub(crate) const DICT_OFFSET: Option<usize> = if T::Dict::PRESENT {
        Some(offset_of!(PyClassObject<T>, contents) + offset_of!(PyClassContents<T>, dict))
    } else {
        None
    };
    /// Where the weak reference list is, if the class has one.
    pub(crate) const WEAKREF_OFFSET: Option<usize> = if T::WeakRef::PRESENT {
        Some(offset_of!(PyClassObject<T>, contents) + offset_of!(PyClassContents<T>, weakref))
    } else {
        None
    };
}

/// `T`'s contents inside `obj`.
///
/// # Safety
///
/// `obj` is an instance of `T` (or of a subclass), alive for `'a`.
#[inline]
pub(crate) unsafe fn contents<'a, T: PyClassImpl>(
    obj: *mut ffi::PyObject,
) -> &'a mut PyClassContents<T> {
    // SAFETY: per the caller, `obj` starts with `PyClassObject<T>`'s layout.
    unsafe { &mut (*obj.cast::<PyClassObject<T>>()).contents }
}

/// Writes the contents of a freshly allocated object's `T` level.
///
/// # Safety
///
/// `obj` was just allocated as an instance of `T` (or of a subclass) and its `T` level is
/// not initialized yet.
pub(crate) unsafe fn write_contents<T: PyClassImpl>(obj: *mut ffi::PyObject, value: T) {
    // SAFETY: per the caller; `addr_of_mut!` avoids a reference to uninitialized memory.
    unsafe {
        let target = std::ptr::addr_of_mut!((*obj.cast::<PyClassObject<T>>()).contents);
        target.write(PyClassContents::new(value));
    }
}

/// A pointer to the Rust value inside `obj`.
///
/// # Safety
///
/// `obj` is a live instance of `T` (or of a subclass).
#[inline]
pub unsafe fn value_ptr<T: PyClassImpl>(obj: *mut ffi::PyObject) -> *mut T {
    // SAFETY: per the caller.
    unsafe { contents::<T>(obj).value.get() }
}

/// The borrow flag shared by every level of `obj`: the root class's.
///
/// # Safety
///
/// `obj` is a live instance of `T` (or of a subclass), alive for `'a`.
#[inline]
pub unsafe fn borrow_flag<'a, T: PyClassImpl>(obj: *mut ffi::PyObject) -> &'a BorrowFlag {
    // SAFETY: per the caller; the base's contents come first in the same object.
    unsafe {
        match <T::BaseType as PyClassBaseType>::root_borrow_flag(obj) {
            Some(flag) => flag,
            None => &contents::<T>(obj).borrow_flag,
        }
    }
}

/// Panics if `T` is `unsendable` and `obj` was created on another thread.
///
/// # Safety
///
/// `obj` is a live instance of `T` (or of a subclass).
#[inline]
pub unsafe fn check_thread<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    // SAFETY: per the caller.
    unsafe {
        contents::<T>(obj)
            .thread_checker
            .ensure(std::any::type_name::<T>())
    }
}

/// Drops what `T`'s level of a dying object holds: the weak references to it, its
/// `__dict__` and the Rust value (unless the value belongs to another thread).
///
/// # Safety
///
/// `obj` is a dying instance of `T` (or of a subclass); called once per object.
pub(crate) unsafe fn drop_contents<T: PyClassImpl>(py: Python<'_>, obj: *mut ffi::PyObject) {
    // SAFETY: per the caller.
    let contents = unsafe { contents::<T>(obj) };
    // SAFETY: the slots belong to `obj`, which is dying.
    unsafe {
        contents.weakref.clear(obj);
        contents.dict.clear(obj);
    }
    if !contents
        .thread_checker
        .can_drop(py, std::any::type_name::<T>())
    {
        return;
    }
    // SAFETY: the value was initialized when the object was created and is dropped only
    // here, once.
    let value = unsafe { ManuallyDrop::take(&mut contents.value) };
    crate::impl_::pyclass::slots::drop_catching_panics(py, value);
}

/// Frees a dying object through its native base type: `tp_free` for `object`, the
/// native type's own `tp_dealloc` otherwise (which frees the memory itself).
///
/// # Safety
///
/// `obj` is a dying object whose native base is `native_type`; every Rust level has been
/// dropped.
pub(crate) unsafe fn dealloc_native(
    py: Python<'_>,
    obj: *mut ffi::PyObject,
    native_type: *mut ffi::PyTypeObject,
) {
    // SAFETY: per the caller; the slots read are those of live type objects.
    unsafe {
        let object_type = crate::types::PyAny::type_object_raw(py);
        if native_type != object_type {
            if let Some(dealloc) = type_slot::<ffi::destructor>(native_type, ffi::Py_tp_dealloc) {
                // `tp_dealloc` untracked the object before the Rust values were dropped; a
                // GC native type's own dealloc untracks it again, which older CPythons
                // (`_PyObject_GC_UNTRACK` in 3.7's exceptions) only do safely on a tracked
                // object. So it is tracked again for the native part, as `subtype_dealloc`
                // does before calling a base's dealloc.
                if ffi::PyType_IS_GC(native_type) != 0 {
                    ffi::PyObject_GC_Track(obj.cast());
                }
                dealloc(obj);
                return;
            }
        }
        let ty = ffi::Py_TYPE(obj);
        match type_slot::<ffi::freefunc>(ty, ffi::Py_tp_free) {
            Some(free) => free(obj.cast()),
            None => ffi::PyObject_Free(obj.cast()),
        }
    }
}

/// Reads a function slot of a type object: a plain field load with the full API (these
/// reads are on the per-instance paths), `PyType_GetSlot` with the limited API.
///
/// # Safety
///
/// `ty` is a live type object and `F` is the function type of `slot`, one of `tp_dealloc`,
/// `tp_free`, `tp_alloc` and `tp_new`. With the limited API below 3.10, `ty` is a heap type
/// (`PyType_GetSlot` accepts static types only from 3.10).
#[inline]
pub(crate) unsafe fn type_slot<F: Copy>(ty: *mut ffi::PyTypeObject, slot: i32) -> Option<F> {
    // SAFETY: per the caller: the fields read are those of a live type object.
    unsafe {
        // PyPy's `cpyext` keeps CPython's type object layout, and its `PyType_GetSlot`
        // refuses static types (as CPython's before 3.10): read the fields there too.
        #[cfg(Py_LIMITED_API)]
        let ptr = ffi::PyType_GetSlot(ty, slot);
        #[cfg(not(Py_LIMITED_API))]
        let ptr: *mut std::os::raw::c_void = match slot {
            ffi::Py_tp_dealloc => std::mem::transmute::<
                Option<ffi::destructor>,
                *mut std::os::raw::c_void,
            >((*ty).tp_dealloc),
            ffi::Py_tp_free => std::mem::transmute::<
                Option<ffi::freefunc>,
                *mut std::os::raw::c_void,
            >((*ty).tp_free),
            ffi::Py_tp_alloc => std::mem::transmute::<
                Option<ffi::allocfunc>,
                *mut std::os::raw::c_void,
            >((*ty).tp_alloc),
            ffi::Py_tp_new => {
                std::mem::transmute::<Option<ffi::newfunc>, *mut std::os::raw::c_void>((*ty).tp_new)
            }
            _ => {
                debug_assert!(false, "type_slot does not read slot {slot}");
                std::ptr::null_mut()
            }
        };
        if ptr.is_null() {
            None
        } else {
            Some(std::mem::transmute_copy::<*mut std::os::raw::c_void, F>(
                &ptr,
            ))
        }
    }
}

/// The borrow state of one object: how many shared borrows exist, or that one exclusive
/// borrow does. With the GIL, a plain load and store (the GIL orders them); on
/// free-threaded builds, compare-and-swap.
pub struct BorrowFlag(AtomicUsize);

const EXCLUSIVE: usize = usize::MAX;

impl BorrowFlag {
    pub(crate) const fn unused() -> BorrowFlag {
        BorrowFlag(AtomicUsize::new(0))
    }

    /// Registers a shared borrow.
    #[inline]
    pub fn try_borrow(&self) -> Result<(), PyBorrowError> {
        #[cfg(not(Py_GIL_DISABLED))]
        {
            let count = self.0.load(Ordering::Relaxed);
            if count == EXCLUSIVE || count == EXCLUSIVE - 1 {
                return Err(PyBorrowError::NEW);
            }
            self.0.store(count + 1, Ordering::Relaxed);
            Ok(())
        }
        #[cfg(Py_GIL_DISABLED)]
        {
            let mut count = self.0.load(Ordering::Relaxed);
            loop {
                if count == EXCLUSIVE || count == EXCLUSIVE - 1 {
                    return Err(PyBorrowError::NEW);
                }
                match self.0.compare_exchange_weak(
                    count,
                    count + 1,
                    Ordering::Acquire,
                    Ordering::Relaxed,
                ) {
                    Ok(_) => return Ok(()),
                    Err(now) => count = now,
                }
            }
        }
    }

    /// Releases a shared borrow.
    #[inline]
    pub fn release_borrow(&self) {
        #[cfg(not(Py_GIL_DISABLED))]
        self.0
            .store(self.0.load(Ordering::Relaxed) - 1, Ordering::Relaxed);
        #[cfg(Py_GIL_DISABLED)]
        self.0.fetch_sub(1, Ordering::Release);
    }

    /// Registers the exclusive borrow.
    #[inline]
    pub fn try_borrow_mut(&self) -> Result<(), PyBorrowMutError> {
        #[cfg(not(Py_GIL_DISABLED))]
        {
            if self.0.load(Ordering::Relaxed) != 0 {
                return Err(PyBorrowMutError::NEW);
            }
            self.0.store(EXCLUSIVE, Ordering::Relaxed);
            Ok(())
        }
        #[cfg(Py_GIL_DISABLED)]
        match self
            .0
            .compare_exchange(0, EXCLUSIVE, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => Ok(()),
            Err(_) => Err(PyBorrowMutError::NEW),
        }
    }

    /// Releases the exclusive borrow.
    #[inline]
    pub fn release_borrow_mut(&self) {
        self.0.store(0, Ordering::Release);
    }

    /// Whether the value is exclusively borrowed right now.
    #[inline]
    pub fn is_mutably_borrowed(&self) -> bool {
        self.0.load(Ordering::Relaxed) == EXCLUSIVE
    }
}

/// Which thread may touch a class's values.
pub trait ThreadChecker: Sized {
    /// The checker of a value created on the current thread.
    fn new() -> Self;
    /// Panics if the current thread may not touch the value.
    fn ensure(&self, type_name: &str);
    /// Whether the value may be dropped on the current thread (reporting it if not).
    fn can_drop(&self, py: Python<'_>, type_name: &str) -> bool;
}

/// Values of `Send` classes may be touched from any attached thread.
pub struct SendableChecker;

impl ThreadChecker for SendableChecker {
    #[inline]
    fn new() -> Self {
        SendableChecker
    }
    #[inline]
    fn ensure(&self, _type_name: &str) {}
    #[inline]
    fn can_drop(&self, _py: Python<'_>, _type_name: &str) -> bool {
        true
    }
}

/// Values of `unsendable` classes belong to the thread that created them.
pub struct UnsendableChecker(std::thread::ThreadId);

impl ThreadChecker for UnsendableChecker {
    fn new() -> Self {
        UnsendableChecker(std::thread::current().id())
    }

    fn ensure(&self, type_name: &str) {
        assert!(
            std::thread::current().id() == self.0,
            "{} is unsendable, but sent to another thread",
            short_name(type_name)
        );
    }

    fn can_drop(&self, py: Python<'_>, type_name: &str) -> bool {
        if std::thread::current().id() == self.0 {
            return true;
        }
        // The value stays allocated (leaked) rather than dropped on the wrong thread.
        crate::exceptions::PyRuntimeError::new_err(format!(
            "{} is unsendable, but is being dropped on another thread",
            short_name(type_name)
        ))
        .write_unraisable(py, None);
        false
    }
}

/// `path::to::Type` without the path.
fn short_name(type_name: &str) -> &str {
    type_name.rsplit("::").next().unwrap_or(type_name)
}

/// The slot of a class without `__dict__` or `__weakref__`: nothing at all.
pub struct NoSlot;

impl InstanceSlot for NoSlot {
    const PRESENT: bool = false;
    const INIT: Self = NoSlot;
    unsafe fn clear(&mut self, _obj: *mut ffi::PyObject) {}
}

/// The `__dict__` of a `dict` class's instances (created by CPython on first use).
#[repr(transparent)]
pub struct DictSlot(*mut ffi::PyObject);

impl InstanceSlot for DictSlot {
    const PRESENT: bool = true;
    const INIT: Self = DictSlot(std::ptr::null_mut());
    unsafe fn clear(&mut self, _obj: *mut ffi::PyObject) {
        let dict = std::mem::replace(&mut self.0, std::ptr::null_mut());
        if !dict.is_null() {
            // SAFETY: the slot owned one reference to the dict.
            unsafe { ffi::Py_DECREF(dict) }
        }
    }
}

/// The weak reference list of a `weakref` class's instances.
#[repr(transparent)]
pub struct WeakRefSlot(*mut ffi::PyObject);

impl InstanceSlot for WeakRefSlot {
    const PRESENT: bool = true;
    const INIT: Self = WeakRefSlot(std::ptr::null_mut());
    unsafe fn clear(&mut self, obj: *mut ffi::PyObject) {
        if !self.0.is_null() {
            // SAFETY: `obj` is dying and still intact; CPython clears the list it owns.
            unsafe { ffi::PyObject_ClearWeakRefs(obj) }
        }
    }
}

/// `tp_dealloc` of every `#[pyclass]`: drops each Rust level, frees the object through its
/// native base and releases the instance's reference to its heap type.
///
/// # Safety
///
/// Called by CPython with a dying instance of `T` (or of a Python subclass of `T`).
pub unsafe extern "C" fn tp_dealloc<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    // SAFETY: CPython deallocates objects on attached threads.
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `obj` is dying and is an instance of `T`; its type stays alive until the
    // reference released last below.
    unsafe {
        let ty = ffi::Py_TYPE(obj);
        if ffi::PyType_IS_GC(ty) != 0 {
            ffi::PyObject_GC_UnTrack(obj.cast());
        }
        drop_contents::<T>(py, obj);
        <T::BaseType as PyClassBaseType>::dealloc_base(py, obj);
        // From 3.8 the instance of a heap type owns a reference to it, released by the
        // type's own dealloc; a Python subclass's `subtype_dealloc` leaves that to us. On
        // 3.7 `subtype_dealloc` releases it, so only exact instances do it here.
        #[cfg(Py_3_8)]
        let release = true;
        #[cfg(not(Py_3_8))]
        let release = ty == T::lazy_type_object().get_raw(py);
        if release && ffi::PyType_HasFeature(ty, ffi::Py_TPFLAGS_HEAPTYPE) != 0 {
            ffi::Py_DECREF(ty.cast());
        }
    }
}

/// `tp_alloc` of every `#[pyclass]` while the leak report is on (see
/// `impl_::leak_report`): allocates and counts the new instance.
///
/// # Safety
///
/// Called by CPython, attached, as the `tp_alloc` of `T`'s own type object.
pub(crate) unsafe extern "C" fn tp_alloc_counted<T: PyClassImpl>(
    subtype: *mut ffi::PyTypeObject,
    nitems: ffi::Py_ssize_t,
) -> *mut ffi::PyObject {
    let counter = T::lazy_type_object().live_counter();
    // SAFETY: per the caller.
    unsafe { crate::impl_::leak_report::alloc_counted(subtype, nitems, counter, T::class_info) }
}

/// `tp_dealloc` of every `#[pyclass]` while the leak report is on: [`tp_dealloc`], and the
/// instance uncounted if [`tp_alloc_counted`] counted it, i.e. if it is an instance of `T`
/// itself (a Python subclass allocates through CPython's own `tp_alloc`, uncounted).
///
/// # Safety
///
/// As [`tp_dealloc`].
pub(crate) unsafe extern "C" fn tp_dealloc_counted<T: PyClassImpl>(obj: *mut ffi::PyObject) {
    // SAFETY: CPython deallocates objects on attached threads.
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `obj` is alive until `tp_dealloc` below frees it.
    let counted = unsafe { ffi::Py_TYPE(obj) } == T::lazy_type_object().get_raw(py);
    // SAFETY: per the caller.
    unsafe { tp_dealloc::<T>(obj) };
    if counted {
        crate::impl_::leak_report::freed(T::lazy_type_object().live_counter());
    }
}
