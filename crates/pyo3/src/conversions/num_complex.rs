//! Conversions for the `num_complex` crate.
