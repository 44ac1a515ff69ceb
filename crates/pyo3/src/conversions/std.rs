//! Conversions for types of the Rust standard library.

mod array;
pub(crate) mod boolean;
mod cell;
mod cstring;
mod float;
mod ipaddr;
pub(crate) mod map;
mod num;
mod option;
mod osstr;
mod path;
pub(crate) mod set;
pub(crate) mod slice;
mod string;
mod time;
pub(crate) mod vec;
