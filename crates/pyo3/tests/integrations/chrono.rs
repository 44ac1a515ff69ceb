//! chrono <-> `datetime` conversions: values both ways, fold and leap seconds, and the
//! exceptions for naive/aware mix-ups, out-of-range values and wrong types.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyDict};

/// Evaluates `expr` with the `datetime` module's names in scope.
fn eval<'py>(py: Python<'py>, expr: &str) -> Bound<'py, PyAny> {
    let globals = PyDict::new(py);
    py.run(c"from datetime import *", Some(&globals), None)
        .unwrap();
    let code = std::ffi::CString::new(expr).unwrap();
    py.eval(&code, Some(&globals), None).unwrap()
}

/// The `type: message` of an error.
fn describe(py: Python<'_>, err: PyErr) -> String {
    format!("{}: {}", err.get_type(py).name().unwrap(), err.value(py))
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().unwrap().to_string()
}

#[test]
fn duration_round_trips_and_truncates_to_microseconds() {
    Python::attach(|py| {
        let cases = [
            (Duration::zero(), "datetime.timedelta(0)"),
            (
                Duration::days(3) + Duration::seconds(7) + Duration::microseconds(11),
                "datetime.timedelta(days=3, seconds=7, microseconds=11)",
            ),
            (
                Duration::microseconds(-1),
                "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)",
            ),
            (
                -(Duration::days(2) + Duration::seconds(1)),
                "datetime.timedelta(days=-3, seconds=86399)",
            ),
        ];
        for (duration, expected) in cases {
            let obj = duration.into_pyobject(py).unwrap();
            assert_eq!(repr(&obj), expected);
            assert_eq!(obj.extract::<Duration>().unwrap(), duration);
            assert_eq!(repr(&(&duration).into_pyobject(py).unwrap()), expected);
        }
        // Nanoseconds are dropped towards zero.
        let obj = Duration::nanoseconds(1_999).into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.timedelta(microseconds=1)");
        let obj = Duration::nanoseconds(-1_999).into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)"
        );
        // The extremes of timedelta extract.
        let max: Duration = eval(py, "timedelta.max").extract().unwrap();
        assert_eq!(
            max,
            Duration::days(999_999_999)
                + Duration::seconds(86_399)
                + Duration::microseconds(999_999)
        );
        let min: Duration = eval(py, "timedelta.min").extract().unwrap();
        assert_eq!(min, Duration::days(-999_999_999));
    });
}

#[test]
fn duration_overflow_and_wrong_type() {
    Python::attach(|py| {
        let err = Duration::days(1_000_000_000).into_pyobject(py).unwrap_err();
        assert_eq!(
            describe(py, err),
            "OverflowError: days=1000000000; must have magnitude <= 999999999"
        );
        let err = Duration::MAX.into_pyobject(py).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
        let err = eval(py, "1.5").extract::<Duration>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'float' object cannot be cast as 'timedelta'"
        );
    });
}

#[test]
fn naive_date_round_trip_and_range() {
    Python::attach(|py| {
        let date = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        let obj = date.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.date(2024, 2, 29)");
        assert_eq!(obj.extract::<NaiveDate>().unwrap(), date);
        // A datetime is a date: its date part is taken.
        let from_dt: NaiveDate = eval(py, "datetime(2001, 2, 3, 4, 5)").extract().unwrap();
        assert_eq!(from_dt, NaiveDate::from_ymd_opt(2001, 2, 3).unwrap());
        for (y, expected) in [
            (0, "year 0 is out of range"),
            (10_000, "year 10000 is out of range"),
        ] {
            let err = NaiveDate::from_ymd_opt(y, 1, 1)
                .unwrap()
                .into_pyobject(py)
                .unwrap_err();
            assert_eq!(describe(py, err), format!("ValueError: {expected}"));
        }
        let err = eval(py, "'2024-01-01'").extract::<NaiveDate>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'str' object cannot be cast as 'date'"
        );
    });
}

#[test]
fn naive_time_round_trip_and_leap_second() {
    Python::attach(|py| {
        let time = NaiveTime::from_hms_micro_opt(23, 59, 58, 123_456).unwrap();
        let obj = time.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.time(23, 59, 58, 123456)");
        assert_eq!(obj.extract::<NaiveTime>().unwrap(), time);

        // Nanoseconds are truncated.
        let time = NaiveTime::from_hms_nano_opt(1, 2, 3, 4_999).unwrap();
        assert_eq!(
            repr(&time.into_pyobject(py).unwrap()),
            "datetime.time(1, 2, 3, 4)"
        );

        // A leap second becomes the last microsecond of the second, with a warning.
        let leap = NaiveTime::from_hms_nano_opt(23, 59, 59, 1_999_999_999).unwrap();
        let warnings = py.import("warnings").unwrap();
        let catcher = warnings
            .call_method(
                "catch_warnings",
                (),
                Some(&[("record", true)].into_py_dict(py).unwrap()),
            )
            .unwrap();
        let caught = catcher.call_method0("__enter__").unwrap();
        warnings.call_method1("simplefilter", ("always",)).unwrap();
        let obj = leap.into_pyobject(py).unwrap();
        catcher
            .call_method1("__exit__", (py.None(), py.None(), py.None()))
            .unwrap();
        assert_eq!(repr(&obj), "datetime.time(23, 59, 59, 999999)");
        assert_eq!(caught.len().unwrap(), 1);
        let warning = caught.get_item(0).unwrap();
        assert_eq!(
            warning
                .getattr("category")
                .unwrap()
                .getattr("__name__")
                .unwrap()
                .to_string(),
            "UserWarning"
        );
        assert_eq!(
            warning.getattr("message").unwrap().to_string(),
            "ignored leap-second, `datetime` does not support leap-seconds"
        );
    });
}

#[test]
fn naive_datetime_refuses_aware() {
    Python::attach(|py| {
        let naive = NaiveDate::from_ymd_opt(2020, 1, 2)
            .unwrap()
            .and_hms_micro_opt(3, 4, 5, 6)
            .unwrap();
        let obj = naive.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.datetime(2020, 1, 2, 3, 4, 5, 6)");
        assert_eq!(obj.extract::<NaiveDateTime>().unwrap(), naive);

        let err = eval(py, "datetime(2020, 1, 1, tzinfo=timezone.utc)")
            .extract::<NaiveDateTime>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: expected a datetime without tzinfo"
        );
        let err = eval(py, "date(2020, 1, 1)")
            .extract::<NaiveDateTime>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'date' object cannot be cast as 'datetime'"
        );
    });
}

#[test]
fn aware_datetimes() {
    Python::attach(|py| {
        let utc = Utc.with_ymd_and_hms(2024, 2, 29, 12, 30, 0).unwrap() + Duration::microseconds(5);
        let obj = utc.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.datetime(2024, 2, 29, 12, 30, 0, 5, tzinfo=datetime.timezone.utc)"
        );
        assert_eq!(obj.extract::<DateTime<Utc>>().unwrap(), utc);

        let east = FixedOffset::east_opt(5 * 3600 + 30 * 60).unwrap();
        let local = east.with_ymd_and_hms(1999, 12, 31, 23, 59, 59).unwrap();
        let obj = local.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.datetime(1999, 12, 31, 23, 59, 59, tzinfo=datetime.timezone(datetime.timedelta(seconds=19800)))"
        );
        assert_eq!(obj.extract::<DateTime<FixedOffset>>().unwrap(), local);
        // Into UTC: the same instant.
        let err = obj.extract::<DateTime<Utc>>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "ValueError: expected datetime.timezone.utc"
        );

        let naive = eval(py, "datetime(2020, 1, 1)");
        for err in [
            naive.extract::<DateTime<Utc>>().unwrap_err(),
            naive.extract::<DateTime<FixedOffset>>().unwrap_err(),
        ] {
            assert_eq!(
                describe(py, err),
                "TypeError: expected a datetime with non-None tzinfo"
            );
        }
    });
}

#[test]
fn offsets() {
    Python::attach(|py| {
        let offset = FixedOffset::west_opt(3600 + 1).unwrap();
        let obj = offset.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.timezone(datetime.timedelta(days=-1, seconds=82799))"
        );
        assert_eq!(obj.extract::<FixedOffset>().unwrap(), offset);
        // Sub-second offsets lose their fraction.
        let tz: FixedOffset = eval(py, "timezone(timedelta(seconds=-1, microseconds=500000))")
            .extract()
            .unwrap();
        assert_eq!(tz, FixedOffset::east_opt(0).unwrap());

        let utc = Utc.into_pyobject(py).unwrap();
        assert!(utc.is(eval(py, "timezone.utc")));
        assert_eq!(
            eval(py, "timezone(timedelta(0))").extract::<Utc>().unwrap(),
            Utc
        );
        let err = eval(py, "timezone(timedelta(hours=1))")
            .extract::<Utc>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "ValueError: expected datetime.timezone.utc"
        );
        let err = eval(py, "1").extract::<FixedOffset>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'int' object cannot be cast as 'tzinfo'"
        );
    });
}

#[test]
fn zoneinfo_is_not_a_fixed_offset() {
    Python::attach(|py| {
        if py.version_info() < (3, 9) {
            return; // no zoneinfo module
        }
        let zone = py
            .import("zoneinfo")
            .unwrap()
            .getattr("ZoneInfo")
            .unwrap()
            .call1(("Europe/London",))
            .unwrap();
        let err = zone.extract::<FixedOffset>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: zoneinfo.ZoneInfo(key='Europe/London') is not a fixed offset timezone"
        );
    });
}

#[cfg(feature = "chrono-local")]
#[test]
fn local_time_zone() {
    use chrono::Local;
    Python::attach(|py| {
        if py.version_info() < (3, 9) {
            return; // no zoneinfo module
        }
        let local = Local.into_pyobject(py).unwrap();
        let name = iana_time_zone_name();
        assert_eq!(
            repr(&local.to_any()),
            format!("zoneinfo.ZoneInfo(key='{name}')")
        );
        local.extract::<Local>().unwrap();
        let err = eval(py, "timezone(timedelta(hours=3))")
            .extract::<Local>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            format!("ValueError: expected local timezone {name}")
        );
        // A naive datetime is local time for DateTime<Local> only.
        let naive = eval(py, "datetime(2021, 6, 1, 12, 0)");
        let dt: DateTime<Local> = naive.extract().unwrap();
        assert_eq!(
            dt.naive_local(),
            NaiveDate::from_ymd_opt(2021, 6, 1)
                .unwrap()
                .and_hms_opt(12, 0, 0)
                .unwrap()
        );
        let back = dt.into_pyobject(py).unwrap();
        assert!(back.getattr("tzinfo").unwrap().is(&*local));
    });
}

#[cfg(feature = "chrono-local")]
fn iana_time_zone_name() -> String {
    iana_time_zone::get_timezone().unwrap()
}
