//! The static definition of a `#[pymodule]`: the `PyModuleDef` CPython needs, the Rust
//! initializer that fills the module, and the once-per-process module object.

use std::cell::UnsafeCell;
use std::ffi::CStr;
use std::sync::OnceLock;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::types::{PyModule, PyModuleMethods};
use crate::{PyResult, Python};

/// Fills a freshly created module.
pub type ModuleInitializer = for<'py> fn(&Bound<'py, PyModule>) -> PyResult<()>;

/// A `#[pymodule]`'s definition.
pub struct ModuleDef {
    ffi_def: UnsafeCell<ffi::PyModuleDef>,
    initializer: ModuleInitializer,
    module: OnceLock<Py<PyModule>>,
    gil_used: bool,
}

// SAFETY: `ffi_def` is only handed to CPython (which owns its `m_base` bookkeeping and
// calls us attached); the module cell is a `OnceLock`.
unsafe impl Sync for ModuleDef {}

impl ModuleDef {
    /// Builds the definition (usable in a `static`).
    pub const fn new(
        name: &'static CStr,
        doc: &'static CStr,
        initializer: ModuleInitializer,
    ) -> Self {
        ModuleDef {
            ffi_def: UnsafeCell::new(ffi::PyModuleDef {
                m_base: ffi::PyModuleDef_HEAD_INIT,
                m_name: name.as_ptr(),
                m_doc: doc.as_ptr(),
                m_size: 0,
                m_methods: std::ptr::null_mut(),
                m_slots: std::ptr::null_mut(),
                m_traverse: None,
                m_clear: None,
                m_free: None,
            }),
            initializer,
            module: OnceLock::new(),
            gil_used: true,
        }
    }

    /// Adds this module to CPython's built-in module table under its own name, with
    /// `init` (which must build this module) as its entry point; `append_to_inittab!`
    /// calls it.
    ///
    /// # Panics
    ///
    /// When the interpreter is already running, because CPython reads the table only
    /// while it starts.
    #[cfg(not(any(PyPy, GraalPy)))]
    pub fn append_to_inittab(&'static self, init: unsafe extern "C" fn() -> *mut ffi::PyObject) {
        // SAFETY: Py_IsInitialized may be called at any time.
        let running = unsafe { ffi::Py_IsInitialized() } != 0;
        assert!(
            !running,
            "called `append_to_inittab` but a Python interpreter is already running."
        );
        // SAFETY: the interpreter is not running, so nothing writes the definition
        // concurrently; `m_name` was set from a `&'static CStr` in `new` and never changes.
        let name = unsafe { (*self.ffi_def.get()).m_name };
        // SAFETY: `name` is a static NUL-terminated string, as CPython keeps the pointer;
        // the interpreter is not running, as `PyImport_AppendInittab` requires.
        let status = unsafe { ffi::PyImport_AppendInittab(name, Some(init)) };
        assert_eq!(
            status, 0,
            "PyImport_AppendInittab could not extend the table"
        );
    }

    /// `#[pymodule(gil_used = ...)]`: whether a free-threaded interpreter must re-enable
    /// the GIL when it imports this module (the default, `true`, says it must).
    pub const fn gil_used(mut self, gil_used: bool) -> Self {
        self.gil_used = gil_used;
        self
    }

    /// Creates the module (once per process) and runs its initializer; later calls return
    /// the same module object.
    pub fn make_module(&'static self, py: Python<'_>) -> PyResult<Py<PyModule>> {
        if let Some(module) = self.module.get() {
            return Ok(module.clone_ref(py));
        }
        // SAFETY: attached; the definition is 'static, as CPython requires; the result is
        // a new module reference or NULL with an error set.
        let module = unsafe {
            ffi::PyModule_Create2(self.ffi_def.get(), ffi::PYTHON_API_VERSION)
                .assume_owned_or_err(py)?
                .cast_into_unchecked::<PyModule>()
        };
        // Declared before the initializer runs, as PyO3 does.
        module.gil_used(self.gil_used)?;
        (self.initializer)(&module)?;
        let module = self.module.get_or_init(|| module.unbind());
        Ok(module.clone_ref(py))
    }
}

/// Something a declarative `#[pymodule] mod` adds to its module: a function, a class or a
/// submodule definition.
pub trait PyAddToModule {
    /// Adds `self` to `module`.
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()>;
}

/// What `PyModule::add_wrapped` accepts from its wrapper: a module (`wrap_pymodule!`) or a
/// function (`wrap_pyfunction!`).
pub trait IntoWrapped<'py> {
    /// The object to add.
    fn into_wrapped(self, py: Python<'py>) -> PyResult<Bound<'py, crate::types::PyAny>>;
}

impl<'py> IntoWrapped<'py> for Py<PyModule> {
    fn into_wrapped(self, py: Python<'py>) -> PyResult<Bound<'py, crate::types::PyAny>> {
        Ok(self.into_bound(py).into_any())
    }
}

impl<'py> IntoWrapped<'py> for PyResult<Bound<'py, crate::types::PyCFunction>> {
    fn into_wrapped(self, _py: Python<'py>) -> PyResult<Bound<'py, crate::types::PyAny>> {
        self.map(Bound::into_any)
    }
}

impl PyAddToModule for ModuleDef {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        let submodule = self.make_module(module.py())?;
        module.add_submodule(submodule.bind(module.py()))
    }
}

/// The definition a declarative `#[pymodule]` adds a native type through (its type object,
/// under the type's Python name); the native type macros give every native type one.
pub struct AddTypeToModule<T>(std::marker::PhantomData<T>);

impl<T> AddTypeToModule<T> {
    /// The definition (stateless).
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        AddTypeToModule(std::marker::PhantomData)
    }
}

impl<T: crate::type_object::PyTypeInfo> PyAddToModule for AddTypeToModule<T> {
    fn add_to_module(&'static self, module: &Bound<'_, PyModule>) -> PyResult<()> {
        use crate::types::PyTypeMethods;
        let type_object = T::type_object(module.py());
        module.add(type_object.name()?, type_object)
    }
}
