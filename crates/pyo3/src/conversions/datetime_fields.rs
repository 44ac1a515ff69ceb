//! Reading and building `datetime` objects for the chrono, time and jiff conversions: field
//! reads go through the C-API accessors where they exist and through attributes under the
//! limited API, so each crate's conversion is written once for both.

use crate::exceptions::PyTypeError;
use crate::instance::Bound;
use crate::types::{PyAnyMethods, PyDate, PyDateTime, PyDelta, PyNone, PyTime, PyTzInfo};
#[cfg(not(limited_api_only))]
use crate::types::{PyDateAccess, PyDeltaAccess, PyTimeAccess};
use crate::{PyErr, PyResult};

/// The date part of a `date` or `datetime`.
#[derive(Clone, Copy)]
pub(crate) struct DateFields {
    pub(crate) year: i32,
    pub(crate) month: u8,
    pub(crate) day: u8,
}

/// The time part of a `time` or `datetime` (without its tzinfo).
#[derive(Clone, Copy)]
pub(crate) struct TimeFields {
    pub(crate) hour: u8,
    pub(crate) minute: u8,
    pub(crate) second: u8,
    pub(crate) microsecond: u32,
    pub(crate) fold: bool,
}

/// Reads an integer attribute (the limited API's field access).
#[cfg(limited_api_only)]
fn int_attr<T>(obj: &Bound<'_, crate::PyAny>, name: &'static str) -> PyResult<T>
where
    T: for<'a, 'py> crate::FromPyObject<'a, 'py, Error = PyErr>,
{
    obj.getattr(name)?.extract()
}

/// The year, month and day of a `date` (a `datetime` is a `date` too).
pub(crate) fn date_fields(date: &Bound<'_, PyDate>) -> PyResult<DateFields> {
    #[cfg(not(limited_api_only))]
    {
        Ok(DateFields {
            year: date.get_year(),
            month: date.get_month(),
            day: date.get_day(),
        })
    }
    #[cfg(limited_api_only)]
    {
        Ok(DateFields {
            year: int_attr(date, "year")?,
            month: int_attr(date, "month")?,
            day: int_attr(date, "day")?,
        })
    }
}

/// The time fields of a `time`.
pub(crate) fn time_fields(time: &Bound<'_, PyTime>) -> PyResult<TimeFields> {
    #[cfg(not(limited_api_only))]
    {
        Ok(TimeFields {
            hour: time.get_hour(),
            minute: time.get_minute(),
            second: time.get_second(),
            microsecond: time.get_microsecond(),
            fold: time.get_fold(),
        })
    }
    #[cfg(limited_api_only)]
    {
        time_fields_by_attr(time)
    }
}

/// The date and time fields of a `datetime`.
pub(crate) fn datetime_fields(dt: &Bound<'_, PyDateTime>) -> PyResult<(DateFields, TimeFields)> {
    #[cfg(not(limited_api_only))]
    {
        let date = DateFields {
            year: dt.get_year(),
            month: dt.get_month(),
            day: dt.get_day(),
        };
        let time = TimeFields {
            hour: dt.get_hour(),
            minute: dt.get_minute(),
            second: dt.get_second(),
            microsecond: dt.get_microsecond(),
            fold: dt.get_fold(),
        };
        Ok((date, time))
    }
    #[cfg(limited_api_only)]
    {
        let date = DateFields {
            year: int_attr(dt, "year")?,
            month: int_attr(dt, "month")?,
            day: int_attr(dt, "day")?,
        };
        Ok((date, time_fields_by_attr(dt)?))
    }
}

#[cfg(limited_api_only)]
fn time_fields_by_attr(obj: &Bound<'_, crate::PyAny>) -> PyResult<TimeFields> {
    Ok(TimeFields {
        hour: int_attr(obj, "hour")?,
        minute: int_attr(obj, "minute")?,
        second: int_attr(obj, "second")?,
        microsecond: int_attr(obj, "microsecond")?,
        fold: int_attr::<u8>(obj, "fold")? != 0,
    })
}

/// The normalised `(days, seconds, microseconds)` of a `timedelta`: `seconds` is in
/// `0..86400` and `microseconds` in `0..1_000_000`; only `days` carries a sign.
pub(crate) fn delta_fields(delta: &Bound<'_, PyDelta>) -> PyResult<(i32, i32, i32)> {
    #[cfg(not(limited_api_only))]
    {
        Ok((
            delta.get_days(),
            delta.get_seconds(),
            delta.get_microseconds(),
        ))
    }
    #[cfg(limited_api_only)]
    {
        Ok((
            int_attr(delta, "days")?,
            int_attr(delta, "seconds")?,
            int_attr(delta, "microseconds")?,
        ))
    }
}

/// A `timedelta` from a signed count of whole seconds and a same-signed count of
/// microseconds below one second; days that do not fit an `i32` are clamped so that Python
/// reports its own `OverflowError` (`days=...; must have magnitude <= 999999999`).
#[cfg(any(feature = "chrono", feature = "time"))]
pub(crate) fn new_delta(
    py: crate::Python<'_>,
    total_seconds: i64,
    subsec_micros: i32,
) -> PyResult<Bound<'_, PyDelta>> {
    const SECONDS_PER_DAY: i64 = 86_400;
    let days = total_seconds / SECONDS_PER_DAY;
    // In -86399..=86399: fits an i32.
    let seconds = (total_seconds % SECONDS_PER_DAY) as i32;
    let days = i32::try_from(days).unwrap_or(if days < 0 { i32::MIN } else { i32::MAX });
    PyDelta::new(py, days, seconds, subsec_micros, true)
}

/// The offset from UTC of a fixed-offset tzinfo (`tz.utcoffset(None)`), in whole seconds
/// (a sub-second part is dropped, towards zero). A zone whose offset depends on the date
/// (such as `zoneinfo.ZoneInfo`) gives `TypeError: <repr> is not a fixed offset timezone`.
pub(crate) fn fixed_offset_seconds(tz: &Bound<'_, PyTzInfo>) -> PyResult<i64> {
    let py = tz.py();
    let delta = tz.call_method1(crate::intern!(py, "utcoffset"), (PyNone::get(py),))?;
    if delta.is_none() {
        return Err(PyTypeError::new_err(format!(
            "{tz:?} is not a fixed offset timezone"
        )));
    }
    let delta = delta.cast_into::<PyDelta>()?;
    let (days, seconds, micros) = delta_fields(&delta)?;
    let total_micros =
        (i64::from(days) * 86_400 + i64::from(seconds)) * 1_000_000 + i64::from(micros);
    Ok(total_micros / 1_000_000)
}

/// The tzinfo of an aware `datetime`, or `TypeError: expected a datetime with non-None
/// tzinfo` for a naive one.
#[cfg(any(feature = "time", feature = "jiff-02"))]
pub(crate) fn require_tzinfo<'py>(dt: &Bound<'py, PyDateTime>) -> PyResult<Bound<'py, PyTzInfo>> {
    crate::types::PyTzInfoAccess::get_tzinfo(dt).ok_or_else(missing_tzinfo)
}

/// The error for a naive `datetime` where an aware one is wanted.
pub(crate) fn missing_tzinfo() -> PyErr {
    PyTypeError::new_err("expected a datetime with non-None tzinfo")
}

/// Refuses an aware `datetime` where a naive one is wanted (`TypeError: expected a datetime
/// without tzinfo`).
pub(crate) fn require_naive(dt: &Bound<'_, PyDateTime>) -> PyResult<()> {
    if crate::types::PyTzInfoAccess::get_tzinfo(dt).is_some() {
        return Err(PyTypeError::new_err("expected a datetime without tzinfo"));
    }
    Ok(())
}

/// Whether `tz` equals `datetime.timezone.utc` (`==`, so `timezone(timedelta(0))` counts).
#[cfg(feature = "time")]
pub(crate) fn is_utc(tz: &Bound<'_, PyTzInfo>) -> PyResult<bool> {
    tz.eq(PyTzInfo::utc(tz.py())?)
}

/// Builds a naive or aware `datetime` from fields.
pub(crate) fn new_datetime<'py>(
    py: crate::Python<'py>,
    date: DateFields,
    time: TimeFields,
    tzinfo: Option<&Bound<'py, PyTzInfo>>,
) -> PyResult<Bound<'py, PyDateTime>> {
    PyDateTime::new_with_fold(
        py,
        date.year,
        date.month,
        date.day,
        time.hour,
        time.minute,
        time.second,
        time.microsecond,
        tzinfo,
        time.fold,
    )
}
