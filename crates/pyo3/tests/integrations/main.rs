//! Integration tests of the optional-crate conversions (one module per crate, each compiled
//! only with its cargo feature), on an embedded interpreter. `python3 x.py test-rust` runs
//! them with every integration feature on.

#[cfg(feature = "chrono")]
mod chrono;
#[cfg(feature = "chrono-tz")]
mod chrono_tz;
#[cfg(feature = "jiff-02")]
mod jiff;
#[cfg(feature = "time")]
mod time;
