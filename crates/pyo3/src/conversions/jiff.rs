//! Conversions for the `jiff` crate.
