//! Conversions for the `bytes` crate.
