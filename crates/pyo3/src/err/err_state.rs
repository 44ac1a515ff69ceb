//! The inside of a `PyErr`: either a lazy recipe (type + arguments, built on first use) or
//! a normalized exception instance; plus fetching the raised exception on every version.

use std::sync::{Mutex, OnceLock};

use crate::exceptions::PyBaseException;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::types::PyAny;
use crate::Python;

/// The recipe of a lazy error: builds `(exception type, arguments)` when first needed.
pub(crate) trait LazyRecipe:
    for<'py> FnOnce(Python<'py>) -> (Py<PyAny>, Py<PyAny>) + Send + Sync + 'static
{
}

impl<F> LazyRecipe for F where
    F: for<'py> FnOnce(Python<'py>) -> (Py<PyAny>, Py<PyAny>) + Send + Sync + 'static
{
}

/// A `PyErr`'s state in ONE allocation: the recipe (if any) sits inline next to the cell
/// that will hold the normalized exception, behind a single trait object.
pub(crate) struct PyErrState(Box<dyn ErrStateCell>);

/// The operations a `PyErrState` needs from its (recipe-typed) cell.
trait ErrStateCell: Send + Sync {
    fn normalized(&self, py: Python<'_>) -> &Py<PyBaseException>;
    fn restore(self: Box<Self>, py: Python<'_>);
}

struct Cell<F> {
    normalized: OnceLock<Py<PyBaseException>>,
    recipe: Mutex<Option<F>>,
}

impl<F: LazyRecipe> ErrStateCell for Cell<F> {
    fn normalized(&self, py: Python<'_>) -> &Py<PyBaseException> {
        self.normalized.get_or_init(|| {
            let recipe = self
                .recipe
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .expect("PyErr state is neither lazy nor normalized");
            raise_lazy(py, recipe);
            fetch_raised(py)
                .expect("raising a lazy exception did not set an exception")
                .unbind()
        })
    }

    fn restore(self: Box<Self>, py: Python<'_>) {
        let Cell { normalized, recipe } = *self;
        match normalized.into_inner() {
            Some(value) => raise_instance(py, value.into_bound(py)),
            None => {
                let recipe = recipe
                    .into_inner()
                    .unwrap_or_else(|e| e.into_inner())
                    .expect("PyErr state is empty");
                raise_lazy(py, recipe);
            }
        }
    }
}

/// The recipe type of a state that was normalized from the start.
type NoRecipe = fn(Python<'_>) -> (Py<PyAny>, Py<PyAny>);

impl PyErrState {
    pub(crate) fn lazy<F: LazyRecipe>(recipe: F) -> Self {
        PyErrState(Box::new(Cell {
            normalized: OnceLock::new(),
            recipe: Mutex::new(Some(recipe)),
        }))
    }

    pub(crate) fn from_normalized(value: Py<PyBaseException>) -> Self {
        let normalized = OnceLock::new();
        let _ = normalized.set(value);
        PyErrState(Box::new(Cell::<NoRecipe> {
            normalized,
            recipe: Mutex::new(None),
        }))
    }

    /// The exception instance, building it from the recipe the first time.
    pub(crate) fn normalized(&self, py: Python<'_>) -> &Py<PyBaseException> {
        self.0.normalized(py)
    }

    /// Sets this error as the interpreter's current exception.
    pub(crate) fn restore(self, py: Python<'_>) {
        self.0.restore(py)
    }
}

fn raise_lazy(py: Python<'_>, recipe: impl LazyRecipe) {
    let (ptype, pvalue) = recipe(py);
    // Bound, so that dropping them after the call needs no attachment check.
    let (ptype, pvalue) = (ptype.into_bound(py), pvalue.into_bound(py));
    // SAFETY: attached; `ptype` is alive, checked to be an exception class before
    // PyErr_SetObject (which requires one), and `pvalue` is alive for the call.
    unsafe {
        if ffi::PyExceptionClass_Check(ptype.as_ptr()) == 0 {
            ffi::PyErr_SetString(
                ffi::PyExc_TypeError,
                c"exceptions must derive from BaseException".as_ptr(),
            );
        } else {
            ffi::PyErr_SetObject(ptype.as_ptr(), pvalue.as_ptr());
            #[cfg(PyPy)]
            normalize_raised();
        }
    }
}

/// Turns the exception just set into an instance. PyPy's cpyext keeps an exception set
/// from C as a class and its arguments, and its `await` reads the value of such a
/// `StopIteration` as `None`: a coroutine's result would be lost.
///
/// # Safety
///
/// The thread must be attached, with an exception set.
#[cfg(PyPy)]
unsafe fn normalize_raised() {
    let mut ptype = std::ptr::null_mut();
    let mut pvalue = std::ptr::null_mut();
    let mut ptraceback = std::ptr::null_mut();
    // SAFETY: attached (the caller's contract); the three references are taken from the
    // error indicator, normalized in place and handed back to it.
    unsafe {
        ffi::PyErr_Fetch(&mut ptype, &mut pvalue, &mut ptraceback);
        ffi::PyErr_NormalizeException(&mut ptype, &mut pvalue, &mut ptraceback);
        ffi::PyErr_Restore(ptype, pvalue, ptraceback);
    }
}

fn raise_instance(py: Python<'_>, value: Bound<'_, PyBaseException>) {
    let _ = py;
    #[cfg(Py_3_12)]
    // SAFETY: attached; PyErr_SetRaisedException steals the reference we release.
    unsafe {
        ffi::PyErr_SetRaisedException(value.into_ptr())
    }
    #[cfg(not(Py_3_12))]
    // SAFETY: attached; PyErr_Restore steals three references (or NULLs), which we create
    // here: the type and traceback are new references, the value is released to it.
    unsafe {
        let ptype = ffi::Py_TYPE(value.as_ptr()).cast::<ffi::PyObject>();
        ffi::Py_INCREF(ptype);
        let ptraceback = ffi::PyException_GetTraceback(value.as_ptr());
        ffi::PyErr_Restore(ptype, value.into_ptr(), ptraceback);
    }
}

/// Takes the currently raised exception (normalized, with its traceback attached).
pub(crate) fn fetch_raised(py: Python<'_>) -> Option<Bound<'_, PyBaseException>> {
    #[cfg(Py_3_12)]
    {
        // SAFETY: attached; returns a new reference or NULL, and clears the error.
        unsafe {
            ffi::PyErr_GetRaisedException()
                .assume_owned_or_opt(py)
                .map(|v| v.cast_into_unchecked())
        }
    }
    #[cfg(not(Py_3_12))]
    {
        let mut ptype = std::ptr::null_mut();
        let mut pvalue = std::ptr::null_mut();
        let mut ptraceback = std::ptr::null_mut();
        // SAFETY: attached; PyErr_Fetch hands us three new references (or NULLs), which
        // PyErr_NormalizeException may replace; each is then owned by a `Bound` below.
        unsafe {
            ffi::PyErr_Fetch(&mut ptype, &mut pvalue, &mut ptraceback);
            if ptype.is_null() {
                return None;
            }
            ffi::PyErr_NormalizeException(&mut ptype, &mut pvalue, &mut ptraceback);
            let _ptype = ptype.assume_owned(py);
            let ptraceback = ptraceback.assume_owned_or_opt(py);
            let value = pvalue.assume_owned_or_opt(py)?;
            if let Some(tb) = ptraceback {
                ffi::PyException_SetTraceback(value.as_ptr(), tb.as_ptr());
            }
            Some(value.cast_into_unchecked())
        }
    }
}
