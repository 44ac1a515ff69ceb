//! Conversions for the `eyre` crate.
