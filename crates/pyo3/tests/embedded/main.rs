//! Integration tests on an embedded interpreter, in one binary: each topic is a module.

#[macro_use]
mod util;

mod api_surface;
mod buffer;
mod conversions;
mod conversions_fast_paths;
mod conversions_std;
#[cfg(feature = "experimental-async")]
mod coroutine;
mod derive;
mod ecosystem;
mod errors;
mod errors_api;
mod hostile;
mod instance;
mod objects;
mod panics;
mod parity;
mod pyclass;
mod pyclass_enum;
mod pyfunction;
mod pymodule;
mod python;
mod reference_pool;
mod signature;
mod sync;
mod types_any;
mod types_bytes;
mod types_collections;
#[cfg(not(Py_LIMITED_API))]
mod types_datetime;
mod types_misc;
mod types_set;
