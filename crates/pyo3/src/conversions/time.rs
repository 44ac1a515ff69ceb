//! Conversions for the `time` crate.
