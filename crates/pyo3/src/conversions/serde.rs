//! Conversions for the `serde` crate.
