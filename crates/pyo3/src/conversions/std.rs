//! Conversions for types of the Rust standard library.

pub(crate) mod boolean;
mod float;
mod num;
mod option;
mod string;
pub(crate) mod vec;
