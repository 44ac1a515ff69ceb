//! Conversions for the `uuid` crate.
