//! Integration tests of the optional-crate conversions (one module per crate, each compiled
//! only with its cargo feature), on an embedded interpreter. `python3 x.py test-rust` runs
//! them with every integration feature on.

#[cfg(feature = "anyhow")]
mod anyhow;
#[cfg(feature = "bytes")]
mod bytes;
#[cfg(feature = "either")]
mod either;
#[cfg(feature = "eyre")]
mod eyre;
#[cfg(feature = "hashbrown")]
mod hashbrown;
#[cfg(feature = "indexmap")]
mod indexmap;
#[cfg(all(feature = "parking_lot", feature = "arc_lock"))]
mod lock_api;
#[cfg(feature = "py-clone")]
mod py_clone;
#[cfg(all(feature = "serde", feature = "macros"))]
mod serde;
#[cfg(feature = "smallvec")]
mod smallvec;
