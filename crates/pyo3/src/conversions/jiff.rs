//! Conversions between [jiff](https://docs.rs/jiff) 0.2's types and the `datetime` module's
//! (feature `jiff-02`):
//!
//! | Rust | Python |
//! |---|---|
//! | `SignedDuration` | `datetime.timedelta` |
//! | `Span` | from `datetime.timedelta` only |
//! | `civil::Date`, `civil::ISOWeekDate` | `datetime.date` |
//! | `civil::Time` | `datetime.time` (naive) |
//! | `civil::DateTime` | `datetime.datetime` (naive) |
//! | `Timestamp` | `datetime.datetime` in UTC (any aware `datetime` when extracting) |
//! | `Zoned` | `datetime.datetime` with the zone's tzinfo, `fold` for the later of two wall times |
//! | `tz::TimeZone` | `datetime.timezone.utc`, `zoneinfo.ZoneInfo` or a fixed `datetime.timezone` |
//! | `tz::Offset` | `datetime.timezone` (any fixed-offset tzinfo when extracting) |
//!
//! Going to Python drops the sub-microsecond part. jiff's own errors (an out-of-range value,
//! an unknown zone name) become `ValueError`s carrying jiff's message.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "jiff-02")]
//! # fn main() -> pyo3::PyResult<()> {
//! use jiff::civil::date;
//! use jiff::SignedDuration;
//! use pyo3::prelude::*;
//! # use jiff_02 as jiff;
//!
//! Python::attach(|py| {
//!     let day = date(2024, 2, 29).into_pyobject(py)?;
//!     assert_eq!(day.str()?.to_string(), "2024-02-29");
//!     let delta = SignedDuration::from_secs(-90).into_pyobject(py)?;
//!     assert_eq!(delta.repr()?.to_string(), "datetime.timedelta(days=-1, seconds=86310)");
//!     assert_eq!(delta.extract::<SignedDuration>()?, SignedDuration::from_secs(-90));
//!     Ok(())
//! })
//! # }
//! # #[cfg(not(feature = "jiff-02"))]
//! # fn main() {}
//! ```

use jiff::civil::{Date, DateTime, ISOWeekDate, Time};
use jiff::tz::{AmbiguousOffset, Offset, TimeZone};
use jiff::{SignedDuration, Span, Timestamp, Zoned};
use jiff_02 as jiff;

use super::datetime_fields::{
    date_fields, datetime_fields, delta_fields, fixed_offset_seconds, new_datetime, require_naive,
    require_tzinfo, time_fields, DateFields, TimeFields,
};
use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::pybacked::PyBackedStr;
use crate::types::{PyAny, PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{intern, Borrowed, Bound, PyErr, PyResult, Python};

/// `IntoPyObject` for `T`, delegating to the impl for `&T`.
macro_rules! into_pyobject_by_value {
    ($ty:ty, $target:ty) => {
        impl<'py> IntoPyObject<'py> for $ty {
            type Target = $target;
            type Output = Bound<'py, $target>;
            type Error = PyErr;

            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                (&self).into_pyobject(py)
            }
        }
    };
}

impl From<jiff::Error> for PyErr {
    /// A `ValueError` with jiff's message.
    fn from(err: jiff::Error) -> Self {
        PyValueError::new_err(err.to_string())
    }
}

fn to_date_fields(date: Date) -> PyResult<DateFields> {
    Ok(DateFields {
        year: date.year().into(),
        month: date.month().try_into()?,
        day: date.day().try_into()?,
    })
}

fn to_time_fields(time: Time, fold: bool) -> PyResult<TimeFields> {
    Ok(TimeFields {
        hour: time.hour().try_into()?,
        minute: time.minute().try_into()?,
        second: time.second().try_into()?,
        microsecond: (time.subsec_nanosecond() / 1000).try_into()?,
        fold,
    })
}

fn to_date(fields: DateFields) -> PyResult<Date> {
    Ok(Date::new(
        fields.year.try_into()?,
        fields.month.try_into()?,
        fields.day.try_into()?,
    )?)
}

fn to_time(fields: TimeFields) -> PyResult<Time> {
    // At most 999_999_000: fits an i32.
    let nanos = (fields.microsecond * 1000) as i32;
    Ok(Time::new(
        fields.hour.try_into()?,
        fields.minute.try_into()?,
        fields.second.try_into()?,
        nanos,
    )?)
}

fn to_civil_datetime(dt: &Bound<'_, PyDateTime>) -> PyResult<(DateTime, bool)> {
    let (date, time) = datetime_fields(dt)?;
    Ok((
        DateTime::from_parts(to_date(date)?, to_time(time)?),
        time.fold,
    ))
}

fn to_pydatetime<'py>(
    py: Python<'py>,
    datetime: DateTime,
    fold: bool,
    tz: Option<&Bound<'py, PyTzInfo>>,
) -> PyResult<Bound<'py, PyDateTime>> {
    new_datetime(
        py,
        to_date_fields(datetime.date())?,
        to_time_fields(datetime.time(), fold)?,
        tz,
    )
}

impl<'py> IntoPyObject<'py> for &Timestamp {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware `datetime` in `datetime.timezone.utc`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.to_zoned(TimeZone::UTC).into_pyobject(py)
    }
}

into_pyobject_by_value!(Timestamp, PyDateTime);

impl<'a, 'py> FromPyObject<'a, 'py> for Timestamp {
    type Error = <Zoned as FromPyObject<'a, 'py>>::Error;

    /// The instant of an aware `datetime` (see `Zoned`).
    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> Result<Self, Self::Error> {
        Ok(obj.extract::<Zoned>()?.timestamp())
    }
}

impl<'py> IntoPyObject<'py> for &Date {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    /// A `date`; `ValueError` for a year outside 1..=9999.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let DateFields { year, month, day } = to_date_fields(*self)?;
        PyDate::new(py, year, month, day)
    }
}

into_pyobject_by_value!(Date, PyDate);

impl<'py> FromPyObject<'_, 'py> for Date {
    type Error = PyErr;

    /// From a `date` (or a `datetime`, whose date part is taken).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        to_date(date_fields(&*obj.cast::<PyDate>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for &Time {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    /// A naive `time`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let f = to_time_fields(*self, false)?;
        PyTime::new(py, f.hour, f.minute, f.second, f.microsecond, None)
    }
}

into_pyobject_by_value!(Time, PyTime);

impl<'py> FromPyObject<'_, 'py> for Time {
    type Error = PyErr;

    /// From a `time` (its tzinfo, if any, is ignored).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        to_time(time_fields(&*obj.cast::<PyTime>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for &DateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// A naive `datetime`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        to_pydatetime(py, *self, false, None)
    }
}

into_pyobject_by_value!(DateTime, PyDateTime);

impl<'py> FromPyObject<'_, 'py> for DateTime {
    type Error = PyErr;

    /// From a naive `datetime`; an aware one is a `TypeError`.
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let dt = obj.cast::<PyDateTime>()?;
        require_naive(&dt)?;
        Ok(to_civil_datetime(&dt)?.0)
    }
}

impl<'py> IntoPyObject<'py> for &Zoned {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware `datetime` with the zone's tzinfo; `fold` is set when the wall time occurs
    /// twice in the zone and this is the later occurrence.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let zone = self.time_zone();
        let fold = match zone.to_ambiguous_zoned(self.datetime()).offset() {
            AmbiguousOffset::Fold { after, .. } => after == self.offset(),
            _ => false,
        };
        let tz = zone.into_pyobject(py)?;
        to_pydatetime(py, self.datetime(), fold, Some(&tz))
    }
}

into_pyobject_by_value!(Zoned, PyDateTime);

impl<'py> FromPyObject<'_, 'py> for Zoned {
    type Error = PyErr;

    /// From an aware `datetime` whose tzinfo extracts into a `TimeZone`; a wall time that
    /// occurs twice takes `fold` into account, one the zone skips is a `ValueError`.
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let dt = obj.cast::<PyDateTime>()?;
        let tz: TimeZone = require_tzinfo(&dt)?.extract()?;
        let (datetime, fold) = to_civil_datetime(&dt)?;
        let zoned = tz.into_ambiguous_zoned(datetime);
        Ok(if fold {
            zoned.later()?
        } else {
            zoned.earlier()?
        })
    }
}

impl<'py> IntoPyObject<'py> for &TimeZone {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone.utc` for UTC, `zoneinfo.ZoneInfo` for a zone with an IANA name,
    /// else the fixed offset as a `datetime.timezone` (`ValueError` for a zone that is
    /// neither).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if *self == TimeZone::UTC {
            return Ok(PyTzInfo::utc(py)?.to_owned());
        }
        if let Some(name) = self.iana_name() {
            return PyTzInfo::timezone(py, name);
        }
        self.to_fixed_offset()?.into_pyobject(py)
    }
}

into_pyobject_by_value!(TimeZone, PyTzInfo);

impl<'py> FromPyObject<'_, 'py> for TimeZone {
    type Error = PyErr;

    /// From a tzinfo with a `key` (a `zoneinfo.ZoneInfo`: looked up in jiff's database) or
    /// with a fixed offset.
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let tz = obj.cast::<PyTzInfo>()?;
        let key = intern!(obj.py(), "key");
        if tz.hasattr(key)? {
            let name: PyBackedStr = tz.getattr(key)?.extract()?;
            Ok(TimeZone::get(&name)?)
        } else {
            Ok(tz.extract::<Offset>()?.to_time_zone())
        }
    }
}

impl<'py> IntoPyObject<'py> for &Offset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone.utc` for zero, else a `datetime.timezone` with this offset.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        if *self == Offset::UTC {
            return Ok(PyTzInfo::utc(py)?.to_owned());
        }
        PyTzInfo::fixed_offset(py, self.duration_since(Offset::UTC))
    }
}

into_pyobject_by_value!(Offset, PyTzInfo);

impl<'py> FromPyObject<'_, 'py> for Offset {
    type Error = PyErr;

    /// From a tzinfo with a fixed offset; a `zoneinfo.ZoneInfo` is a `TypeError`.
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let seconds = fixed_offset_seconds(&*obj.cast::<PyTzInfo>()?)?;
        // A tzinfo's offset is strictly within a day.
        Ok(Offset::from_seconds(i32::try_from(seconds)?)?)
    }
}

impl<'py> IntoPyObject<'py> for &SignedDuration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    /// A `timedelta`, truncated towards zero to the microsecond; `OverflowError` past
    /// ±999999999 days.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        const SECONDS_PER_DAY: i64 = 86_400;
        let total = self.as_secs();
        let days = i32::try_from(total / SECONDS_PER_DAY)?;
        let seconds = i32::try_from(total % SECONDS_PER_DAY)?;
        PyDelta::new(py, days, seconds, self.subsec_micros(), true)
    }
}

into_pyobject_by_value!(SignedDuration, PyDelta);

impl<'py> FromPyObject<'_, 'py> for SignedDuration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        let (days, seconds, micros) = delta_fields(&*obj.cast::<PyDelta>()?)?;
        let seconds = i64::from(days) * 86_400 + i64::from(seconds);
        Ok(SignedDuration::new(seconds, micros * 1000))
    }
}

impl<'py> FromPyObject<'_, 'py> for Span {
    type Error = PyErr;

    /// From a `timedelta`, as a span of hours and smaller units (`ValueError` where jiff's
    /// span limits are exceeded).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> PyResult<Self> {
        Ok(Span::try_from(obj.extract::<SignedDuration>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for &ISOWeekDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    /// The `date` of this ISO week date.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        self.date().into_pyobject(py)
    }
}

into_pyobject_by_value!(ISOWeekDate, PyDate);

impl FromPyObject<'_, '_> for ISOWeekDate {
    type Error = PyErr;

    /// The ISO week date of a `date`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        Ok(obj.extract::<Date>()?.iso_week_date())
    }
}
