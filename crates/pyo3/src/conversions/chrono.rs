//! Conversions between [chrono](https://docs.rs/chrono)'s types and the `datetime` module's
//! (feature `chrono`; `chrono-local` adds `Local`):
//!
//! | Rust | Python |
//! |---|---|
//! | `chrono::Duration` (`TimeDelta`) | `datetime.timedelta` |
//! | `NaiveDate` | `datetime.date` |
//! | `NaiveTime` | `datetime.time` (naive) |
//! | `NaiveDateTime` | `datetime.datetime` (naive) |
//! | `DateTime<Tz>` | `datetime.datetime` (aware, with `Tz`'s tzinfo) |
//! | `FixedOffset` | `datetime.timezone` (any fixed-offset tzinfo when extracting) |
//! | `Utc` | `datetime.timezone.utc` |
//! | `Local` | `zoneinfo.ZoneInfo` of the system's zone (feature `chrono-local`) |
//!
//! Python keeps microseconds, chrono nanoseconds: going to Python drops the sub-microsecond
//! part, and a leap second (chrono's nanosecond field at one billion or more) becomes the
//! second before it, with a `UserWarning`. An aware `datetime` does not extract into a naive
//! type, nor a naive one into `DateTime<Tz>` (except `DateTime<Local>`, which reads it as
//! local time); an ambiguous local time is resolved by the `datetime`'s `fold`.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "chrono")]
//! # fn main() -> pyo3::PyResult<()> {
//! use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| {
//!     let when = Utc.with_ymd_and_hms(2024, 2, 29, 12, 30, 0).unwrap();
//!     let py_when = when.into_pyobject(py)?;
//!     assert_eq!(
//!         py_when.str()?.to_string(),
//!         "2024-02-29 12:30:00+00:00"
//!     );
//!     let back: DateTime<FixedOffset> = py_when.extract()?;
//!     assert_eq!(back, when);
//!
//!     let date: NaiveDate = py.eval(c"__import__('datetime').date(2000, 1, 2)", None, None)?.extract()?;
//!     assert_eq!(date, NaiveDate::from_ymd_opt(2000, 1, 2).unwrap());
//!     Ok(())
//! })
//! # }
//! # #[cfg(not(feature = "chrono"))]
//! # fn main() {}
//! ```

use chrono::offset::{FixedOffset, Utc};
#[cfg(feature = "chrono-local")]
use chrono::Local;
use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Timelike,
};

use super::datetime_fields::{
    date_fields, datetime_fields, delta_fields, fixed_offset_seconds, missing_tzinfo, new_datetime,
    new_delta, require_naive, time_fields, DateFields, TimeFields,
};
use crate::conversion::{FromPyObject, FromPyObjectOwned, IntoPyObject, IntoPyObjectExt};
use crate::exceptions::{PyUserWarning, PyValueError};
use crate::types::{PyAny, PyAnyMethods, PyDate, PyDateTime, PyDelta, PyTime, PyTzInfo};
use crate::{Borrowed, Bound, PyErr, PyResult, Python};

impl<'py> IntoPyObject<'py> for Duration {
    type Target = PyDelta;
    type Output = Bound<'py, PyDelta>;
    type Error = PyErr;

    /// A `timedelta`, truncated towards zero to the microsecond; `OverflowError` past
    /// `timedelta`'s range of ±999999999 days.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        new_delta(py, self.num_seconds(), self.subsec_nanos() / 1000)
    }
}

into_pyobject_by_ref!(Duration, PyDelta, Bound<'py, PyDelta>);

impl FromPyObject<'_, '_> for Duration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let delta = obj.cast::<PyDelta>()?;
        let (days, seconds, micros) = delta_fields(&delta)?;
        // timedelta's range (±1e9 days) is well inside Duration's (±2.9e8 years).
        Ok(Duration::days(days.into())
            + Duration::seconds(seconds.into())
            + Duration::microseconds(micros.into()))
    }
}

fn to_date_fields(date: &NaiveDate) -> DateFields {
    DateFields {
        year: date.year(),
        // 1..=12 and 1..=31.
        month: date.month() as u8,
        day: date.day() as u8,
    }
}

/// The time fields of a chrono time, and whether a leap second was folded into the
/// preceding second.
fn to_time_fields(time: &NaiveTime) -> (TimeFields, bool) {
    let nanos = time.nanosecond();
    let leap = nanos >= 1_000_000_000;
    let nanos = if leap { nanos - 1_000_000_000 } else { nanos };
    let fields = TimeFields {
        // 0..=23, 0..=59, 0..=59.
        hour: time.hour() as u8,
        minute: time.minute() as u8,
        second: time.second() as u8,
        microsecond: nanos / 1000,
        fold: false,
    };
    (fields, leap)
}

/// Warns that a leap second was dropped; a warning turned into an error cannot be raised
/// from a conversion that succeeded, so it is reported as unraisable.
fn warn_leap_second(obj: &Bound<'_, PyAny>) {
    let py = obj.py();
    let category = py.get_type::<PyUserWarning>();
    if let Err(err) = PyErr::warn(
        py,
        &category,
        c"ignored leap-second, `datetime` does not support leap-seconds",
        0,
    ) {
        err.write_unraisable(py, Some(obj));
    }
}

fn naive_date(fields: DateFields) -> PyResult<NaiveDate> {
    NaiveDate::from_ymd_opt(fields.year, fields.month.into(), fields.day.into())
        .ok_or_else(|| PyValueError::new_err("invalid or out-of-range date"))
}

fn naive_time(fields: TimeFields) -> PyResult<NaiveTime> {
    NaiveTime::from_hms_micro_opt(
        fields.hour.into(),
        fields.minute.into(),
        fields.second.into(),
        fields.microsecond,
    )
    .ok_or_else(|| PyValueError::new_err("invalid or out-of-range time"))
}

impl<'py> IntoPyObject<'py> for NaiveDate {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    /// A `date`; `ValueError` for a year outside Python's 1..=9999.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let DateFields { year, month, day } = to_date_fields(&self);
        PyDate::new(py, year, month, day)
    }
}

into_pyobject_by_ref!(NaiveDate, PyDate, Bound<'py, PyDate>);

impl FromPyObject<'_, '_> for NaiveDate {
    type Error = PyErr;

    /// From a `date` (or a `datetime`, whose date part is taken).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        naive_date(date_fields(&*obj.cast::<PyDate>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for NaiveTime {
    type Target = PyTime;
    type Output = Bound<'py, PyTime>;
    type Error = PyErr;

    /// A naive `time` (microseconds; a leap second is dropped with a `UserWarning`).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (fields, leap) = to_time_fields(&self);
        let time = PyTime::new(
            py,
            fields.hour,
            fields.minute,
            fields.second,
            fields.microsecond,
            None,
        )?;
        if leap {
            warn_leap_second(&time);
        }
        Ok(time)
    }
}

into_pyobject_by_ref!(NaiveTime, PyTime, Bound<'py, PyTime>);

impl FromPyObject<'_, '_> for NaiveTime {
    type Error = PyErr;

    /// From a `time` (its tzinfo, if any, is ignored).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        naive_time(time_fields(&*obj.cast::<PyTime>()?)?)
    }
}

impl<'py> IntoPyObject<'py> for NaiveDateTime {
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// A naive `datetime`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let (time, leap) = to_time_fields(&self.time());
        let dt = new_datetime(py, to_date_fields(&self.date()), time, None)?;
        if leap {
            warn_leap_second(&dt);
        }
        Ok(dt)
    }
}

into_pyobject_by_ref!(NaiveDateTime, PyDateTime, Bound<'py, PyDateTime>);

impl FromPyObject<'_, '_> for NaiveDateTime {
    type Error = PyErr;

    /// From a naive `datetime`; an aware one is a `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        require_naive(&dt)?;
        let (date, time) = datetime_fields(&dt)?;
        Ok(NaiveDateTime::new(naive_date(date)?, naive_time(time)?))
    }
}

impl<'py, Tz> IntoPyObject<'py> for DateTime<Tz>
where
    Tz: TimeZone + IntoPyObject<'py>,
{
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (&self).into_pyobject(py)
    }
}

impl<'py, Tz> IntoPyObject<'py> for &DateTime<Tz>
where
    Tz: TimeZone + IntoPyObject<'py>,
{
    type Target = PyDateTime;
    type Output = Bound<'py, PyDateTime>;
    type Error = PyErr;

    /// An aware `datetime` holding the local wall time and `Tz`'s tzinfo; `fold` is set
    /// when the wall time occurs twice and this is the later occurrence.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let tz = self
            .timezone()
            .into_bound_py_any(py)?
            .cast_into::<PyTzInfo>()?;
        let local = self.naive_local();
        let fold = match self.timezone().offset_from_local_datetime(&local) {
            LocalResult::Ambiguous(_, later) => later.fix() == self.offset().fix(),
            _ => false,
        };
        aware_datetime(py, &local, fold, &tz)
    }
}

/// The non-generic part of `DateTime<Tz>`'s conversion.
fn aware_datetime<'py>(
    py: Python<'py>,
    local: &NaiveDateTime,
    fold: bool,
    tz: &Bound<'py, PyTzInfo>,
) -> PyResult<Bound<'py, PyDateTime>> {
    let (mut time, leap) = to_time_fields(&local.time());
    time.fold = fold;
    let dt = new_datetime(py, to_date_fields(&local.date()), time, Some(tz))?;
    if leap {
        warn_leap_second(&dt);
    }
    Ok(dt)
}

impl<'py, Tz> FromPyObject<'_, 'py> for DateTime<Tz>
where
    Tz: TimeZone + FromPyObjectOwned<'py>,
{
    type Error = PyErr;

    /// From an aware `datetime` whose tzinfo extracts into `Tz`; a naive one is a
    /// `TypeError` (for `DateTime<Local>` it is read as local time).
    fn extract(obj: Borrowed<'_, 'py, PyAny>) -> Result<Self, Self::Error> {
        let dt = obj.cast::<PyDateTime>()?;
        let tz: Tz = match crate::types::PyTzInfoAccess::get_tzinfo(&*dt) {
            Some(tzinfo) => tzinfo.extract().map_err(Into::into)?,
            None => {
                #[cfg(feature = "chrono-local")]
                if let Some(local) = Tz::as_local_tz(crate::conversion::private::Token) {
                    return in_time_zone(&dt, local);
                }
                return Err(missing_tzinfo());
            }
        };
        in_time_zone(&dt, tz)
    }
}

/// Places the wall time of `dt` in `tz`, taking the later of two candidates when `fold`
/// is set; a wall time that `tz` skips is a `ValueError`.
fn in_time_zone<Tz: TimeZone>(dt: &Bound<'_, PyDateTime>, tz: Tz) -> PyResult<DateTime<Tz>> {
    let (date, time) = datetime_fields(dt)?;
    let naive = NaiveDateTime::new(naive_date(date)?, naive_time(time)?);
    match naive.and_local_timezone(tz) {
        LocalResult::Single(value) => Ok(value),
        LocalResult::Ambiguous(earlier, later) => Ok(if time.fold { later } else { earlier }),
        LocalResult::None => Err(PyValueError::new_err(format!(
            "The datetime {dt:?} contains an incompatible timezone"
        ))),
    }
}

impl<'py> IntoPyObject<'py> for FixedOffset {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// A `datetime.timezone` with this offset.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let offset = new_delta(py, self.local_minus_utc().into(), 0)?;
        PyTzInfo::fixed_offset(py, offset)
    }
}

into_pyobject_by_ref!(FixedOffset, PyTzInfo, Bound<'py, PyTzInfo>);

impl FromPyObject<'_, '_> for FixedOffset {
    type Error = PyErr;

    /// From a tzinfo with a fixed offset (`utcoffset(None)` is not None); sub-second
    /// offsets lose their fraction. A `zoneinfo.ZoneInfo` is a `TypeError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let tz = obj.cast::<PyTzInfo>()?;
        let seconds = fixed_offset_seconds(&tz)?;
        i32::try_from(seconds)
            .ok()
            .and_then(FixedOffset::east_opt)
            .ok_or_else(|| PyValueError::new_err("fixed offset out of bounds"))
    }
}

impl<'py> IntoPyObject<'py> for Utc {
    type Target = PyTzInfo;
    type Output = Borrowed<'static, 'py, PyTzInfo>;
    type Error = PyErr;

    /// `datetime.timezone.utc`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PyTzInfo::utc(py)
    }
}

into_pyobject_by_ref!(Utc, PyTzInfo, Borrowed<'static, 'py, PyTzInfo>);

impl FromPyObject<'_, '_> for Utc {
    type Error = PyErr;

    /// From a tzinfo equal to `datetime.timezone.utc`; anything else is a `ValueError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        if obj.eq(PyTzInfo::utc(obj.py())?)? {
            Ok(Utc)
        } else {
            Err(PyValueError::new_err("expected datetime.timezone.utc"))
        }
    }
}

/// The system's time zone as a `zoneinfo.ZoneInfo`, looked up once.
#[cfg(feature = "chrono-local")]
fn local_tzinfo(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
    use crate::sync::PyOnceLock;
    use crate::Py;

    static LOCAL: PyOnceLock<Py<PyTzInfo>> = PyOnceLock::new();
    let tz = LOCAL.get_or_try_init(py, || -> PyResult<Py<PyTzInfo>> {
        let name = iana_time_zone::get_timezone().map_err(|err| {
            crate::exceptions::PyRuntimeError::new_err(format!(
                "Could not get local timezone: {err}"
            ))
        })?;
        Ok(PyTzInfo::timezone(py, name)?.unbind())
    })?;
    Ok(tz.bind_borrowed(py))
}

#[cfg(feature = "chrono-local")]
impl<'py> IntoPyObject<'py> for Local {
    type Target = PyTzInfo;
    type Output = Borrowed<'static, 'py, PyTzInfo>;
    type Error = PyErr;

    /// `zoneinfo.ZoneInfo(<the system's IANA zone name>)` (`RuntimeError` if the system
    /// does not say).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        local_tzinfo(py)
    }
}

#[cfg(feature = "chrono-local")]
into_pyobject_by_ref!(Local, PyTzInfo, Borrowed<'static, 'py, PyTzInfo>);

#[cfg(feature = "chrono-local")]
impl FromPyObject<'_, '_> for Local {
    type Error = PyErr;

    /// From a tzinfo equal to the system's zone; anything else is a `ValueError` naming the
    /// expected zone.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Local> {
        let local = local_tzinfo(obj.py())?;
        if obj.eq(local)? {
            return Ok(Local);
        }
        let key = local.getattr(crate::intern!(obj.py(), "key"))?;
        Err(PyValueError::new_err(format!(
            "expected local timezone {}",
            crate::types::PyStringMethods::to_string_lossy(&key.str()?)
        )))
    }

    #[inline]
    fn as_local_tz(_: crate::conversion::private::Token) -> Option<Self> {
        Some(Local)
    }
}
