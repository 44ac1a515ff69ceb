//! Conversions of the optional crates num-bigint, num-complex, num-rational, rust_decimal,
//! bigdecimal, ordered-float and uuid, round-tripped from Python
//! (`tests/test_integrations_numbers.py`).

use bigdecimal::BigDecimal;
use num_bigint::{BigInt, BigUint};
use num_complex::Complex;
use num_rational::Ratio;
use ordered_float::{NotNan, OrderedFloat};
use pyo3::prelude::*;
use rust_decimal::Decimal;
use uuid::Uuid;

#[pyfunction]
fn rt_bigint(x: BigInt) -> BigInt {
    x
}

#[pyfunction]
fn rt_biguint(x: BigUint) -> BigUint {
    x
}

/// `sign * 2**bits + offset`, computed in Rust.
#[pyfunction]
fn bigint_power_of_two(bits: u32, negative: bool, offset: i64) -> BigInt {
    let magnitude = BigInt::from(1u8) << bits;
    let signed = if negative { -magnitude } else { magnitude };
    signed + offset
}

/// The decimal digits of a `BigUint` as computed in Rust.
#[pyfunction]
fn biguint_to_string(x: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(x.extract::<BigUint>()?.to_string())
}

#[pyfunction]
fn rt_complex64(z: Complex<f64>) -> Complex<f64> {
    z
}

#[pyfunction]
fn rt_complex32(z: Complex<f32>) -> Complex<f32> {
    z
}

/// `z * w`, computed in Rust.
#[pyfunction]
fn complex_mul(z: Complex<f64>, w: Complex<f64>) -> Complex<f64> {
    z * w
}

#[pyfunction]
fn rt_ratio_i8(r: Ratio<i8>) -> Ratio<i8> {
    r
}

#[pyfunction]
fn rt_ratio_i16(r: Ratio<i16>) -> Ratio<i16> {
    r
}

#[pyfunction]
fn rt_ratio_i32(r: Ratio<i32>) -> Ratio<i32> {
    r
}

#[pyfunction]
fn rt_ratio_i64(r: Ratio<i64>) -> Ratio<i64> {
    r
}

#[pyfunction]
fn rt_ratio_isize(r: Ratio<isize>) -> Ratio<isize> {
    r
}

#[pyfunction]
fn rt_ratio_bigint(r: Ratio<BigInt>) -> Ratio<BigInt> {
    r
}

/// `Ratio::new(numer, denom)` (reduced in Rust).
#[pyfunction]
fn ratio_i64(numer: i64, denom: i64) -> Ratio<i64> {
    Ratio::new(numer, denom)
}

/// A `Ratio` with a zero denominator, built without checks.
#[pyfunction]
fn ratio_unchecked_zero() -> Ratio<i32> {
    Ratio::new_raw(1, 0)
}

#[pyfunction]
fn rt_rust_decimal(d: Decimal) -> Decimal {
    d
}

#[pyfunction]
fn rust_decimal_extremes() -> (Decimal, Decimal, Decimal) {
    (Decimal::MAX, Decimal::MIN, Decimal::new(1, 28))
}

#[pyfunction]
fn rt_bigdecimal(d: BigDecimal) -> BigDecimal {
    d
}

/// `BigDecimal::new(digits, scale)`: the value `digits * 10**-scale`.
#[pyfunction]
fn bigdecimal_new(digits: BigInt, scale: i64) -> BigDecimal {
    BigDecimal::new(digits, scale)
}

#[pyfunction]
fn rt_ordered_f64(x: OrderedFloat<f64>) -> OrderedFloat<f64> {
    x
}

#[pyfunction]
fn rt_ordered_f32(x: OrderedFloat<f32>) -> OrderedFloat<f32> {
    x
}

#[pyfunction]
fn rt_not_nan_f64(x: NotNan<f64>) -> NotNan<f64> {
    x
}

#[pyfunction]
fn rt_not_nan_f32(x: NotNan<f32>) -> NotNan<f32> {
    x
}

/// Sorted by `OrderedFloat`'s total order (NaN last).
#[pyfunction]
fn sort_ordered(mut values: Vec<OrderedFloat<f64>>) -> Vec<OrderedFloat<f64>> {
    values.sort();
    values
}

#[pyfunction]
fn rt_uuid(u: Uuid) -> Uuid {
    u
}

/// `(u.as_u128(), u.get_version_num())`, read in Rust.
#[pyfunction]
fn uuid_fields(u: Uuid) -> (u128, usize) {
    (u.as_u128(), u.get_version_num())
}

/// A `Uuid` built in Rust from its 128-bit value.
#[pyfunction]
fn uuid_from_u128(value: u128) -> Uuid {
    Uuid::from_u128(value)
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(rt_bigint, m)?)?;
    m.add_function(wrap_pyfunction!(rt_biguint, m)?)?;
    m.add_function(wrap_pyfunction!(bigint_power_of_two, m)?)?;
    m.add_function(wrap_pyfunction!(biguint_to_string, m)?)?;
    m.add_function(wrap_pyfunction!(rt_complex64, m)?)?;
    m.add_function(wrap_pyfunction!(rt_complex32, m)?)?;
    m.add_function(wrap_pyfunction!(complex_mul, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_i8, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_i16, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_i32, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_i64, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_isize, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ratio_bigint, m)?)?;
    m.add_function(wrap_pyfunction!(ratio_i64, m)?)?;
    m.add_function(wrap_pyfunction!(ratio_unchecked_zero, m)?)?;
    m.add_function(wrap_pyfunction!(rt_rust_decimal, m)?)?;
    m.add_function(wrap_pyfunction!(rust_decimal_extremes, m)?)?;
    m.add_function(wrap_pyfunction!(rt_bigdecimal, m)?)?;
    m.add_function(wrap_pyfunction!(bigdecimal_new, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ordered_f64, m)?)?;
    m.add_function(wrap_pyfunction!(rt_ordered_f32, m)?)?;
    m.add_function(wrap_pyfunction!(rt_not_nan_f64, m)?)?;
    m.add_function(wrap_pyfunction!(rt_not_nan_f32, m)?)?;
    m.add_function(wrap_pyfunction!(sort_ordered, m)?)?;
    m.add_function(wrap_pyfunction!(rt_uuid, m)?)?;
    m.add_function(wrap_pyfunction!(uuid_fields, m)?)?;
    m.add_function(wrap_pyfunction!(uuid_from_u128, m)?)?;
    Ok(())
}
