//! Conversions for types of the Rust standard library.

mod boolean;
mod float;
mod num;
mod option;
mod string;
