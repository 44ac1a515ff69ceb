//! The static tables a class's macros emit: the class description ([`PyClassInfo`]) and its
//! items ([`PyClassItems`]): methods, property accessors, class attributes and type slots.
//! Type creation (`create_type`) turns them into a `PyType_Spec`.

use std::ffi::CStr;
use std::os::raw::{c_int, c_void};

use crate::ffi;
use crate::instance::Py;
use crate::types::PyAny;
use crate::{PyResult, Python};

/// `METH_FASTCALL`, the one calling convention of methods (see `impl_::pyfunction`).
const METH_FASTCALL: c_int = 0x0080;

/// The description of a class.
pub struct PyClassInfo {
    /// The Python name.
    pub name: &'static str,
    /// `module = "..."`: the module named in `__module__`.
    pub module: Option<&'static str>,
    /// `tp_doc`: the docstring, after the constructor's text signature if it has one.
    pub doc: &'static CStr,
    /// `subclass`: Python classes may extend it.
    pub is_basetype: bool,
    /// `mapping`: `Py_TPFLAGS_MAPPING`.
    pub is_mapping: bool,
    /// `sequence`: `Py_TPFLAGS_SEQUENCE`.
    pub is_sequence: bool,
    /// `immutable_type`: `Py_TPFLAGS_IMMUTABLETYPE`.
    pub is_immutable_type: bool,
}

/// One group of a class's items.
pub struct PyClassItems {
    /// Methods, class methods and static methods.
    pub methods: &'static [MethodDef],
    /// Property getters (`#[getter]`, `#[pyo3(get)]`).
    pub getters: &'static [GetterDef],
    /// Property setters (`#[setter]`, `#[pyo3(set)]`).
    pub setters: &'static [SetterDef],
    /// Class attributes (`#[classattr]`).
    pub class_attributes: &'static [ClassAttributeDef],
    /// Type slots (magic methods).
    pub slots: &'static [SlotDef],
    /// The `#[new]` method's text signature, e.g. `"(start, step=1)"`.
    pub new_text_signature: Option<&'static str>,
}

/// A class with nothing in a group.
pub static NO_ITEMS: PyClassItems = PyClassItems {
    methods: &[],
    getters: &[],
    setters: &[],
    class_attributes: &[],
    slots: &[],
    new_text_signature: None,
};

/// One method-table entry.
pub struct MethodDef {
    pub(crate) name: &'static CStr,
    pub(crate) meth: ffi::PyCFunctionFastWithKeywords,
    pub(crate) flags: c_int,
    pub(crate) doc: &'static CStr,
}

impl MethodDef {
    /// An instance method.
    pub const fn method(
        name: &'static CStr,
        doc: &'static CStr,
        meth: ffi::PyCFunctionFastWithKeywords,
    ) -> Self {
        MethodDef {
            name,
            meth,
            flags: METH_FASTCALL | ffi::METH_KEYWORDS,
            doc,
        }
    }

    /// A `#[classmethod]` (CPython passes the class as `self`).
    pub const fn class_method(
        name: &'static CStr,
        doc: &'static CStr,
        meth: ffi::PyCFunctionFastWithKeywords,
    ) -> Self {
        MethodDef {
            name,
            meth,
            flags: METH_FASTCALL | ffi::METH_KEYWORDS | ffi::METH_CLASS,
            doc,
        }
    }

    /// A `#[staticmethod]` (no `self`).
    pub const fn static_method(
        name: &'static CStr,
        doc: &'static CStr,
        meth: ffi::PyCFunctionFastWithKeywords,
    ) -> Self {
        MethodDef {
            name,
            meth,
            flags: METH_FASTCALL | ffi::METH_KEYWORDS | ffi::METH_STATIC,
            doc,
        }
    }

    pub(crate) fn to_ffi(&self) -> ffi::PyMethodDef {
        ffi::PyMethodDef {
            ml_name: self.name.as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunctionFastWithKeywords: self.meth,
            },
            ml_flags: self.flags,
            ml_doc: self.doc.as_ptr(),
        }
    }
}

/// A property getter.
pub struct GetterDef {
    pub(crate) name: &'static CStr,
    pub(crate) get: ffi::getter,
    pub(crate) doc: Option<&'static CStr>,
}

impl GetterDef {
    /// Builds the entry.
    pub const fn new(name: &'static CStr, doc: Option<&'static CStr>, get: ffi::getter) -> Self {
        GetterDef { name, get, doc }
    }
}

/// A property setter.
pub struct SetterDef {
    pub(crate) name: &'static CStr,
    pub(crate) set: ffi::setter,
    pub(crate) doc: Option<&'static CStr>,
}

impl SetterDef {
    /// Builds the entry.
    pub const fn new(name: &'static CStr, doc: Option<&'static CStr>, set: ffi::setter) -> Self {
        SetterDef { name, set, doc }
    }
}

/// A class attribute, computed once when the type is created.
pub struct ClassAttributeDef {
    pub(crate) name: &'static str,
    pub(crate) value: fn(Python<'_>) -> PyResult<Py<PyAny>>,
}

impl ClassAttributeDef {
    /// Builds the entry.
    pub const fn new(name: &'static str, value: fn(Python<'_>) -> PyResult<Py<PyAny>>) -> Self {
        ClassAttributeDef { name, value }
    }
}

/// One `PyType_Slot`: a slot number (`ffi::Py_tp_repr`, ...) and its function.
pub struct SlotDef {
    pub(crate) slot: c_int,
    pub(crate) pfunc: *mut c_void,
}

// SAFETY: `pfunc` is a function pointer, immutable and valid on every thread.
unsafe impl Sync for SlotDef {}

impl SlotDef {
    /// Builds the entry; `pfunc` is the slot's function cast to a pointer.
    pub const fn new(slot: c_int, pfunc: *mut c_void) -> Self {
        SlotDef { slot, pfunc }
    }
}
