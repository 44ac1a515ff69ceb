//! The `datetime` module's types (`PyDate`, `PyDateTime`, `PyTime`, `PyDelta`, `PyTzInfo`).
//! Outside the limited API they are built and read through the datetime C-API capsule,
//! imported on first use; under `Py_LIMITED_API` (no capsule there) the types are imported
//! from the module and built by calling them, and the field accessor traits do not exist.

#[cfg(not(limited_api_only))]
use std::os::raw::c_int;

#[cfg(not(limited_api_only))]
use crate::conversion::IntoPyObject;
use crate::ffi;
#[cfg(not(limited_api_only))]
use crate::ffi_ptr_ext::FfiPtrExt;
#[cfg(limited_api_only)]
use crate::instance::Py;
use crate::instance::{Borrowed, Bound};
#[cfg(limited_api_only)]
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods};
#[cfg(not(limited_api_only))]
use crate::PyErr;
use crate::{PyResult, Python};

/// The C-API table, importing the capsule the first time.
#[cfg(not(limited_api_only))]
///
/// # Panics
///
/// If the `datetime` module cannot be imported.
fn api(py: Python<'_>) -> &'static ffi::PyDateTime_CAPI {
    if ffi::PyDateTimeAPI().is_null() {
        // SAFETY: attached (we hold `py`).
        unsafe { ffi::PyDateTime_IMPORT() };
        if ffi::PyDateTimeAPI().is_null() {
            let err = PyErr::fetch(py);
            panic!("failed to import the datetime C-API: {err}");
        }
    }
    // SAFETY: the capsule's table is static data of the datetime module, which stays
    // loaded for the life of the process once imported.
    unsafe { &*ffi::PyDateTimeAPI() }
}

macro_rules! datetime_type {
    ($(#[$meta:meta])* $name:ident, $field:ident, $check:path, $pyname:literal) => {
        $(#[$meta])*
        #[repr(transparent)]
        pub struct $name(PyAny);

        impl crate::instance::DerefToPyAny for $name {}

        // SAFETY: outside the limited API the type object comes from the datetime C-API
        // table, which lives as long as the process, and the check is the header's check
        // for the same type; under it the type is imported once and kept alive by a static.
        unsafe impl crate::type_object::PyTypeInfo for $name {
            const NAME: &'static str = stringify!($name);
            const MODULE: Option<&'static str> = Some("datetime");

            #[cfg(not(limited_api_only))]
            fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
                api(py).$field
            }

            #[cfg(limited_api_only)]
            fn type_object_raw(py: Python<'_>) -> *mut ffi::PyTypeObject {
                static TYPE: PyOnceLock<Py<crate::types::PyType>> = PyOnceLock::new();
                let ty = TYPE
                    .import(py, "datetime", $pyname)
                    .expect(concat!("failed to import datetime.", $pyname));
                ty.as_ptr().cast()
            }

            #[cfg(not(limited_api_only))]
            fn is_type_of(object: &Bound<'_, PyAny>) -> bool {
                let _ = api(object.py());
                // SAFETY: the API is imported; the object is alive.
                unsafe { $check(object.as_ptr()) != 0 }
            }
        }
    };
}

datetime_type!(
    /// `datetime.date`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyDate, PyDateAccess};
    /// Python::attach(|py| {
    ///     let d = PyDate::new(py, 2024, 2, 29).unwrap();
    ///     assert_eq!((d.get_year(), d.get_month(), d.get_day()), (2024, 2, 29));
    ///     assert!(PyDate::new(py, 2023, 2, 29).is_err());
    /// });
    /// ```
    PyDate, DateType, ffi::PyDate_Check, "date"
);
datetime_type!(
    /// `datetime.datetime`.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyDateTime, PyTimeAccess, PyTzInfo, PyTzInfoAccess};
    /// Python::attach(|py| {
    ///     let utc = PyTzInfo::utc(py).unwrap();
    ///     let dt = PyDateTime::new(py, 2020, 1, 2, 3, 4, 5, 6, Some(&utc)).unwrap();
    ///     assert_eq!(dt.get_microsecond(), 6);
    ///     assert!(dt.get_tzinfo().unwrap().is(&*utc));
    /// });
    /// ```
    PyDateTime, DateTimeType, ffi::PyDateTime_Check, "datetime"
);
datetime_type!(
    /// `datetime.time`.
    PyTime, TimeType, ffi::PyTime_Check, "time"
);
datetime_type!(
    /// `datetime.timedelta`.
    PyDelta, DeltaType, ffi::PyDelta_Check, "timedelta"
);
datetime_type!(
    /// `datetime.tzinfo` (and its subclasses, such as `datetime.timezone`).
    PyTzInfo, TZInfoType, ffi::PyTZInfo_Check, "tzinfo"
);

#[cfg(not(Py_LIMITED_API))]
/// Reading the date part of a `date` or `datetime`.
pub trait PyDateAccess {
    /// The year (1..=9999).
    fn get_year(&self) -> i32;
    /// The month (1..=12).
    fn get_month(&self) -> u8;
    /// The day of the month (1..=31).
    fn get_day(&self) -> u8;
}

#[cfg(not(Py_LIMITED_API))]
/// Reading the time part of a `time` or `datetime`.
pub trait PyTimeAccess {
    /// The hour (0..=23).
    fn get_hour(&self) -> u8;
    /// The minute (0..=59).
    fn get_minute(&self) -> u8;
    /// The second (0..=59).
    fn get_second(&self) -> u8;
    /// The microsecond (0..=999_999).
    fn get_microsecond(&self) -> u32;
    /// The fold flag (disambiguates repeated wall times).
    fn get_fold(&self) -> bool;
}

#[cfg(not(Py_LIMITED_API))]
/// Reading the fields of a `timedelta` (normalised as Python stores them).
pub trait PyDeltaAccess {
    /// Days (may be negative).
    fn get_days(&self) -> i32;
    /// Seconds (0..86400).
    fn get_seconds(&self) -> i32;
    /// Microseconds (0..1_000_000).
    fn get_microseconds(&self) -> i32;
}

/// Reading the time zone of a `time` or `datetime`.
pub trait PyTzInfoAccess<'py> {
    /// The tzinfo, `None` for a naive value.
    fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>>;
}

#[cfg(not(limited_api_only))]
/// # Safety
///
/// `ptr` is NULL with an error set, or an owned reference to an instance of `T`.
unsafe fn owned<T>(py: Python<'_>, ptr: *mut ffi::PyObject) -> PyResult<Bound<'_, T>> {
    // SAFETY: forwarded from the caller.
    unsafe { ptr.assume_owned_or_err(py).map(|o| o.cast_into_unchecked()) }
}

#[cfg(not(limited_api_only))]
fn tz_ptr(tzinfo: Option<&Bound<'_, PyTzInfo>>) -> *mut ffi::PyObject {
    // SAFETY: `Py_None` is the static None object.
    tzinfo.map_or_else(|| unsafe { ffi::Py_None() }, |tz| tz.as_ptr())
}

#[cfg(not(limited_api_only))]
impl PyDate {
    /// `date(year, month, day)`; `ValueError` for an invalid date.
    pub fn new(py: Python<'_>, year: i32, month: u8, day: u8) -> PyResult<Bound<'_, PyDate>> {
        let api = api(py);
        // SAFETY: attached; the constructor validates its arguments and returns a new
        // reference or NULL with an error set.
        unsafe {
            owned(
                py,
                (api.Date_FromDate)(year, c_int::from(month), c_int::from(day), api.DateType),
            )
        }
    }

    /// `date.fromtimestamp(timestamp)` (local time).
    pub fn from_timestamp(py: Python<'_>, timestamp: i64) -> PyResult<Bound<'_, PyDate>> {
        let api = api(py);
        let args = (timestamp,).into_pyobject(py)?;
        // SAFETY: attached; `args` is a live tuple; returns a new reference or NULL.
        unsafe { owned(py, (api.Date_FromTimestamp)(api.DateType, args.as_ptr())) }
    }
}

#[cfg(not(limited_api_only))]
impl PyDateTime {
    /// `datetime(year, month, day, hour, minute, second, microsecond, tzinfo)`.
    #[allow(clippy::too_many_arguments)]
    pub fn new<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        Self::new_with_fold(
            py,
            year,
            month,
            day,
            hour,
            minute,
            second,
            microsecond,
            tzinfo,
            false,
        )
    }

    /// Like [`PyDateTime::new`], with the `fold` flag.
    #[allow(clippy::too_many_arguments)]
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let api = api(py);
        // SAFETY: attached; tzinfo is None or a live tzinfo; the constructor validates
        // its arguments and returns a new reference or NULL with an error set.
        unsafe {
            owned(
                py,
                (api.DateTime_FromDateAndTimeAndFold)(
                    year,
                    c_int::from(month),
                    c_int::from(day),
                    c_int::from(hour),
                    c_int::from(minute),
                    c_int::from(second),
                    microsecond as c_int,
                    tz_ptr(tzinfo),
                    c_int::from(fold),
                    api.DateTimeType,
                ),
            )
        }
    }

    /// `datetime.fromtimestamp(timestamp, tzinfo)`.
    pub fn from_timestamp<'py>(
        py: Python<'py>,
        timestamp: f64,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let api = api(py);
        let args = (timestamp, tzinfo).into_pyobject(py)?;
        // SAFETY: attached; `args` is a live tuple; returns a new reference or NULL.
        unsafe {
            owned(
                py,
                (api.DateTime_FromTimestamp)(api.DateTimeType, args.as_ptr(), std::ptr::null_mut()),
            )
        }
    }
}

#[cfg(not(limited_api_only))]
impl PyTime {
    /// `time(hour, minute, second, microsecond, tzinfo)`.
    pub fn new<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyTime>> {
        Self::new_with_fold(py, hour, minute, second, microsecond, tzinfo, false)
    }

    /// Like [`PyTime::new`], with the `fold` flag.
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyTime>> {
        let api = api(py);
        // SAFETY: attached; tzinfo is None or a live tzinfo; returns a new reference or
        // NULL with an error set.
        unsafe {
            owned(
                py,
                (api.Time_FromTimeAndFold)(
                    c_int::from(hour),
                    c_int::from(minute),
                    c_int::from(second),
                    microsecond as c_int,
                    tz_ptr(tzinfo),
                    c_int::from(fold),
                    api.TimeType,
                ),
            )
        }
    }
}

#[cfg(not(limited_api_only))]
impl PyDelta {
    /// `timedelta(days, seconds, microseconds)`; with `normalize` false the parts must
    /// already be in range.
    pub fn new(
        py: Python<'_>,
        days: i32,
        seconds: i32,
        microseconds: i32,
        normalize: bool,
    ) -> PyResult<Bound<'_, PyDelta>> {
        let api = api(py);
        // SAFETY: attached; returns a new reference or NULL with an error set
        // (OverflowError when out of range).
        unsafe {
            owned(
                py,
                (api.Delta_FromDelta)(
                    days,
                    seconds,
                    microseconds,
                    c_int::from(normalize),
                    api.DeltaType,
                ),
            )
        }
    }
}

impl PyTzInfo {
    /// `datetime.timezone.utc`.
    #[cfg(not(limited_api_only))]
    pub fn utc(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
        let api = api(py);
        // SAFETY: the UTC singleton is owned by the datetime module, alive for the process.
        Ok(unsafe { Borrowed::from_ptr(py, api.TimeZone_UTC).cast_unchecked() })
    }

    /// `datetime.timezone(offset)`, a fixed offset from UTC (`offset` is a `timedelta`
    /// or anything that converts to one, such as `std::time::Duration`).
    #[cfg(not(limited_api_only))]
    pub fn fixed_offset<'py, T>(py: Python<'py>, offset: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: crate::IntoPyObject<'py, Target = PyDelta>,
    {
        let offset = offset.into_pyobject(py).map_err(Into::into)?;
        let offset = crate::conversion::BoundObject::into_bound(offset);
        let api = api(py);
        // SAFETY: attached; the offset is a live timedelta; a NULL name means none;
        // returns a new reference or NULL (ValueError for offsets of a day or more).
        unsafe {
            owned(
                py,
                (api.TimeZone_FromTimeZone)(offset.as_ptr(), std::ptr::null_mut()),
            )
        }
    }

    /// `zoneinfo.ZoneInfo(iana_name)` (Python 3.9+).
    pub fn timezone<'py, T>(py: Python<'py>, iana_name: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: crate::IntoPyObject<'py, Target = crate::types::PyString>,
    {
        let name = iana_name.into_pyobject(py).map_err(Into::into)?;
        let name = crate::conversion::BoundObject::into_bound(name);
        let tz = zoneinfo_class(py)?.call1((name,))?;
        Ok(tz.cast_into::<PyTzInfo>()?)
    }
}

/// `zoneinfo.ZoneInfo`, imported once (from the `backports.zoneinfo` package before 3.9).
fn zoneinfo_class(py: Python<'_>) -> PyResult<&Bound<'_, crate::types::PyType>> {
    static ZONE_INFO: crate::sync::PyOnceLock<crate::Py<crate::types::PyType>> =
        crate::sync::PyOnceLock::new();
    let class = ZONE_INFO.import(py, "zoneinfo", "ZoneInfo");
    #[cfg(not(Py_3_9))]
    let class = class
        .or_else(|_| ZONE_INFO.import(py, "backports.zoneinfo", "ZoneInfo"))
        .map_err(|_| {
            crate::exceptions::PyImportError::new_err(
                "Could not import \"backports.zoneinfo.ZoneInfo\". ZoneInfo is required when \
                 converting timezone-aware DateTime's. Please install \"backports.zoneinfo\" \
                 on python < 3.9",
            )
        });
    class
}

/// Calls a `datetime` type with positional arguments and views the result as `T` (the
/// limited API's way to build these objects: there is no C constructor there).
#[cfg(limited_api_only)]
fn call_type<'py, T, A>(py: Python<'py>, args: A) -> PyResult<Bound<'py, T>>
where
    T: crate::type_object::PyTypeInfo,
    A: crate::call::PyCallArgs<'py>,
{
    let obj = T::type_object(py).call1(args)?;
    // SAFETY: calling a type returns an instance of it (the datetime types do not
    // override `__new__` to return something else).
    Ok(unsafe { obj.cast_into_unchecked() })
}

#[cfg(limited_api_only)]
impl PyDate {
    /// `date(year, month, day)`; `ValueError` for an invalid date.
    pub fn new(py: Python<'_>, year: i32, month: u8, day: u8) -> PyResult<Bound<'_, PyDate>> {
        call_type(py, (year, month, day))
    }

    /// `date.fromtimestamp(timestamp)` (local time).
    pub fn from_timestamp(py: Python<'_>, timestamp: i64) -> PyResult<Bound<'_, PyDate>> {
        let obj = <Self as crate::type_object::PyTypeInfo>::type_object(py)
            .call_method1("fromtimestamp", (timestamp,))?;
        Ok(obj.cast_into()?)
    }
}

#[cfg(limited_api_only)]
impl PyDateTime {
    /// `datetime(year, month, day, hour, minute, second, microsecond, tzinfo)`.
    #[allow(clippy::too_many_arguments)]
    pub fn new<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        call_type(
            py,
            (year, month, day, hour, minute, second, microsecond, tzinfo),
        )
    }

    /// Like [`PyDateTime::new`], with the `fold` flag.
    #[allow(clippy::too_many_arguments)]
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let kwargs = crate::types::PyDict::new(py);
        crate::types::PyDictMethods::set_item(&kwargs, "fold", u8::from(fold))?;
        let obj = <Self as crate::type_object::PyTypeInfo>::type_object(py).call(
            (year, month, day, hour, minute, second, microsecond, tzinfo),
            Some(&kwargs),
        )?;
        // SAFETY: calling `datetime` returns a datetime.
        Ok(unsafe { obj.cast_into_unchecked() })
    }

    /// `datetime.fromtimestamp(timestamp, tzinfo)`.
    pub fn from_timestamp<'py>(
        py: Python<'py>,
        timestamp: f64,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyDateTime>> {
        let obj = <Self as crate::type_object::PyTypeInfo>::type_object(py)
            .call_method1("fromtimestamp", (timestamp, tzinfo))?;
        Ok(obj.cast_into()?)
    }
}

#[cfg(limited_api_only)]
impl PyTime {
    /// `time(hour, minute, second, microsecond, tzinfo)`.
    pub fn new<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
    ) -> PyResult<Bound<'py, PyTime>> {
        call_type(py, (hour, minute, second, microsecond, tzinfo))
    }

    /// Like [`PyTime::new`], with the `fold` flag.
    pub fn new_with_fold<'py>(
        py: Python<'py>,
        hour: u8,
        minute: u8,
        second: u8,
        microsecond: u32,
        tzinfo: Option<&Bound<'py, PyTzInfo>>,
        fold: bool,
    ) -> PyResult<Bound<'py, PyTime>> {
        let kwargs = crate::types::PyDict::new(py);
        crate::types::PyDictMethods::set_item(&kwargs, "fold", u8::from(fold))?;
        let obj = <Self as crate::type_object::PyTypeInfo>::type_object(py)
            .call((hour, minute, second, microsecond, tzinfo), Some(&kwargs))?;
        // SAFETY: calling `time` returns a time.
        Ok(unsafe { obj.cast_into_unchecked() })
    }
}

#[cfg(limited_api_only)]
impl PyDelta {
    /// `timedelta(days, seconds, microseconds)` (always normalised here: the limited API
    /// has only the Python constructor).
    pub fn new(
        py: Python<'_>,
        days: i32,
        seconds: i32,
        microseconds: i32,
        _normalize: bool,
    ) -> PyResult<Bound<'_, PyDelta>> {
        call_type(py, (days, seconds, microseconds))
    }
}

#[cfg(limited_api_only)]
impl PyTzInfo {
    /// `datetime.timezone.utc`.
    pub fn utc(py: Python<'_>) -> PyResult<Borrowed<'static, '_, PyTzInfo>> {
        static UTC: PyOnceLock<Py<PyTzInfo>> = PyOnceLock::new();
        let utc = UTC.get_or_try_init(py, || -> PyResult<Py<PyTzInfo>> {
            let utc = py.import("datetime")?.getattr("timezone")?.getattr("utc")?;
            Ok(utc.cast_into::<PyTzInfo>()?.unbind())
        })?;
        Ok(utc.bind_borrowed(py))
    }

    /// `datetime.timezone(offset)`, a fixed offset from UTC (`offset` is a `timedelta`
    /// or anything that converts to one, such as `std::time::Duration`).
    pub fn fixed_offset<'py, T>(py: Python<'py>, offset: T) -> PyResult<Bound<'py, PyTzInfo>>
    where
        T: crate::IntoPyObject<'py, Target = PyDelta>,
    {
        static TIMEZONE: PyOnceLock<Py<crate::types::PyType>> = PyOnceLock::new();
        let offset = offset.into_pyobject(py).map_err(Into::into)?;
        let offset = crate::conversion::BoundObject::into_bound(offset);
        let tz = TIMEZONE
            .import(py, "datetime", "timezone")?
            .call1((offset,))?;
        Ok(tz.cast_into()?)
    }
}

#[cfg(limited_api_only)]
macro_rules! tz_access {
    ($ty:ty) => {
        impl<'py> PyTzInfoAccess<'py> for Bound<'py, $ty> {
            fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
                let tz = self.getattr(crate::intern!(self.py(), "tzinfo")).ok()?;
                if tz.is_none() {
                    None
                } else {
                    // SAFETY: a datetime's tzinfo is None or a tzinfo instance.
                    Some(unsafe { tz.cast_into_unchecked() })
                }
            }
        }
    };
}

#[cfg(limited_api_only)]
tz_access!(PyDateTime);
#[cfg(limited_api_only)]
tz_access!(PyTime);

/// The date, time and timedelta fields on PyPy, whose `cpyext` lays these objects out
/// differently from CPython: read as the Python attributes of the same names.
#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
fn field<T: for<'a> crate::conversion::FromPyObjectOwned<'a>>(
    object: &Bound<'_, PyAny>,
    name: &str,
) -> T {
    object
        .getattr(name)
        .and_then(|value| value.extract().map_err(Into::into))
        .unwrap_or_else(|err| panic!("reading `{name}` of a datetime object failed: {err}"))
}

#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
macro_rules! attribute_access {
    ($ty:ty) => {
        impl PyDateAccess for Bound<'_, $ty> {
            fn get_year(&self) -> i32 {
                field(self, "year")
            }

            fn get_month(&self) -> u8 {
                field(self, "month")
            }

            fn get_day(&self) -> u8 {
                field(self, "day")
            }
        }
    };
    ($ty:ty, time) => {
        impl PyTimeAccess for Bound<'_, $ty> {
            fn get_hour(&self) -> u8 {
                field(self, "hour")
            }

            fn get_minute(&self) -> u8 {
                field(self, "minute")
            }

            fn get_second(&self) -> u8 {
                field(self, "second")
            }

            fn get_microsecond(&self) -> u32 {
                field(self, "microsecond")
            }

            fn get_fold(&self) -> bool {
                field::<u8>(self, "fold") != 0
            }
        }
    };
}

#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
attribute_access!(PyDate);
#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
attribute_access!(PyDateTime);
#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
attribute_access!(PyDateTime, time);
#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
attribute_access!(PyTime, time);

#[cfg(all(limited_api_only, not(Py_LIMITED_API)))]
impl PyDeltaAccess for Bound<'_, PyDelta> {
    fn get_days(&self) -> i32 {
        field(self, "days")
    }

    fn get_seconds(&self) -> i32 {
        field(self, "seconds")
    }

    fn get_microseconds(&self) -> i32 {
        field(self, "microseconds")
    }
}

/// `datetime.timezone.utc`.
#[deprecated(since = "0.25.0", note = "use `PyTzInfo::utc` instead")]
pub fn timezone_utc(py: Python<'_>) -> Bound<'_, PyTzInfo> {
    PyTzInfo::utc(py)
        .expect("failed to get datetime.timezone.utc")
        .to_owned()
}

#[cfg(not(limited_api_only))]
macro_rules! date_access {
    ($ty:ty) => {
        impl PyDateAccess for Bound<'_, $ty> {
            fn get_year(&self) -> i32 {
                // SAFETY: the object is a live date or datetime.
                unsafe { ffi::PyDateTime_GET_YEAR(self.as_ptr()) }
            }

            fn get_month(&self) -> u8 {
                // SAFETY: the object is a live date or datetime.
                unsafe { ffi::PyDateTime_GET_MONTH(self.as_ptr()) as u8 }
            }

            fn get_day(&self) -> u8 {
                // SAFETY: the object is a live date or datetime.
                unsafe { ffi::PyDateTime_GET_DAY(self.as_ptr()) as u8 }
            }
        }
    };
}

#[cfg(not(limited_api_only))]
date_access!(PyDate);
#[cfg(not(limited_api_only))]
date_access!(PyDateTime);

#[cfg(not(limited_api_only))]
impl PyTimeAccess for Bound<'_, PyDateTime> {
    fn get_hour(&self) -> u8 {
        // SAFETY: the object is a live datetime.
        unsafe { ffi::PyDateTime_DATE_GET_HOUR(self.as_ptr()) as u8 }
    }

    fn get_minute(&self) -> u8 {
        // SAFETY: the object is a live datetime.
        unsafe { ffi::PyDateTime_DATE_GET_MINUTE(self.as_ptr()) as u8 }
    }

    fn get_second(&self) -> u8 {
        // SAFETY: the object is a live datetime.
        unsafe { ffi::PyDateTime_DATE_GET_SECOND(self.as_ptr()) as u8 }
    }

    fn get_microsecond(&self) -> u32 {
        // SAFETY: the object is a live datetime.
        unsafe { ffi::PyDateTime_DATE_GET_MICROSECOND(self.as_ptr()) as u32 }
    }

    fn get_fold(&self) -> bool {
        // SAFETY: the object is a live datetime.
        unsafe { ffi::PyDateTime_DATE_GET_FOLD(self.as_ptr()) != 0 }
    }
}

#[cfg(not(limited_api_only))]
impl PyTimeAccess for Bound<'_, PyTime> {
    fn get_hour(&self) -> u8 {
        // SAFETY: the object is a live time.
        unsafe { ffi::PyDateTime_TIME_GET_HOUR(self.as_ptr()) as u8 }
    }

    fn get_minute(&self) -> u8 {
        // SAFETY: the object is a live time.
        unsafe { ffi::PyDateTime_TIME_GET_MINUTE(self.as_ptr()) as u8 }
    }

    fn get_second(&self) -> u8 {
        // SAFETY: the object is a live time.
        unsafe { ffi::PyDateTime_TIME_GET_SECOND(self.as_ptr()) as u8 }
    }

    fn get_microsecond(&self) -> u32 {
        // SAFETY: the object is a live time.
        unsafe { ffi::PyDateTime_TIME_GET_MICROSECOND(self.as_ptr()) as u32 }
    }

    fn get_fold(&self) -> bool {
        // SAFETY: the object is a live time.
        unsafe { ffi::PyDateTime_TIME_GET_FOLD(self.as_ptr()) != 0 }
    }
}

#[cfg(not(limited_api_only))]
impl PyDeltaAccess for Bound<'_, PyDelta> {
    fn get_days(&self) -> i32 {
        // SAFETY: the object is a live timedelta.
        unsafe { ffi::PyDateTime_DELTA_GET_DAYS(self.as_ptr()) }
    }

    fn get_seconds(&self) -> i32 {
        // SAFETY: the object is a live timedelta.
        unsafe { ffi::PyDateTime_DELTA_GET_SECONDS(self.as_ptr()) }
    }

    fn get_microseconds(&self) -> i32 {
        // SAFETY: the object is a live timedelta.
        unsafe { ffi::PyDateTime_DELTA_GET_MICROSECONDS(self.as_ptr()) }
    }
}

#[cfg(not(limited_api_only))]
macro_rules! tz_access {
    ($ty:ty, $getter:path) => {
        impl<'py> PyTzInfoAccess<'py> for Bound<'py, $ty> {
            fn get_tzinfo(&self) -> Option<Bound<'py, PyTzInfo>> {
                // SAFETY: the object is alive; the tzinfo is a borrowed reference owned by
                // it (or None), of which we take our own at once.
                let tz = unsafe { Bound::from_borrowed_ptr(self.py(), $getter(self.as_ptr())) };
                if tz.is_none() {
                    None
                } else {
                    // SAFETY: a datetime's tzinfo is a tzinfo instance.
                    Some(unsafe { tz.cast_into_unchecked() })
                }
            }
        }
    };
}

#[cfg(not(limited_api_only))]
tz_access!(PyDateTime, ffi::PyDateTime_DATE_GET_TZINFO);
#[cfg(not(limited_api_only))]
tz_access!(PyTime, ffi::PyDateTime_TIME_GET_TZINFO);
