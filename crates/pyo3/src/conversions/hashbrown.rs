//! Conversions for the `hashbrown` crate.
