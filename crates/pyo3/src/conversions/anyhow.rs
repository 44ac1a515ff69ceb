//! Conversions for the `anyhow` crate.
