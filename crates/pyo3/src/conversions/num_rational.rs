//! Conversions for the `num_rational` crate.
