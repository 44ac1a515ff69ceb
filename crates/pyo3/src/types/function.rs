//! `PyCFunction`: builtin functions, such as those made by `#[pyfunction]`, and the ones
//! made at run time from a Rust closure (`new_closure`) or a C function pointer
//! (`new_with_keywords`).
//!
//! A closure lives in a capsule that becomes the function's `self`: the capsule owns the
//! boxed closure together with the `PyMethodDef` CPython points at, and frees both when the
//! last function object holding it goes away.

use std::ffi::CStr;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::impl_::wrap::IntoPyCallbackOutput;
use crate::instance::Bound;
use crate::types::{native_type, PyDict, PyModule, PyModuleMethods, PyTuple};
use crate::{PyResult, Python};

native_type!(
    /// A builtin function object (`builtin_function_or_method`).
    PyCFunction, PyCFunction_Type, ffi::PyCFunction_Check, Some("builtins")
);

/// The capsule name that marks a closure's payload.
const CLOSURE_CAPSULE: &CStr = c"pyo3-closure";

/// What a closure's capsule owns.
struct ClosurePayload<F> {
    def: ffi::PyMethodDef,
    closure: F,
}

impl PyCFunction {
    /// A builtin function calling `closure` with the positional arguments as a tuple and the
    /// keyword arguments as a dict (`None` when there are none). `name` defaults to
    /// `"pyo3-closure"` and `doc` to an empty docstring.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyCFunction, PyDict, PyTuple};
    /// Python::attach(|py| {
    ///     let add = PyCFunction::new_closure(
    ///         py,
    ///         None,
    ///         None,
    ///         |args: &Bound<'_, PyTuple>, _kwargs: Option<&Bound<'_, PyDict>>| -> PyResult<i64> {
    ///             let (a, b): (i64, i64) = args.extract()?;
    ///             Ok(a + b)
    ///         },
    ///     )
    ///     .unwrap();
    ///     assert_eq!(add.call1((1, 2)).unwrap().extract::<i64>().unwrap(), 3);
    /// });
    /// ```
    ///
    /// # Errors
    ///
    /// If CPython cannot allocate the capsule or the function.
    pub fn new_closure<'py, F, R>(
        py: Python<'py>,
        name: Option<&'static CStr>,
        doc: Option<&'static CStr>,
        closure: F,
    ) -> PyResult<Bound<'py, PyCFunction>>
    where
        F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
        for<'p> R: IntoPyCallbackOutput<'p>,
    {
        let payload = Box::new(ClosurePayload {
            def: ffi::PyMethodDef {
                ml_name: name.unwrap_or(CLOSURE_CAPSULE).as_ptr(),
                ml_meth: ffi::PyMethodDefPointer {
                    PyCFunctionWithKeywords: closure_trampoline::<F, R>,
                },
                ml_flags: ffi::METH_VARARGS | ffi::METH_KEYWORDS,
                ml_doc: doc.unwrap_or(c"").as_ptr(),
            },
            closure,
        });
        let raw = Box::into_raw(payload);
        // SAFETY: attached; `raw` is a valid, uniquely owned allocation whose ownership
        // passes to the capsule on success (its destructor frees it with the same type).
        let capsule = unsafe {
            ffi::PyCapsule_New(
                raw.cast(),
                CLOSURE_CAPSULE.as_ptr(),
                Some(drop_closure_payload::<F>),
            )
            .assume_owned_or_opt(py)
        };
        let Some(capsule) = capsule else {
            // SAFETY: the capsule was not created, so `raw` is still ours alone.
            drop(unsafe { Box::from_raw(raw) });
            return Err(crate::PyErr::fetch(py));
        };
        // SAFETY: attached; `def` lives inside the capsule's payload, which the function
        // keeps alive through its `self` reference to the capsule, and is never moved.
        unsafe {
            let def = std::ptr::addr_of_mut!((*raw).def);
            ffi::PyCFunction_NewEx(def, capsule.as_ptr(), std::ptr::null_mut())
                .assume_owned_or_err(py)
                .map(|f| f.cast_into_unchecked())
        }
    }

    /// A builtin function from a C function of the `METH_VARARGS | METH_KEYWORDS`
    /// convention, bound to `module` if given.
    ///
    /// # Errors
    ///
    /// If CPython cannot create the function, or the module has no name.
    pub fn new_with_keywords<'py>(
        py: Python<'py>,
        fun: ffi::PyCFunctionWithKeywords,
        name: &'static CStr,
        doc: &'static CStr,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, PyCFunction>> {
        let meth = ffi::PyMethodDefPointer {
            PyCFunctionWithKeywords: fun,
        };
        from_leaked_def(
            py,
            meth,
            ffi::METH_VARARGS | ffi::METH_KEYWORDS,
            name,
            doc,
            module,
        )
    }

    /// A builtin function from a C function of the `METH_NOARGS` convention (it receives
    /// the module, or NULL, and an unused second argument), bound to `module` if given.
    ///
    /// # Errors
    ///
    /// If CPython cannot create the function, or the module has no name.
    pub fn new<'py>(
        py: Python<'py>,
        fun: ffi::PyCFunction,
        name: &'static CStr,
        doc: &'static CStr,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, PyCFunction>> {
        let meth = ffi::PyMethodDefPointer { PyCFunction: fun };
        from_leaked_def(py, meth, ffi::METH_NOARGS, name, doc, module)
    }
}

/// Makes a function object from a method definition that is leaked: it must outlive every
/// function object made from it, which nothing tracks here (one small allocation per call).
fn from_leaked_def<'py>(
    py: Python<'py>,
    meth: ffi::PyMethodDefPointer,
    flags: std::os::raw::c_int,
    name: &'static CStr,
    doc: &'static CStr,
    module: Option<&Bound<'py, PyModule>>,
) -> PyResult<Bound<'py, PyCFunction>> {
    let def = Box::into_raw(Box::new(ffi::PyMethodDef {
        ml_name: name.as_ptr(),
        ml_meth: meth,
        ml_flags: flags,
        ml_doc: doc.as_ptr(),
    }));
    let module_name = match module {
        Some(m) => Some(m.name()?),
        None => None,
    };
    let (slf, module_name_ptr) = match (module, &module_name) {
        (Some(m), Some(n)) => (m.as_ptr(), n.as_ptr()),
        _ => (std::ptr::null_mut(), std::ptr::null_mut()),
    };
    // SAFETY: attached; `def` is leaked, so it outlives the function; `slf` and the
    // module name are NULL or alive for the call; `flags` match the pointer's convention.
    unsafe {
        ffi::PyCFunction_NewEx(def, slf, module_name_ptr)
            .assume_owned_or_err(py)
            .map(|f| f.cast_into_unchecked())
    }
}

/// The capsule destructor: frees the payload. A panic in the closure's `Drop` (of what it
/// captured) is reported through `sys.unraisablehook` rather than unwinding into C.
unsafe extern "C" fn drop_closure_payload<F>(capsule: *mut ffi::PyObject) {
    // SAFETY: CPython calls this once, on an attached thread, for a capsule made by
    // `new_closure::<F, _>`, whose pointer is a `Box<ClosurePayload<F>>` nobody else frees.
    unsafe {
        let raw = ffi::PyCapsule_GetPointer(capsule, CLOSURE_CAPSULE.as_ptr());
        if !raw.is_null() {
            let payload = Box::from_raw(raw.cast::<ClosurePayload<F>>());
            crate::impl_::trampoline::run_unraisable(std::ptr::null_mut(), move |_py| {
                drop(payload);
                Ok(())
            });
        }
    }
}

unsafe extern "C" fn closure_trampoline<F, R>(
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
    for<'p> R: IntoPyCallbackOutput<'p>,
{
    // SAFETY: CPython calls this with the METH_VARARGS | METH_KEYWORDS convention.
    unsafe {
        crate::impl_::trampoline::varargs_with_keywords(slf, args, kwargs, closure_body::<F, R>)
    }
}

unsafe fn closure_body<'py, F, R>(
    py: Python<'py>,
    slf: *mut ffi::PyObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> PyResult<*mut ffi::PyObject>
where
    F: Fn(&Bound<'_, PyTuple>, Option<&Bound<'_, PyDict>>) -> R + Send + 'static,
    for<'p> R: IntoPyCallbackOutput<'p>,
{
    // SAFETY: `slf` is the capsule `new_closure::<F, R>` made, alive while the function
    // runs; its payload has type `ClosurePayload<F>`.
    let payload = unsafe {
        &*ffi::PyCapsule_GetPointer(slf, CLOSURE_CAPSULE.as_ptr()).cast::<ClosurePayload<F>>()
    };
    // SAFETY: `args` is the call's tuple and `kwargs` NULL or its dict, both alive for the
    // call; `Bound` is a transparent wrapper over one object pointer.
    let (args, kwargs) = unsafe {
        (
            &*std::ptr::addr_of!(args).cast::<Bound<'py, PyTuple>>(),
            (!kwargs.is_null()).then(|| &*std::ptr::addr_of!(kwargs).cast::<Bound<'py, PyDict>>()),
        )
    };
    (payload.closure)(args, kwargs).into_callback_output(py)
}
