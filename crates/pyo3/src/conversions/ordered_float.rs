//! Conversions for the `ordered_float` crate.
