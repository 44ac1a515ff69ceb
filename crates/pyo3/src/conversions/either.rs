//! Conversions for the `either` crate.
