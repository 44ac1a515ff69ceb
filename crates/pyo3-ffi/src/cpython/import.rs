//! `cpython/import.h` (part of `import.h` before 3.8): the tables of built-in and frozen
//! modules and the import machinery's private helpers, outside the limited API. Checked
//! against CPython 3.7–3.13 (3.13 moved the underscore helpers to its internal headers).

use crate::object::PyObject;
#[cfg(not(Py_3_13))]
use crate::pystate::PyInterpreterState;
use std::os::raw::{c_char, c_int, c_uchar};

/// `struct _inittab`: one built-in module (name and init function); a table ends with a
/// NULL name.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct _inittab {
    pub name: *const c_char,
    pub initfunc: Option<unsafe extern "C" fn() -> *mut PyObject>,
}

/// `struct _frozen`: one frozen module (marshalled code); a table ends with a NULL name.
/// Negative `size` marked a package before 3.11, which added `is_package`.
#[repr(C)]
#[derive(Copy, Clone, Debug)]
pub struct _frozen {
    pub name: *const c_char,
    pub code: *const c_uchar,
    pub size: c_int,
    #[cfg(Py_3_11)]
    pub is_package: c_int,
    #[cfg(all(Py_3_11, not(Py_3_13)))]
    pub get_code: Option<unsafe extern "C" fn() -> *mut PyObject>,
}

extern "C" {
    /// Before 3.9.
    #[cfg(not(Py_3_9))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_FindBuiltin(
        name: *const std::os::raw::c_char,
        modules: *mut PyObject,
    ) -> *mut PyObject;
    /// Before 3.11 (deprecated in 3.10).
    #[cfg(not(Py_3_11))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_FindExtensionObject(
        name: *mut PyObject,
        filename: *mut PyObject,
    ) -> *mut PyObject;
    #[cfg(not(PyPy))]
    pub static mut PyImport_Inittab: *mut _inittab;
    #[cfg(not(PyPy))]
    pub static mut PyImport_FrozenModules: *const _frozen;

    /// Appends `newtab` (ended by a NULL name) to the built-in modules; call before
    /// `Py_Initialize`.
    #[cfg(not(PyPy))]
    pub fn PyImport_ExtendInittab(newtab: *mut _inittab) -> c_int;

    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_IsInitialized(interp: *mut PyInterpreterState) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_SetModule(name: *mut PyObject, module: *mut PyObject) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_SetModuleString(name: *const c_char, module: *mut PyObject) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPyImport_AcquireLock")]
    pub fn _PyImport_AcquireLock();
    #[cfg(not(Py_3_13))]
    #[cfg_attr(PyPy, link_name = "_PyPyImport_ReleaseLock")]
    pub fn _PyImport_ReleaseLock() -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_FixupBuiltin(
        module: *mut PyObject,
        name: *const c_char,
        modules: *mut PyObject,
    ) -> c_int;
    #[cfg(not(Py_3_13))]
    #[cfg(not(PyPy))]
    pub fn _PyImport_FixupExtensionObject(
        module: *mut PyObject,
        name: *mut PyObject,
        filename: *mut PyObject,
        modules: *mut PyObject,
    ) -> c_int;
    // _PyImport_GetModuleId: takes a `_Py_Identifier`.
}
