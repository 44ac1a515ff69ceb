//! The usual imports: `use pyo3::prelude::*;`.

pub use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject, IntoPyObjectExt};
pub use crate::err::{PyErr, PyResult};
#[allow(deprecated)]
pub use crate::instance::PyObject;
pub use crate::instance::{Borrowed, Bound, Py};
pub use crate::pyclass::{PyRef, PyRefMut};
pub use crate::pyclass_init::PyClassInitializer;
pub use crate::python::Python;
pub use crate::types::{
    PyAny, PyAnyMethods, PyBoolMethods, PyByteArrayMethods, PyBytesMethods, PyCapsuleMethods,
    PyComplexMethods, PyDictMethods, PyFloatMethods, PyFrozenSetMethods, PyListMethods,
    PyMappingMethods, PyMappingProxyMethods, PyModule, PyModuleMethods, PySequenceMethods,
    PySetMethods, PySliceMethods, PyStringMethods, PyTracebackMethods, PyTupleMethods,
    PyTypeMethods, PyWeakrefMethods,
};
pub use crate::{wrap_pyfunction, wrap_pymodule};

#[cfg(feature = "macros")]
pub use pyo3_macros::{
    pyclass, pyfunction, pymethods, pymodule, FromPyObject, IntoPyObject, IntoPyObjectRef,
};
