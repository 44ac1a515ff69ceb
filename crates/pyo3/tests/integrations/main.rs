//! Integration tests of the optional-crate conversions (one module per crate, each compiled
//! only with its cargo feature), on an embedded interpreter. `python3 x.py test-rust` runs
//! them with every integration feature on.

mod util;

#[cfg(feature = "bigdecimal")]
mod bigdecimal;
#[cfg(feature = "num-bigint")]
mod num_bigint;
#[cfg(feature = "num-complex")]
mod num_complex;
#[cfg(feature = "num-rational")]
mod num_rational;
#[cfg(feature = "ordered-float")]
mod ordered_float;
#[cfg(feature = "rust_decimal")]
mod rust_decimal;
#[cfg(feature = "uuid")]
mod uuid;
