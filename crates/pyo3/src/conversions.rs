//! Conversions between Rust standard-library types and Python objects.

pub(crate) mod std;
