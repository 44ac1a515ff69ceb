//! Conversions for the `chrono_tz` crate.
