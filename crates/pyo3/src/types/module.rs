//! `PyModule`: Python's module objects: creating, importing, and adding members.

use crate::conversion::{BoundObject, IntoPyObject};
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::Bound;
use crate::types::{
    native_type, PyAnyMethods, PyCFunction, PyDict, PyList, PyListMethods, PyString,
    PyStringMethods,
};
use crate::{intern, PyErr, PyResult, Python};

native_type!(
    /// A Python module object.
    PyModule, PyModule_Type, ffi::PyModule_Check, Some("builtins")
);

impl PyModule {
    /// A new, empty module called `name`.
    pub fn new<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyModule>> {
        let name = PyString::new(py, name);
        // SAFETY: attached; returns a new module reference or NULL.
        unsafe {
            ffi::PyModule_NewObject(name.as_ptr())
                .assume_owned_or_err(py)
                .map(|m| m.cast_into_unchecked())
        }
    }

    /// Builds a module from Python source, as if `file_name` held `code` and were imported
    /// as `module_name` (the module is also entered in `sys.modules`).
    ///
    /// An empty `file_name` is replaced by `"<string>"`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| {
    ///     let m = PyModule::from_code(py, c"def double(x):\n    return 2 * x\n", c"double.py", c"double").unwrap();
    ///     let four: i32 = m.getattr("double").unwrap().call1((2,)).unwrap().extract().unwrap();
    ///     assert_eq!(four, 4);
    /// });
    /// ```
    ///
    /// # Errors
    ///
    /// A `SyntaxError` for invalid source, or whatever running the module body raises.
    pub fn from_code<'py>(
        py: Python<'py>,
        code: &std::ffi::CStr,
        file_name: &std::ffi::CStr,
        module_name: &std::ffi::CStr,
    ) -> PyResult<Bound<'py, PyModule>> {
        let file_name = if file_name.is_empty() {
            c"<string>"
        } else {
            file_name
        };
        // SAFETY: attached; the C strings are NUL-terminated; returns a new code object or
        // NULL with an error set.
        let compiled = unsafe {
            ffi::Py_CompileString(code.as_ptr(), file_name.as_ptr(), ffi::Py_file_input)
                .assume_owned_or_err(py)?
        };
        // SAFETY: attached; `compiled` is a live code object and the names are C strings;
        // returns a new reference to the module or NULL with an error set.
        let module = unsafe {
            ffi::PyImport_ExecCodeModuleEx(
                module_name.as_ptr(),
                compiled.as_ptr(),
                file_name.as_ptr(),
            )
            .assume_owned_or_err(py)?
        };
        module.cast_into::<PyModule>().map_err(PyErr::from)
    }

    /// Imports a module (`import name`).
    pub fn import<'py, N>(py: Python<'py>, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        let name = name.into_pyobject(py).map_err(Into::into)?;
        // SAFETY: attached; returns a new reference or NULL with an error set.
        let module = unsafe { ffi::PyImport_Import(name.as_ptr()).assume_owned_or_err(py)? };
        module.cast_into::<PyModule>().map_err(PyErr::from)
    }
}

/// Methods of `Bound<PyModule>`.
pub trait PyModuleMethods<'py> {
    /// The module's `__dict__`.
    fn dict(&self) -> Bound<'py, PyDict>;
    /// The module's `__all__` list, created empty if missing.
    fn index(&self) -> PyResult<Bound<'py, PyList>>;
    /// The module's `__name__`.
    fn name(&self) -> PyResult<Bound<'py, PyString>>;
    /// The module's `__file__`.
    fn filename(&self) -> PyResult<Bound<'py, PyString>>;
    /// Sets `self.name = value` and lists `name` in `__all__`.
    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>;
    /// Adds a function made by `wrap_pyfunction!`, under its `__name__`.
    fn add_function(&self, fun: Bound<'_, PyCFunction>) -> PyResult<()>;
    /// Adds the `#[pyclass]` `T` under its Python name (creating its type object).
    ///
    /// ```
    /// use pyo3::prelude::*;
    ///
    /// #[pyclass]
    /// struct Counter;
    ///
    /// Python::attach(|py| {
    ///     let module = PyModule::new(py, "counters").unwrap();
    ///     module.add_class::<Counter>().unwrap();
    ///     assert!(module.getattr("Counter").is_ok());
    /// });
    /// ```
    fn add_class<T: crate::PyClass>(&self) -> PyResult<()>;
    /// Adds what `wrap_pyfunction!` or `wrap_pymodule!` made, under its `__name__`.
    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: crate::impl_::pymodule::IntoWrapped<'py>;
    /// Adds a submodule under its `__name__`.
    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()>;
    /// Declares whether the module needs the GIL on a free-threaded interpreter
    /// (`gil_used(false)`: it does not). Elsewhere this does nothing.
    fn gil_used(&self, gil_used: bool) -> PyResult<()>;
}

impl<'py> PyModuleMethods<'py> for Bound<'py, PyModule> {
    fn dict(&self) -> Bound<'py, PyDict> {
        // SAFETY: attached; PyModule_GetDict returns a borrowed reference (made owned here)
        // that cannot be NULL for a module object.
        unsafe {
            Bound::from_borrowed_ptr(self.py(), ffi::PyModule_GetDict(self.as_ptr()))
                .cast_into_unchecked()
        }
    }

    fn index(&self) -> PyResult<Bound<'py, PyList>> {
        let all = intern!(self.py(), "__all__");
        match self.as_any().getattr_opt(all)? {
            Some(list) => list
                .cast_into::<PyList>()
                .map_err(|_| PyTypeError::new_err("`__all__` must be a list")),
            None => {
                let list = PyList::empty(self.py());
                self.as_any().setattr(all, &list)?;
                Ok(list)
            }
        }
    }

    fn name(&self) -> PyResult<Bound<'py, PyString>> {
        // PyPy's cpyext has no PyModule_GetNameObject: read the module's `__name__`.
        #[cfg(PyPy)]
        return self
            .as_any()
            .getattr(crate::intern!(self.py(), "__name__"))?
            .cast_into()
            .map_err(Into::into);
        // SAFETY: attached; returns a new reference or NULL.
        #[cfg(not(PyPy))]
        unsafe {
            ffi::PyModule_GetNameObject(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|n| n.cast_into_unchecked())
        }
    }

    fn filename(&self) -> PyResult<Bound<'py, PyString>> {
        // PyPy's cpyext has no PyModule_GetFilenameObject: read the module's `__file__`.
        #[cfg(PyPy)]
        return self
            .as_any()
            .getattr(crate::intern!(self.py(), "__file__"))?
            .cast_into()
            .map_err(Into::into);
        // SAFETY: attached; returns a new reference or NULL.
        #[cfg(not(PyPy))]
        unsafe {
            ffi::PyModule_GetFilenameObject(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|n| n.cast_into_unchecked())
        }
    }

    fn add<N, V>(&self, name: N, value: V) -> PyResult<()>
    where
        N: IntoPyObject<'py, Target = PyString>,
        V: IntoPyObject<'py>,
    {
        let name = name.into_pyobject(self.py()).map_err(Into::into)?;
        let name: Bound<'py, PyString> = crate::conversion::BoundObject::into_bound(name);
        self.index()?.append(&name)?;
        self.as_any().setattr(name, value)
    }

    fn add_function(&self, fun: Bound<'_, PyCFunction>) -> PyResult<()> {
        let name = fun.as_any().getattr(intern!(self.py(), "__name__"))?;
        let name = name.cast_into::<PyString>()?.unbind();
        self.add(name, fun.unbind())
    }

    fn add_class<T: crate::PyClass>(&self) -> PyResult<()> {
        let ty = crate::impl_::pyclass::slots::type_object_or_err::<T>(self.py())?;
        let name = <T as crate::impl_::pyclass::PyClassImpl>::class_info().name;
        self.add(name, ty)
    }

    fn add_wrapped<T>(&self, wrapper: &impl Fn(Python<'py>) -> T) -> PyResult<()>
    where
        T: crate::impl_::pymodule::IntoWrapped<'py>,
    {
        let object = wrapper(self.py()).into_wrapped(self.py())?;
        let name = object.getattr(intern!(self.py(), "__name__"))?;
        let name = name.cast_into::<PyString>()?.unbind();
        self.add(name, object)
    }

    fn add_submodule(&self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let name = module.name()?;
        let _ = name.to_cow()?;
        self.add(name, module)
    }

    fn gil_used(&self, gil_used: bool) -> PyResult<()> {
        #[cfg(all(Py_3_13, Py_GIL_DISABLED, not(limited_api_only)))]
        {
            // Py_MOD_GIL_USED is (void*)0, Py_MOD_GIL_NOT_USED is (void*)1.
            let slot = usize::from(!gil_used) as *mut std::os::raw::c_void;
            // SAFETY: attached; the module is alive; the slot value is one of the two
            // constants CPython accepts.
            if unsafe { ffi::PyUnstable_Module_SetGIL(self.as_ptr(), slot) } < 0 {
                return Err(crate::PyErr::fetch(self.py()));
            }
        }
        let _ = gil_used;
        Ok(())
    }
}
