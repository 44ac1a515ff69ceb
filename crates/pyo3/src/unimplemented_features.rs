//! Cargo features that PyO3 0.27 offers and this implementation does not provide yet.
//! Enabling one stops the build with a message naming it and the capability it belongs
//! to, instead of silently doing nothing. Features without effect on this platform
//! (`generate-import-lib` outside Windows) are accepted silently, as PyO3 accepts them.

macro_rules! not_yet {
    ($capability:literal: $($feature:literal),* $(,)?) => {$(
        #[cfg(feature = $feature)]
        compile_error!(concat!(
            "the `", $feature, "` feature of pyo3 is not implemented yet in this independent \
             implementation of the PyO3 API (", $capability, " are still missing); \
             remove it from your pyo3 dependency's features"
        ));
    )*};
}

not_yet!("the experimental features": "experimental-async", "experimental-inspect", "nightly");
