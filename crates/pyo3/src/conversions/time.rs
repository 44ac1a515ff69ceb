//! Conversions between the [time](https://docs.rs/time) crate's types and the `datetime`
//! module's (feature `time`):
//!
//! | Rust | Python |
//! |---|---|
//! | `time::Duration` | `datetime.timedelta` |
//! | `Date` | `datetime.date` |
//! | `Time` | `datetime.time` (naive) |
//! | `PrimitiveDateTime` | `datetime.datetime` (naive) |
//! | `UtcOffset` | `datetime.timezone` (any fixed-offset tzinfo when extracting) |
//! | `OffsetDateTime` | `datetime.datetime` with a fixed-offset tzinfo |
//! | `UtcDateTime` | `datetime.datetime` with `datetime.timezone.utc` |
//!
//! Going to Python drops the sub-microsecond part; a `Duration` past `timedelta`'s
//! ±999999999 days is an `OverflowError`. An aware `datetime` does not extract into
//! `PrimitiveDateTime`, nor a naive one into `OffsetDateTime`/`UtcDateTime`.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "time")]
//! # fn main() -> pyo3::PyResult<()> {
//! use pyo3::prelude::*;
//! use time::{Date, Month, OffsetDateTime, Time, UtcOffset};
//!
//! Python::attach(|py| {
//!     let date = Date::from_calendar_date(2024, Month::February, 29).unwrap();
//!     let when = date
//!         .with_time(Time::from_hms(8, 0, 0).unwrap())
//!         .assume_offset(UtcOffset::from_hms(2, 0, 0).unwrap());
//!     let py_when = when.into_pyobject(py)?;
//!     assert_eq!(py_when.str()?.to_string(), "2024-02-29 08:00:00+02:00");
//!     assert_eq!(py_when.extract::<OffsetDateTime>()?, when);
//!     Ok(())
//! })
//! # }
//! # #[cfg(not(feature = "time"))]
//! # fn main() {}
//! ```

use time::{
    Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcDateTime, UtcOffset,
};

use super::datetime_fields::{
    date_fields, datetime_fields, delta_fields, fixed_offset_seconds, is_utc, new_datetime,
    new_delta, require_naive, require_tzinfo, time_fields, DateFields, TimeFields,
};
use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::types::{PyAny, PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{Borrowed, Bound, PyErr, PyResult, Python};

fn to_date_fields(date: Date) -> DateFields {
    DateFields {
        year: date.year(),
        month: date.month().into(),
        day: date.day(),
    }
}

fn to_time_fields(time: Time) -> TimeFields {
    TimeFields {
        hour: time.hour(),
        minute: time.minute(),
        second: time.second(),
        microsecond: time.microsecond(),
        fold: false,
    }
}

fn to_date(fields: DateFields) -> PyResult<Date> {
    let month =
        Month::try_from(fields.month).map_err(|_| PyValueError::new_err("invalid month value"))?;
    Date::from_calendar_date(fields.year, month, fields.day)
        .map_err(|_| PyValueError::new_err("invalid or out-of-range date"))
}

fn to_time(fields: TimeFields) -> PyResult<Time> {
    Time::from_hms_micro(
        fields.hour,
        fields.minute,
        fields.second,
        fields.microsecond,
    )
    .map_err(|_| PyValueError::new_err("invalid or out-of-range time"))
}

fn to_primitive(dt: &Bound<'_, PyDateTime>) -> PyResult<PrimitiveDateTime> {
    let (date, time) = datetime_fields(dt)?;
    Ok(PrimitiveDateTime::new(to_date(date)?, to_time(time)?))
}

impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    /// A `timedelta`, truncated towards zero to the microsecond; `OverflowError` past
    /// ±999999999 days.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        new_delta(py, self.whole_seconds(), self.subsec_microseconds())
    }
}

into_pyobject_by_ref!(Duration, PyDelta);

impl FromPyObject<'_, '_> for Duration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let (days, seconds, micros) = delta_fields(&*obj.cast::<PyDelta>()?)?;
        Ok(Duration::days(days.into())
            + Duration::seconds(seconds.into())
            + Duration::microseconds(micros.into()))
    }
}

impl<'py> IntoPyObject<'py> for Date {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    /// A `date`; `ValueError` for a year outside 1..=9999.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let DateFields { year, month, day } = to_date_fields(self);
        PyDate::new(py, year, month, day)
    }
}

into_pyobject_by_ref!(Date, PyDate);

impl FromPyObject<'_, '_> for Date {
    type Error = PyErr;

    /// From a `date` (or a `datetime`, whose date part is taken).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        to_date(date_fields(&*obj.cast::<PyDate>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for Time {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    /// A naive `time`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let f = to_time_fields(self);
        PyTime::new(py, f.hour, f.minute, f.second, f.microsecond, None)
    }
}

into_pyobject_by_ref!(Time, PyTime);

impl FromPyObject<'_, '_> for Time {
    type Error = PyErr;

    /// From a `time` (its tzinfo, if any, is ignored).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        to_time(time_fields(&*obj.cast::<PyTime>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for PrimitiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// A naive `datetime`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        new_datetime(
            py,
            to_date_fields(self.date()),
            to_time_fields(self.time()),
            None,
        )
    }
}

into_pyobject_by_ref!(PrimitiveDateTime, PyDateTime);

impl FromPyObject<'_, '_> for PrimitiveDateTime {
    type Error = PyErr;

    /// From a naive `datetime`; an aware one is a `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        require_naive(&dt)?;
        to_primitive(&dt)
    }
}

impl<'py> IntoPyObject<'py> for UtcOffset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// A `datetime.timezone` with this offset.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let offset = new_delta(py, self.whole_seconds().into(), 0)?;
        PyTzInfo::fixed_offset(py, offset)
    }
}

into_pyobject_by_ref!(UtcOffset, PyTzInfo);

impl FromPyObject<'_, '_> for UtcOffset {
    type Error = PyErr;

    /// From a tzinfo with a fixed offset; a `zoneinfo.ZoneInfo` is a `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let seconds = fixed_offset_seconds(&*obj.cast::<PyTzInfo>()?)?;
        i32::try_from(seconds)
            .ok()
            .and_then(|seconds| UtcOffset::from_whole_seconds(seconds).ok())
            .ok_or_else(|| PyValueError::new_err("UTC offset out of bounds"))
    }
}

impl<'py> IntoPyObject<'py> for OffsetDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware `datetime` with a `datetime.timezone` of the offset.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let tz = self.offset().into_pyobject(py)?;
        new_datetime(
            py,
            to_date_fields(self.date()),
            to_time_fields(self.time()),
            Some(&tz),
        )
    }
}

into_pyobject_by_ref!(OffsetDateTime, PyDateTime);

impl FromPyObject<'_, '_> for OffsetDateTime {
    type Error = PyErr;

    /// From an aware `datetime` with a fixed-offset tzinfo.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        let offset: UtcOffset = require_tzinfo(&dt)?.extract()?;
        Ok(to_primitive(&dt)?.assume_offset(offset))
    }
}

impl<'py> IntoPyObject<'py> for UtcDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware `datetime` with `datetime.timezone.utc`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let utc = PyTzInfo::utc(py)?;
        new_datetime(
            py,
            to_date_fields(self.date()),
            to_time_fields(self.time()),
            Some(&utc),
        )
    }
}

into_pyobject_by_ref!(UtcDateTime, PyDateTime);

impl FromPyObject<'_, '_> for UtcDateTime {
    type Error = PyErr;

    /// From an aware `datetime` whose tzinfo equals `datetime.timezone.utc`; another zone
    /// is a `ValueError`, a naive `datetime` a `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        if !is_utc(&require_tzinfo(&dt)?)? {
            return Err(PyValueError::new_err(
                "expected a datetime with UTC timezone",
            ));
        }
        Ok(to_primitive(&dt)?.assume_utc().into())
    }
}
