//! Conversions for the `smallvec` crate.
