//! Conversions between Rust standard-library types and Python objects.

mod std;
