//! Cargo features that PyO3 0.27 offers and this implementation does not provide yet.
//! Enabling one stops the build with a message naming it, instead of silently doing
//! nothing.

macro_rules! not_yet {
    ($($feature:literal),* $(,)?) => {$(
        #[cfg(feature = $feature)]
        compile_error!(concat!(
            "the `", $feature, "` feature of pyo3 is not implemented yet in this independent \
             implementation of the PyO3 API; remove it from your pyo3 dependency's features"
        ));
    )*};
}

not_yet!(
    "experimental-async",
    "experimental-inspect",
    "generate-import-lib",
    "nightly",
    "anyhow",
    "chrono",
    "chrono-tz",
    "either",
    "eyre",
    "hashbrown",
    "indexmap",
    "num-bigint",
    "num-complex",
    "num-rational",
    "rust_decimal",
    "serde",
    "smallvec",
    "uuid",
    "jiff-02",
    "bigdecimal",
    "ordered-float",
    "time",
    "bytes",
    "lock_api",
    "parking_lot",
    "arc-swap",
);
