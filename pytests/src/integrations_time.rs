//! Conversions of the optional crates chrono, chrono-tz, chrono-local, time and jiff, round-tripped from Python
//! (`tests/test_integrations_time.py`). `rt_*` functions hand their argument back
//! unchanged (extraction then conversion); the others build a value from plain numbers so
//! that Rust-only values (nanoseconds, leap seconds, huge durations) reach Python.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

fn invalid(what: &str) -> PyErr {
    PyValueError::new_err(format!("invalid {what} for the Rust type"))
}

// --- chrono -------------------------------------------------------------------------

#[pyfunction]
fn chrono_rt_duration(value: chrono::Duration) -> chrono::Duration {
    value
}

#[pyfunction]
fn chrono_duration(seconds: i64, nanos: i64) -> PyResult<chrono::Duration> {
    let seconds = chrono::Duration::try_seconds(seconds).ok_or_else(|| invalid("seconds"))?;
    Ok(seconds + chrono::Duration::nanoseconds(nanos))
}

#[pyfunction]
fn chrono_rt_date(value: chrono::NaiveDate) -> chrono::NaiveDate {
    value
}

#[pyfunction]
fn chrono_date(year: i32, month: u32, day: u32) -> PyResult<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| invalid("date"))
}

#[pyfunction]
fn chrono_rt_time(value: chrono::NaiveTime) -> chrono::NaiveTime {
    value
}

#[pyfunction]
fn chrono_time(hour: u32, minute: u32, second: u32, nano: u32) -> PyResult<chrono::NaiveTime> {
    chrono::NaiveTime::from_hms_nano_opt(hour, minute, second, nano).ok_or_else(|| invalid("time"))
}

#[pyfunction]
fn chrono_rt_naive_datetime(value: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
    value
}

#[pyfunction]
fn chrono_rt_datetime_utc(value: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::Utc> {
    value
}

#[pyfunction]
fn chrono_rt_datetime_fixed(
    value: chrono::DateTime<chrono::FixedOffset>,
) -> chrono::DateTime<chrono::FixedOffset> {
    value
}

#[pyfunction]
fn chrono_rt_datetime_local(
    value: chrono::DateTime<chrono::Local>,
) -> chrono::DateTime<chrono::Local> {
    value
}

#[pyfunction]
fn chrono_rt_datetime_tz(
    value: chrono::DateTime<chrono_tz::Tz>,
) -> chrono::DateTime<chrono_tz::Tz> {
    value
}

/// The instant `seconds` after the epoch, in `tz`.
#[pyfunction]
fn chrono_datetime_in(
    seconds: i64,
    tz: chrono_tz::Tz,
) -> PyResult<chrono::DateTime<chrono_tz::Tz>> {
    let utc = chrono::DateTime::from_timestamp(seconds, 0).ok_or_else(|| invalid("timestamp"))?;
    Ok(utc.with_timezone(&tz))
}

/// UTC `seconds` after the epoch plus `nanos` (a leap second when `nanos` >= 1e9).
#[pyfunction]
fn chrono_datetime_utc(seconds: i64, nanos: u32) -> PyResult<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::from_timestamp(seconds, nanos).ok_or_else(|| invalid("timestamp"))
}

#[pyfunction]
fn chrono_rt_fixed_offset(value: chrono::FixedOffset) -> chrono::FixedOffset {
    value
}

#[pyfunction]
fn chrono_fixed_offset(seconds: i32) -> PyResult<chrono::FixedOffset> {
    chrono::FixedOffset::east_opt(seconds).ok_or_else(|| invalid("offset"))
}

#[pyfunction]
fn chrono_rt_utc(value: chrono::Utc) -> chrono::Utc {
    value
}

#[pyfunction]
fn chrono_rt_local(value: chrono::Local) -> chrono::Local {
    value
}

#[pyfunction]
fn chrono_rt_tz(value: chrono_tz::Tz) -> chrono_tz::Tz {
    value
}

// --- time ---------------------------------------------------------------------------

#[pyfunction]
fn time_rt_duration(value: time::Duration) -> time::Duration {
    value
}

#[pyfunction]
fn time_duration(seconds: i64, nanos: i32) -> time::Duration {
    time::Duration::new(seconds, nanos)
}

#[pyfunction]
fn time_rt_date(value: time::Date) -> time::Date {
    value
}

#[pyfunction]
fn time_date(year: i32, ordinal: u16) -> PyResult<time::Date> {
    time::Date::from_ordinal_date(year, ordinal).map_err(|_| invalid("date"))
}

#[pyfunction]
fn time_rt_time(value: time::Time) -> time::Time {
    value
}

#[pyfunction]
fn time_time(hour: u8, minute: u8, second: u8, nano: u32) -> PyResult<time::Time> {
    time::Time::from_hms_nano(hour, minute, second, nano).map_err(|_| invalid("time"))
}

#[pyfunction]
fn time_rt_primitive_datetime(value: time::PrimitiveDateTime) -> time::PrimitiveDateTime {
    value
}

#[pyfunction]
fn time_rt_utc_offset(value: time::UtcOffset) -> time::UtcOffset {
    value
}

#[pyfunction]
fn time_utc_offset(seconds: i32) -> PyResult<time::UtcOffset> {
    time::UtcOffset::from_whole_seconds(seconds).map_err(|_| invalid("offset"))
}

#[pyfunction]
fn time_rt_offset_datetime(value: time::OffsetDateTime) -> time::OffsetDateTime {
    value
}

#[pyfunction]
fn time_rt_utc_datetime(value: time::UtcDateTime) -> time::UtcDateTime {
    value
}

// --- jiff ---------------------------------------------------------------------------

#[pyfunction]
fn jiff_rt_signed_duration(value: jiff::SignedDuration) -> jiff::SignedDuration {
    value
}

#[pyfunction]
fn jiff_signed_duration(seconds: i64, nanos: i32) -> jiff::SignedDuration {
    jiff::SignedDuration::new(seconds, nanos)
}

/// A `timedelta` extracted as a `Span`, shown in jiff's ISO 8601 form.
#[pyfunction]
fn jiff_span(value: jiff::Span) -> String {
    value.to_string()
}

#[pyfunction]
fn jiff_rt_date(value: jiff::civil::Date) -> jiff::civil::Date {
    value
}

#[pyfunction]
fn jiff_date(year: i16, month: i8, day: i8) -> PyResult<jiff::civil::Date> {
    Ok(jiff::civil::Date::new(year, month, day)?)
}

/// The ISO week date of a `date`, as `(year, week, weekday from Monday = 1)`, and back.
#[pyfunction]
fn jiff_iso_week_date(
    value: jiff::civil::ISOWeekDate,
) -> ((i16, i8, i8), jiff::civil::ISOWeekDate) {
    let parts = (
        value.year(),
        value.week(),
        value.weekday().to_monday_one_offset(),
    );
    (parts, value)
}

#[pyfunction]
fn jiff_rt_time(value: jiff::civil::Time) -> jiff::civil::Time {
    value
}

#[pyfunction]
fn jiff_time(hour: i8, minute: i8, second: i8, nano: i32) -> PyResult<jiff::civil::Time> {
    Ok(jiff::civil::Time::new(hour, minute, second, nano)?)
}

#[pyfunction]
fn jiff_rt_datetime(value: jiff::civil::DateTime) -> jiff::civil::DateTime {
    value
}

#[pyfunction]
fn jiff_rt_zoned(value: jiff::Zoned) -> jiff::Zoned {
    value
}

/// The instant `seconds` after the epoch in the IANA zone `zone`.
#[pyfunction]
fn jiff_zoned(seconds: i64, zone: &str) -> PyResult<jiff::Zoned> {
    let tz = jiff::tz::TimeZone::get(zone)?;
    Ok(jiff::Timestamp::from_second(seconds)?.to_zoned(tz))
}

#[pyfunction]
fn jiff_rt_timestamp(value: jiff::Timestamp) -> jiff::Timestamp {
    value
}

#[pyfunction]
fn jiff_rt_timezone(value: jiff::tz::TimeZone) -> jiff::tz::TimeZone {
    value
}

#[pyfunction]
fn jiff_rt_offset(value: jiff::tz::Offset) -> jiff::tz::Offset {
    value
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(chrono_rt_duration, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_duration, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_date, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_date, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_time, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_time, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_naive_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_datetime_utc, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_datetime_fixed, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_datetime_local, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_datetime_tz, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_datetime_in, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_datetime_utc, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_fixed_offset, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_fixed_offset, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_utc, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_local, m)?)?;
    m.add_function(wrap_pyfunction!(chrono_rt_tz, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_duration, m)?)?;
    m.add_function(wrap_pyfunction!(time_duration, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_date, m)?)?;
    m.add_function(wrap_pyfunction!(time_date, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_time, m)?)?;
    m.add_function(wrap_pyfunction!(time_time, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_primitive_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_utc_offset, m)?)?;
    m.add_function(wrap_pyfunction!(time_utc_offset, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_offset_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(time_rt_utc_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_signed_duration, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_signed_duration, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_span, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_date, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_date, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_iso_week_date, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_time, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_time, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_datetime, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_zoned, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_zoned, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_timestamp, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_timezone, m)?)?;
    m.add_function(wrap_pyfunction!(jiff_rt_offset, m)?)?;
    Ok(())
}
