//! Conversions for the `chrono` crate.
