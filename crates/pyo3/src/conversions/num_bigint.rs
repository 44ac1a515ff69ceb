//! Conversions for the `num_bigint` crate.
