//! The FFI boundary for every callback from Python: mark the thread attached, run the Rust
//! body under `catch_unwind`, and turn `Err` into a raised exception and a panic into
//! `PanicException`. Non-generic entry points, so each binding adds only a call.

use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::attach::apply_pending_decrefs;
use crate::ffi;
use crate::impl_::pymodule::ModuleDef;
use crate::panic::PanicException;
use crate::{PyResult, Python};

/// The body of a `METH_FASTCALL | METH_KEYWORDS` function.
pub type FastcallBody = for<'py> unsafe fn(
    Python<'py>,
    *mut ffi::PyObject,
    *const *mut ffi::PyObject,
    ffi::Py_ssize_t,
    *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject>;

/// Aborts the process if a panic escapes past the point where it must have been caught
/// (a panic while turning a panic into `PanicException`). A zero-sized guard, so arming it
/// costs nothing on the call path.
struct PanicTrap;

impl Drop for PanicTrap {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("panic while handling a panic at the Python/Rust boundary");
            std::process::abort();
        }
    }
}

/// `getbufferproc` (`__getbuffer__`).
///
/// # Safety
///
/// Must be called from the C slot function with the arguments CPython passed to it.
#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
#[inline(never)]
pub unsafe fn getbuffer(
    slf: *mut ffi::PyObject,
    view: *mut ffi::Py_buffer,
    flags: std::os::raw::c_int,
    body: for<'py> unsafe fn(
        Python<'py>,
        *mut ffi::PyObject,
        *mut ffi::Py_buffer,
        std::os::raw::c_int,
    ) -> PyResult<std::os::raw::c_int>,
) -> std::os::raw::c_int {
    // SAFETY: forwarded from the caller.
    run_callback(move |py| unsafe { body(py, slf, view, flags) })
}

/// `releasebufferproc` (`__releasebuffer__`): an error or panic cannot be returned, so it
/// is reported through `sys.unraisablehook`, with the exporter as the object.
///
/// # Safety
///
/// Must be called from the C slot function with the arguments CPython passed to it.
#[cfg(any(not(Py_LIMITED_API), Py_3_11))]
#[inline(never)]
pub unsafe fn releasebuffer(
    slf: *mut ffi::PyObject,
    view: *mut ffi::Py_buffer,
    body: for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject, *mut ffi::Py_buffer) -> PyResult<()>,
) {
    // SAFETY: forwarded from the caller; `slf` is the live exporter.
    unsafe { run_unraisable(slf, move |py| body(py, slf, view)) }
}

/// Runs a callback that cannot fail in C's eyes (a destructor, `__releasebuffer__`): an
/// error or a panic goes to `sys.unraisablehook`, with `ctx` (NULL or a live object) as
/// the object it happened in.
///
/// # Safety
///
/// The thread is attached; `ctx` is NULL or a live object for the duration of the call.
pub(crate) unsafe fn run_unraisable<F>(ctx: *mut ffi::PyObject, body: F)
where
    F: for<'py> FnOnce(Python<'py>) -> PyResult<()>,
{
    let trap = PanicTrap;
    // SAFETY: per the caller, the thread is attached.
    let py = unsafe { Python::assume_attached() };
    let error = match catch_unwind(AssertUnwindSafe(move || body(py))) {
        Ok(Ok(())) => None,
        Ok(Err(err)) => Some(err),
        Err(payload) => Some(PanicException::from_panic_payload(payload)),
    };
    if let Some(err) = error {
        // Normalizing runs the lazy conversion of the error's arguments, which may panic.
        let err = match catch_unwind(AssertUnwindSafe(move || err.into_value(py))) {
            Ok(value) => crate::PyErr::from_value(value.into_bound(py).into_any()),
            Err(payload) => PanicException::from_panic_payload(payload),
        };
        // SAFETY: per the caller, `ctx` is NULL or a live object.
        let ctx = unsafe { crate::Bound::from_borrowed_ptr_or_opt(py, ctx) };
        err.write_unraisable(py, ctx.as_ref());
    }
    apply_pending_decrefs(py);
    std::mem::forget(trap);
}

/// Raises `err`. Raising runs user code when the error was created lazily (the conversion
/// of its arguments to Python), so a panic there is caught too and raised instead.
#[cold]
#[inline(never)]
fn raise(py: Python<'_>, err: crate::PyErr) {
    if let Err(payload) = catch_unwind(AssertUnwindSafe(move || err.restore(py))) {
        PanicException::from_panic_payload(payload).restore(py);
    }
}

/// What a C callback returns: a value, or the sentinel that says an exception is set.
pub trait CallbackReturn: Copy {
    /// The error sentinel (`NULL` or `-1`).
    const ERROR: Self;
}

impl CallbackReturn for *mut ffi::PyObject {
    const ERROR: Self = std::ptr::null_mut();
}

impl CallbackReturn for std::os::raw::c_int {
    const ERROR: Self = -1;
}

impl CallbackReturn for ffi::Py_ssize_t {
    const ERROR: Self = -1;
}

#[inline]
fn run_callback<R, F>(body: F) -> R
where
    R: CallbackReturn,
    F: for<'py> FnOnce(Python<'py>) -> PyResult<R>,
{
    let trap = PanicTrap;
    // SAFETY: CPython only calls extension callbacks on attached threads.
    let py = unsafe { Python::assume_attached() };
    let result = match catch_unwind(AssertUnwindSafe(move || body(py))) {
        Ok(Ok(value)) => value,
        Ok(Err(err)) => {
            raise(py, err);
            R::ERROR
        }
        Err(payload) => {
            raise(py, PanicException::from_panic_payload(payload));
            R::ERROR
        }
    };
    // Decrements deferred by threads that were not attached are applied here, after the
    // body: the arguments then pass straight through to it, and the work is the same.
    apply_pending_decrefs(py);
    std::mem::forget(trap);
    result
}

/// Declares the FFI-boundary entry points of type slots: each takes CPython's arguments and
/// a body with the same arguments after the `Python` token, and returns the body's value or
/// the slot's error sentinel. Non-generic, so each slot of each class adds only a call.
macro_rules! slot_boundaries {
    ($($(#[$doc:meta])* $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty;)*) => {$(
        $(#[$doc])*
        ///
        /// # Safety
        ///
        /// Must be called from the C slot function with the arguments CPython passed to it.
        #[inline(never)]
        pub unsafe fn $name(
            $($arg: $ty,)*
            body: for<'py> unsafe fn(Python<'py>, $($ty),*) -> PyResult<$ret>,
        ) -> $ret {
            // SAFETY: forwarded from the caller: the arguments are CPython's own.
            run_callback(move |py| unsafe { body(py, $($arg),*) })
        }
    )*};
}

slot_boundaries! {
    /// `unaryfunc` slots (`__repr__`, `__iter__`, `__neg__`, ...), and `iternextfunc`,
    /// where `Ok(NULL)` ends the iteration.
    unary(slf: *mut ffi::PyObject) -> *mut ffi::PyObject;
    /// `binaryfunc` slots (`__getitem__`, `__add__`, `__getattr__`, ...).
    binary(slf: *mut ffi::PyObject, arg: *mut ffi::PyObject) -> *mut ffi::PyObject;
    /// `ternaryfunc` slots (`__call__`, `__pow__`, `__get__`).
    ternary(slf: *mut ffi::PyObject, a: *mut ffi::PyObject, b: *mut ffi::PyObject) -> *mut ffi::PyObject;
    /// `richcmpfunc`.
    richcompare(slf: *mut ffi::PyObject, other: *mut ffi::PyObject, op: std::os::raw::c_int) -> *mut ffi::PyObject;
    /// `lenfunc` and `hashfunc` (`__len__`, `__hash__`).
    ssize(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t;
    /// `inquiry` slots (`__bool__`; `__clear__` has its own, [`clear`]).
    inquiry(slf: *mut ffi::PyObject) -> std::os::raw::c_int;
    /// `objobjproc` (`__contains__`).
    objobjproc(slf: *mut ffi::PyObject, arg: *mut ffi::PyObject) -> std::os::raw::c_int;
    /// `objobjargproc` slots (`__setitem__`/`__delitem__`, `__setattr__`/`__delattr__`,
    /// `__set__`/`__delete__`), where a NULL value asks for deletion.
    objobjargproc(slf: *mut ffi::PyObject, key: *mut ffi::PyObject, value: *mut ffi::PyObject) -> std::os::raw::c_int;
    /// `getter` of a property.
    getter(slf: *mut ffi::PyObject, closure: *mut std::os::raw::c_void) -> *mut ffi::PyObject;
    /// `setter` of a property (NULL value: deletion).
    setter(slf: *mut ffi::PyObject, value: *mut ffi::PyObject, closure: *mut std::os::raw::c_void) -> std::os::raw::c_int;
    /// `ssizeargfunc` (`__repeat__`).
    ssizearg(slf: *mut ffi::PyObject, count: ffi::Py_ssize_t) -> *mut ffi::PyObject;
    /// `newfunc` (`__new__`).
    newfunc(subtype: *mut ffi::PyTypeObject, args: *mut ffi::PyObject, kwargs: *mut ffi::PyObject) -> *mut ffi::PyObject;
}

/// `tp_clear` (`__clear__`). From 3.8 the collector reports an exception left by
/// `tp_clear` through `sys.unraisablehook`; 3.7's collector treats it as a fatal error, so
/// for builds that may run there the error (or panic) is reported here instead, with the
/// type as the object, and the slot succeeds.
///
/// # Safety
///
/// Must be called from the C slot function with the argument CPython passed to it.
#[inline(never)]
pub unsafe fn clear(
    slf: *mut ffi::PyObject,
    body: for<'py> unsafe fn(Python<'py>, *mut ffi::PyObject) -> PyResult<std::os::raw::c_int>,
) -> std::os::raw::c_int {
    #[cfg(Py_3_8)]
    {
        // SAFETY: forwarded from the caller: the argument is CPython's own.
        run_callback(move |py| unsafe { body(py, slf) })
    }
    #[cfg(not(Py_3_8))]
    {
        // SAFETY: forwarded from the caller; the type of a live object is alive.
        unsafe {
            let ty = ffi::Py_TYPE(slf).cast::<ffi::PyObject>();
            run_unraisable(ty, move |py| body(py, slf).map(drop));
        }
        0
    }
}

/// Runs a fastcall body at the FFI boundary.
///
/// # Safety
///
/// Must be called from a `METH_FASTCALL | METH_KEYWORDS` C function with the arguments
/// CPython passed to it.
#[inline(never)]
pub unsafe fn fastcall_with_keywords(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
    body: FastcallBody,
) -> *mut ffi::PyObject {
    // SAFETY: forwarded from the caller: the arguments are CPython's own.
    run_callback(move |py| unsafe { body(py, slf, args, nargs, kwnames) })
}

/// The body of a `METH_VARARGS | METH_KEYWORDS` function.
pub type VarargsBody = for<'py> unsafe fn(
    Python<'py>,
    *mut ffi::PyObject,
    *mut ffi::PyObject,
    *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject>;

/// Runs a `METH_VARARGS | METH_KEYWORDS` body (`self`, args tuple, kwargs dict or NULL) at
/// the FFI boundary; used by `PyCFunction::new_closure`.
///
/// # Safety
///
/// Must be called from a `METH_VARARGS | METH_KEYWORDS` C function with the arguments
/// CPython passed to it.
#[inline(never)]
pub unsafe fn varargs_with_keywords(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
    body: VarargsBody,
) -> *mut ffi::PyObject {
    // SAFETY: forwarded from the caller: the arguments are CPython's own.
    run_callback(move |py| unsafe { body(py, slf, args, kwargs) })
}

/// The body of `PyInit_<name>`: creates the module and runs its initializer.
///
/// # Safety
///
/// Must be called by CPython's import machinery (attached thread).
#[inline(never)]
pub unsafe fn module_init(def: &'static ModuleDef) -> *mut ffi::PyObject {
    run_callback(move |py| {
        crate::impl_::leak_report::init();
        def.make_module(py).map(crate::Py::into_ptr)
    })
}
