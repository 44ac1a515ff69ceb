//! Integration tests on an embedded interpreter, in one binary: each topic is a module.

#[macro_use]
mod util;

mod conversions;
mod errors;
mod instance;
mod objects;
mod pyfunction;
mod pymodule;
mod python;
