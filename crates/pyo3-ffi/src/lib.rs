//! Raw declarations of the CPython C API, written from CPython's own headers.
//!
//! Each module mirrors one header (`object.h` is [`object`](self), `unicodeobject.h` is
//! `unicodeobject`, ...); the `cpython` module mirrors the headers under `Include/cpython/`,
//! which are not part of the limited API. Everything is re-exported flat at the crate root
//! under its C name, so `pyo3_ffi::PyObject`, `pyo3_ffi::Py_INCREF` and
//! `pyo3_ffi::PyExc_TypeError` all work. Items are gated with the cfgs that the build script
//! emits: `Py_3_7` ... `Py_3_13` (the oldest interpreter version targeted), `Py_LIMITED_API`
//! (stable ABI) and `Py_GIL_DISABLED` (free-threaded builds), following the `#if`s of the
//! headers of CPython 3.7 through 3.13.
//!
//! # Safety
//!
//! Nothing here checks anything. Every function is exactly the C function, with the
//! contract the [Python/C API reference manual](https://docs.python.org/3/c-api/index.html)
//! gives it: most need the calling thread to be attached to the interpreter (to hold the
//! GIL), pointer arguments must be valid for the use the manual describes, and the manual's
//! rules on borrowed versus new (owned) references must be followed. The few functions
//! written in Rust (ports of the headers' macros and `static inline` functions) have the
//! same contract as the C original; their own `# Safety` sections only repeat the
//! essentials.
//!
//! Deliberate omissions are marked with a comment naming the C symbol and the reason.
//!
//! # PyPy
//!
//! On PyPy (the `PyPy` cfg) the same declarations bind to PyPy's `cpyext` emulation of the
//! C API, which exports most functions and statics under a `PyPy` prefix (`PyPyList_New`):
//! each such declaration carries `#[cfg_attr(PyPy, link_name = "PyPy...")]`, and the
//! headers' macros that `cpyext` implements as exported functions (`PyList_GET_ITEM`,
//! `PyGen_Check`, ...) are declared as those functions instead of ported. The names come
//! from the `#define Py... PyPy...` lines of PyPy 7.3.11's headers (Python 3.9);
//! declarations that `libpypy3.9-c.so` does not export are compiled out on PyPy, so using
//! one is a compile error rather than a failed import. `tests/symbols.rs` checks every
//! remaining declaration against the library's exports. `PyObject` has `cpyext`'s extra
//! `ob_pypy_link` field, and `PyTypeObject` its trailing `tp_print` and `tp_pypy_flags`.
#![cfg_attr(PyPy, allow(unused_imports))]
#![allow(
    missing_docs,
    non_camel_case_types,
    non_snake_case,
    non_upper_case_globals
)]

// Modules are private (except `compat`, `marshal` and `structmember`, public in PyO3 too);
// their items are re-exported flat below, as the C API is flat.
mod abstract_;
mod bltinmodule;
mod boolobject;
mod bytearrayobject;
mod bytesobject;
mod ceval;
mod codecs;
pub mod compat;
mod compile;
mod complexobject;
#[cfg(not(Py_LIMITED_API))]
mod cpython;
mod descrobject;
mod dictobject;
mod enumobject;
mod fileobject;
mod fileutils;
mod floatobject;
#[cfg(Py_3_9)]
mod genericaliasobject;
mod import;
mod intrcheck;
mod iterobject;
mod listobject;
mod longobject;
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub mod marshal;
mod memoryobject;
mod methodobject;
mod modsupport;
mod moduleobject;
mod object;
mod objimpl;
mod osmodule;
#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
mod pyarena;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
mod pybuffer;
mod pycapsule;
mod pyerrors;
mod pyframe;
mod pyhash;
mod pylifecycle;
mod pymem;
mod pyport;
mod pystate;
mod pystrtod;
mod pythonrun;
mod rangeobject;
mod setobject;
mod sliceobject;
pub mod structmember;
mod structseq;
mod sysmodule;
mod traceback;
mod tupleobject;
mod typeslots;
mod unicodeobject;
mod warnings;
mod weakrefobject;

pub use abstract_::*;
pub use bltinmodule::*;
pub use boolobject::*;
pub use bytearrayobject::*;
pub use bytesobject::*;
pub use ceval::*;
pub use codecs::*;
pub use compile::*;
pub use complexobject::*;
#[cfg(not(Py_LIMITED_API))]
pub use cpython::*;
pub use descrobject::*;
pub use dictobject::*;
pub use enumobject::*;
pub use fileobject::*;
pub use fileutils::*;
pub use floatobject::*;
#[cfg(Py_3_9)]
pub use genericaliasobject::*;
pub use import::*;
pub use intrcheck::*;
pub use iterobject::*;
pub use listobject::*;
pub use longobject::*;
#[cfg(any(not(Py_3_13), not(Py_LIMITED_API)))]
pub use marshal::*;
pub use memoryobject::*;
pub use methodobject::*;
pub use modsupport::*;
pub use moduleobject::*;
pub use object::*;
pub use objimpl::*;
pub use osmodule::*;
#[cfg(all(not(Py_3_10), not(Py_LIMITED_API)))]
pub use pyarena::*;
#[cfg(any(Py_3_11, not(Py_LIMITED_API)))]
pub use pybuffer::*;
pub use pycapsule::*;
pub use pyerrors::*;
pub use pyframe::*;
pub use pyhash::*;
pub use pylifecycle::*;
pub use pymem::*;
pub use pyport::*;
pub use pystate::*;
pub use pystrtod::*;
pub use pythonrun::*;
pub use rangeobject::*;
pub use setobject::*;
pub use sliceobject::*;
pub use structmember::*;
pub use structseq::*;
pub use sysmodule::*;
pub use traceback::*;
pub use tupleobject::*;
pub use typeslots::*;
pub use unicodeobject::*;
pub use warnings::*;
pub use weakrefobject::*;

/// A `&'static CStr` from a string literal, checked at compile time.
///
/// The literal gets a NUL appended; a literal that already contains a NUL is a compile
/// error.
///
/// ```
/// let name: &'static std::ffi::CStr = pyo3_ffi::c_str!("my_module");
/// assert_eq!(name.to_bytes(), b"my_module");
/// ```
#[macro_export]
macro_rules! c_str {
    ($s:expr) => {{
        const C_STR: &::std::ffi::CStr =
            match ::std::ffi::CStr::from_bytes_with_nul(::std::concat!($s, "\0").as_bytes()) {
                ::std::result::Result::Ok(c_str) => c_str,
                ::std::result::Result::Err(_) => {
                    ::std::panic!("c_str! argument contains a NUL byte")
                }
            };
        C_STR
    }};
}
