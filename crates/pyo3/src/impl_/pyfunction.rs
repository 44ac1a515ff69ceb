//! The static definition of a `#[pyfunction]` and the `builtin_function` objects made
//! from it (`wrap_pyfunction!`, module registration).

use std::ffi::CStr;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::impl_::pymodule::PyAddToModule;
use crate::instance::{Borrowed, Bound};
use crate::types::{PyCFunction, PyModule, PyModuleMethods};
use crate::{PyResult, Python};

/// `METH_FASTCALL`. The limited-API headers of 3.7 to 3.9 hide this flag, but its value and
/// the calling convention it selects are the same in every CPython since 3.7 (3.10 listed
/// them in the stable ABI unchanged), so abi3 builds for older versions use it as well and
/// keep the single calling convention.
const METH_FASTCALL: std::os::raw::c_int = 0x0080;

/// A `#[pyfunction]`'s method-table entry: name, docstring (whose first lines carry the
/// text signature) and the fastcall trampoline.
pub struct PyFunctionDef {
    method_def: ffi::PyMethodDef,
}

// SAFETY: the definition is immutable after construction and only holds pointers to
// static data (C strings) and a function pointer.
unsafe impl Sync for PyFunctionDef {}

impl PyFunctionDef {
    /// Builds the definition (usable in a `const`).
    pub const fn new(
        name: &'static CStr,
        doc: &'static CStr,
        trampoline: ffi::PyCFunctionFastWithKeywords,
    ) -> Self {
        PyFunctionDef {
            method_def: ffi::PyMethodDef {
                ml_name: name.as_ptr(),
                ml_meth: ffi::PyMethodDefPointer {
                    PyCFunctionFastWithKeywords: trampoline,
                },
                ml_flags: METH_FASTCALL | ffi::METH_KEYWORDS,
                ml_doc: doc.as_ptr(),
            },
        }
    }

    /// Creates the function object, bound to `module` (its `__self__` and `__module__`).
    pub fn create_function<'py>(
        &'static self,
        py: Python<'py>,
        module: Option<&Bound<'py, PyModule>>,
    ) -> PyResult<Bound<'py, PyCFunction>> {
        let (slf, module_name) = match module {
            Some(m) => (m.as_ptr(), Some(m.name()?)),
            None => (std::ptr::null_mut(), None),
        };
        let module_name_ptr = module_name
            .as_ref()
            .map_or(std::ptr::null_mut(), |n| n.as_ptr());
        let def = std::ptr::addr_of!(self.method_def).cast_mut();
        // SAFETY: attached; `def` is 'static and never written by CPython; `slf` and the
        // module name are NULL or alive for the call (the function takes new references).
        unsafe {
            ffi::PyCFunction_NewEx(def, slf, module_name_ptr)
                .assume_owned_or_err(py)
                .map(|f| f.cast_into_unchecked())
        }
    }
}

impl PyAddToModule for PyFunctionDef {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add_function(self.create_function(module.py(), Some(module))?)
    }
}

/// What `wrap_pyfunction!` accepts as its second argument.
pub trait WrapPyFunctionArg<'py> {
    /// Creates the function object.
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>>;
}

impl<'py> WrapPyFunctionArg<'py> for Python<'py> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self, None)
    }
}

impl<'py> WrapPyFunctionArg<'py> for &Bound<'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(self))
    }
}

impl<'py> WrapPyFunctionArg<'py> for Borrowed<'_, 'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(&self))
    }
}

impl<'py> WrapPyFunctionArg<'py> for &Borrowed<'_, 'py, PyModule> {
    fn wrap_pyfunction(self, def: &'static PyFunctionDef) -> PyResult<Bound<'py, PyCFunction>> {
        def.create_function(self.py(), Some(self))
    }
}

/// The function behind `wrap_pyfunction!`.
#[inline]
pub fn wrap_pyfunction<'py>(
    def: &'static PyFunctionDef,
    py_or_module: impl WrapPyFunctionArg<'py>,
) -> PyResult<Bound<'py, PyCFunction>> {
    py_or_module.wrap_pyfunction(def)
}

/// The module a `pass_module` function was created in (its `__self__`), as the argument
/// the function's first parameter is extracted from.
///
/// # Safety
///
/// `slf` is the `self` pointer CPython passed to the function's trampoline, alive for `'a`.
#[inline]
pub unsafe fn module_argument<'a, 'py>(
    py: Python<'py>,
    slf: &'a *mut ffi::PyObject,
) -> PyResult<&'a Bound<'py, crate::types::PyAny>> {
    if slf.is_null() {
        return Err(crate::exceptions::PyTypeError::new_err(
            "this function takes its module as first argument (`pass_module`) but was created \
             without one; create it with `wrap_pyfunction!(f, module)`",
        ));
    }
    let _ = py;
    // SAFETY: non-NULL, and per the caller a live object for `'a`; `Bound` is a
    // transparent wrapper over one object pointer.
    Ok(unsafe { &*(slf as *const *mut ffi::PyObject).cast::<Bound<'py, crate::types::PyAny>>() })
}
