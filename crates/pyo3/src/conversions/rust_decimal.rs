//! Conversions for the `rust_decimal` crate.
