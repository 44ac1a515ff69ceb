//! Type information about Rust values as Python sees them (feature
//! `experimental-inspect`): the type hints that stub generators print.

pub mod types;
