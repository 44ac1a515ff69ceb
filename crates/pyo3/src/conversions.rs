//! Conversions between Python objects and Rust types: the standard library's always, and
//! each optional crate's behind the cargo feature of the same name (as in PyO3).

// Private, so that the crate root's `pub use conversions::*` (PyO3's `pyo3::uuid`, ...)
// does not bring a `std` module into the root; the integrations below still reach it.
/// `IntoPyObject` for `&T`, delegating to the by-value impl of a `Copy` type `T`; the output
/// is `Bound<'py, Target>` unless given. Shared by the submodules below (textual scope).
macro_rules! into_pyobject_by_ref {
    ($ty:ty, $target:ty) => {
        into_pyobject_by_ref!($ty, $target, $crate::Bound<'py, $target>);
    };
    ($ty:ty, $target:ty, $output:ty) => {
        impl<'py> $crate::conversion::IntoPyObject<'py> for &$ty {
            type Target = $target;
            type Output = $output;
            type Error = $crate::PyErr;

            #[inline]
            fn into_pyobject(self, py: $crate::Python<'py>) -> Result<Self::Output, Self::Error> {
                (*self).into_pyobject(py)
            }
        }
    };
}

mod std;

#[cfg(any(feature = "chrono", feature = "time", feature = "jiff-02"))]
mod datetime_fields;

#[cfg(feature = "anyhow")]
pub mod anyhow;
#[cfg(feature = "bigdecimal")]
pub mod bigdecimal;
#[cfg(feature = "bytes")]
pub mod bytes;
#[cfg(feature = "chrono")]
pub mod chrono;
#[cfg(feature = "chrono-tz")]
pub mod chrono_tz;
#[cfg(feature = "either")]
pub mod either;
#[cfg(feature = "eyre")]
pub mod eyre;
#[cfg(feature = "hashbrown")]
pub mod hashbrown;
#[cfg(feature = "indexmap")]
pub mod indexmap;
#[cfg(feature = "jiff-02")]
pub mod jiff;
#[cfg(feature = "num-bigint")]
pub mod num_bigint;
#[cfg(feature = "num-complex")]
pub mod num_complex;
#[cfg(feature = "num-rational")]
pub mod num_rational;
#[cfg(feature = "ordered-float")]
pub mod ordered_float;
#[cfg(feature = "rust_decimal")]
pub mod rust_decimal;
#[cfg(feature = "serde")]
pub mod serde;
#[cfg(feature = "smallvec")]
pub mod smallvec;
#[cfg(feature = "time")]
pub mod time;
#[cfg(feature = "uuid")]
pub mod uuid;
