//! Conversions for the `bigdecimal` crate.
