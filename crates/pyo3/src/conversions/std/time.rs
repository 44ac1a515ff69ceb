//! `Duration` to and from `datetime.timedelta`, and `SystemTime` to and from an aware
//! `datetime.datetime` (UTC). Goes through the `datetime` module's Python API, which
//! works on every API level.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::err::CastError;
use crate::exceptions::{PyOverflowError, PyValueError};
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods};
use crate::{intern, PyErr, PyResult, Python};

const SECONDS_PER_DAY: u64 = 24 * 60 * 60;

fn timedelta_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    CLASS.import(py, "datetime", "timedelta")
}

/// `datetime(1970, 1, 1, tzinfo=timezone.utc)`.
fn unix_epoch(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static EPOCH: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let epoch = EPOCH.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        let datetime = py.import("datetime")?;
        let utc = datetime.getattr("timezone")?.getattr("utc")?;
        let kwargs = crate::types::PyDict::new(py);
        crate::types::PyDictMethods::set_item(&kwargs, "tzinfo", utc)?;
        Ok(datetime
            .getattr("datetime")?
            .call((1970, 1, 1), Some(&kwargs))?
            .unbind())
    })?;
    Ok(epoch.bind(py))
}

/// What a `Duration` converts to: `PyDelta` where that type exists (not on the limited
/// API, where it is a plain object).
#[cfg(not(limited_api_only))]
type DeltaTarget = crate::types::PyDelta;
#[cfg(limited_api_only)]
type DeltaTarget = PyAny;

impl<'py> IntoPyObject<'py> for Duration {
    type Target = DeltaTarget;
    type Output = Bound<'py, DeltaTarget>;
    type Error = PyErr;

    /// A `datetime.timedelta` (rounded down to the microsecond).
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let days = self.as_secs() / SECONDS_PER_DAY;
        let seconds = self.as_secs() % SECONDS_PER_DAY;
        let micros = self.subsec_micros();
        let days = i32::try_from(days)
            .map_err(|_| PyOverflowError::new_err("Duration is too large for a timedelta"))?;
        let delta = timedelta_class(py)?.call1((days, seconds, micros))?;
        // SAFETY: calling `datetime.timedelta` makes a timedelta.
        Ok(unsafe { delta.cast_into_unchecked() })
    }
}

impl<'py> IntoPyObject<'py> for &Duration {
    type Target = DeltaTarget;
    type Output = Bound<'py, DeltaTarget>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for Duration {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let py = obj.py();
        if !obj.is_instance(timedelta_class(py)?)? {
            return Err(CastError::new(obj, timedelta_class(py)?.clone().into_any()).into());
        }
        let days: i64 = obj.getattr(intern!(py, "days"))?.extract()?;
        let seconds: u64 = obj.getattr(intern!(py, "seconds"))?.extract()?;
        let micros: u32 = obj.getattr(intern!(py, "microseconds"))?.extract()?;
        let days = u64::try_from(days).map_err(|_| {
            PyValueError::new_err(
                "It is not possible to convert a negative timedelta to a Rust Duration",
            )
        })?;
        Ok(Duration::new(
            days * SECONDS_PER_DAY + seconds,
            micros * 1000,
        ))
    }
}

impl<'py> IntoPyObject<'py> for SystemTime {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// An aware `datetime.datetime` in UTC.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        let since_epoch = self.duration_since(UNIX_EPOCH).map_err(|_| {
            PyOverflowError::new_err("SystemTime before the UNIX epoch cannot be converted")
        })?;
        let delta = since_epoch.into_pyobject(py)?;
        unix_epoch(py)?.add(delta)
    }
}

impl<'py> IntoPyObject<'py> for &SystemTime {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for SystemTime {
    type Error = PyErr;

    /// From an aware `datetime.datetime` (a naive one gives the `TypeError` of mixing
    /// naive and aware datetimes).
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let since_epoch: Duration = obj.sub(unix_epoch(obj.py())?)?.extract()?;
        UNIX_EPOCH.checked_add(since_epoch).ok_or_else(|| {
            PyOverflowError::new_err("Overflow error when converting the time to Rust")
        })
    }
}
