//! Conversions for the `indexmap` crate.
