//! The headers under CPython's `Include/cpython/`: the API outside the limited API
//! (compiled only without `Py_LIMITED_API`). Items are re-exported at the crate root.

pub(crate) mod abstract_;
pub(crate) mod bytesobject;
pub(crate) mod ceval;
pub(crate) mod code;
pub(crate) mod compile;
pub(crate) mod context;
#[cfg(Py_3_13)]
pub(crate) mod critical_section;
pub(crate) mod datetime;
pub(crate) mod descrobject;
pub(crate) mod dictobject;
pub(crate) mod frameobject;
pub(crate) mod funcobject;
pub(crate) mod genobject;
pub(crate) mod import;
#[cfg(Py_3_8)]
pub(crate) mod initconfig;
pub(crate) mod listobject;
#[cfg(Py_3_13)]
pub(crate) mod lock;
#[cfg(not(any(PyPy, GraalPy)))]
pub(crate) mod longintrepr;
pub(crate) mod longobject;
pub(crate) mod methodobject;
pub(crate) mod object;
pub(crate) mod pydebug;
pub(crate) mod pyerrors;
#[cfg(Py_3_11)]
pub(crate) mod pyframe;
pub(crate) mod pyhash;
#[cfg(Py_3_8)]
pub(crate) mod pylifecycle;
pub(crate) mod pymem;
pub(crate) mod pystate;
pub(crate) mod setobject;
pub(crate) mod tupleobject;
pub(crate) mod unicodeobject;
pub(crate) mod weakrefobject;

pub use self::abstract_::*;
pub use self::bytesobject::*;
pub use self::ceval::*;
pub use self::code::*;
pub use self::compile::*;
pub use self::context::*;
#[cfg(Py_3_13)]
pub use self::critical_section::*;
pub use self::datetime::*;
pub use self::descrobject::*;
pub use self::dictobject::*;
pub use self::frameobject::*;
pub use self::funcobject::*;
pub use self::genobject::*;
pub use self::import::*;
#[cfg(Py_3_8)]
pub use self::initconfig::*;
pub use self::listobject::*;
#[cfg(Py_3_13)]
pub use self::lock::*;
#[cfg(not(any(PyPy, GraalPy)))]
pub use self::longintrepr::*;
pub use self::longobject::*;
pub use self::methodobject::*;
pub use self::object::*;
pub use self::pydebug::*;
pub use self::pyerrors::*;
#[cfg(Py_3_11)]
pub use self::pyframe::*;
pub use self::pyhash::*;
#[cfg(Py_3_8)]
pub use self::pylifecycle::*;
pub use self::pymem::*;
pub use self::pystate::*;
pub use self::setobject::*;
pub use self::tupleobject::*;
pub use self::unicodeobject::*;
pub use self::weakrefobject::*;
