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

#[inline]
fn run_callback<F>(body: F) -> *mut ffi::PyObject
where
    F: for<'py> FnOnce(Python<'py>) -> PyResult<*mut ffi::PyObject>,
{
    let trap = PanicTrap;
    // SAFETY: CPython only calls extension callbacks on attached threads.
    let py = unsafe { Python::assume_attached() };
    let result = match catch_unwind(AssertUnwindSafe(move || body(py))) {
        Ok(Ok(ptr)) => ptr,
        Ok(Err(err)) => {
            err.restore(py);
            std::ptr::null_mut()
        }
        Err(payload) => {
            PanicException::from_panic_payload(payload).restore(py);
            std::ptr::null_mut()
        }
    };
    // Decrements deferred by threads that were not attached are applied here, after the
    // body: the arguments then pass straight through to it, and the work is the same.
    apply_pending_decrefs(py);
    std::mem::forget(trap);
    result
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
    run_callback(move |py| def.make_module(py).map(crate::Py::into_ptr))
}
