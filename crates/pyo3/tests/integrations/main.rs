//! Integration tests of the optional-crate conversions (one module per crate, each compiled
//! only with its cargo feature), on an embedded interpreter. `python3 x.py test-rust` runs
//! them with every integration feature on.

mod util;

#[cfg(feature = "anyhow")]
mod anyhow;
#[cfg(feature = "bigdecimal")]
mod bigdecimal;
#[cfg(feature = "bytes")]
mod bytes;
#[cfg(feature = "chrono")]
mod chrono;
#[cfg(feature = "chrono-tz")]
mod chrono_tz;
#[cfg(feature = "either")]
mod either;
#[cfg(feature = "eyre")]
mod eyre;
#[cfg(feature = "hashbrown")]
mod hashbrown;
#[cfg(feature = "indexmap")]
mod indexmap;
#[cfg(feature = "jiff-02")]
mod jiff;
#[cfg(all(feature = "parking_lot", feature = "arc_lock"))]
mod lock_api;
#[cfg(feature = "num-bigint")]
mod num_bigint;
#[cfg(feature = "num-complex")]
mod num_complex;
#[cfg(feature = "num-rational")]
mod num_rational;
#[cfg(feature = "ordered-float")]
mod ordered_float;
#[cfg(feature = "py-clone")]
mod py_clone;
#[cfg(feature = "rust_decimal")]
mod rust_decimal;
#[cfg(all(feature = "serde", feature = "macros"))]
mod serde;
#[cfg(feature = "smallvec")]
mod smallvec;
#[cfg(feature = "time")]
mod time;
#[cfg(feature = "uuid")]
mod uuid;
