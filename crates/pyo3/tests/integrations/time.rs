//! time crate <-> `datetime` conversions: values both ways, truncation, and the exceptions
//! for naive/aware mix-ups, non-UTC zones and out-of-range values.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use time::{
    Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcDateTime, UtcOffset,
};

fn ymd(year: i32, month: Month, day: u8) -> Date {
    Date::from_calendar_date(year, month, day).unwrap()
}

fn hmsn(hour: u8, minute: u8, second: u8, nano: u32) -> Time {
    Time::from_hms_nano(hour, minute, second, nano).unwrap()
}

fn eval<'py>(py: Python<'py>, expr: &str) -> Bound<'py, PyAny> {
    let globals = PyDict::new(py);
    py.run(c"from datetime import *", Some(&globals), None)
        .unwrap();
    let code = std::ffi::CString::new(expr).unwrap();
    py.eval(&code, Some(&globals), None).unwrap()
}

fn describe(py: Python<'_>, err: PyErr) -> String {
    format!("{}: {}", err.get_type(py).name().unwrap(), err.value(py))
}

fn repr(obj: &Bound<'_, PyAny>) -> String {
    obj.repr().unwrap().to_string()
}

#[test]
fn duration() {
    Python::attach(|py| {
        let cases = [
            (Duration::ZERO, "datetime.timedelta(0)"),
            (
                Duration::new(86_400 * 2 + 5, 6_000),
                "datetime.timedelta(days=2, seconds=5, microseconds=6)",
            ),
            (
                Duration::new(-86_400 - 1, 0),
                "datetime.timedelta(days=-2, seconds=86399)",
            ),
            (
                Duration::microseconds(-1),
                "datetime.timedelta(days=-1, seconds=86399, microseconds=999999)",
            ),
        ];
        for (duration, expected) in cases {
            let obj = duration.into_pyobject(py).unwrap();
            assert_eq!(repr(&obj), expected);
            assert_eq!(obj.extract::<Duration>().unwrap(), duration);
            assert_eq!(repr(&(&duration).into_pyobject(py).unwrap()), expected);
        }
        let obj = Duration::nanoseconds(-2_500).into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.timedelta(days=-1, seconds=86399, microseconds=999998)"
        );
        let err = Duration::days(1_000_000_000).into_pyobject(py).unwrap_err();
        assert_eq!(
            describe(py, err),
            "OverflowError: days=1000000000; must have magnitude <= 999999999"
        );
        // Past i32 days: still an OverflowError, not a panic.
        let err = Duration::MAX.into_pyobject(py).unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyOverflowError>(py));
        let min: Duration = eval(py, "timedelta.min").extract().unwrap();
        assert_eq!(min, Duration::days(-999_999_999));
    });
}

#[test]
fn date_time_and_primitive() {
    Python::attach(|py| {
        let d = ymd(2024, Month::February, 29);
        let obj = d.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.date(2024, 2, 29)");
        assert_eq!(obj.extract::<Date>().unwrap(), d);
        let err = ymd(-1, Month::January, 1).into_pyobject(py).unwrap_err();
        assert_eq!(describe(py, err), "ValueError: year -1 is out of range");

        let t = hmsn(12, 34, 56, 789_012_345);
        let obj = t.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.time(12, 34, 56, 789012)");
        assert_eq!(
            obj.extract::<Time>().unwrap(),
            hmsn(12, 34, 56, 789_012_000)
        );

        let dt = PrimitiveDateTime::new(ymd(2000, Month::January, 2), hmsn(3, 4, 5, 6_000));
        let obj = dt.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.datetime(2000, 1, 2, 3, 4, 5, 6)");
        assert_eq!(obj.extract::<PrimitiveDateTime>().unwrap(), dt);
        let err = eval(py, "datetime(2000, 1, 1, tzinfo=timezone.utc)")
            .extract::<PrimitiveDateTime>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: expected a datetime without tzinfo"
        );
        let err = eval(py, "time(1)").extract::<Date>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'time' object cannot be cast as 'date'"
        );
    });
}

#[test]
fn offsets_and_aware_datetimes() {
    Python::attach(|py| {
        let off = UtcOffset::from_hms(-3, -30, 0).unwrap();
        let obj = off.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.timezone(datetime.timedelta(days=-1, seconds=73800))"
        );
        assert_eq!(obj.extract::<UtcOffset>().unwrap(), off);

        let when = PrimitiveDateTime::new(ymd(2021, Month::July, 4), hmsn(9, 15, 0, 0))
            .assume_offset(UtcOffset::from_hms(5, 45, 0).unwrap());
        let obj = when.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.datetime(2021, 7, 4, 9, 15, tzinfo=datetime.timezone(datetime.timedelta(seconds=20700)))"
        );
        assert_eq!(obj.extract::<OffsetDateTime>().unwrap(), when);
        let err = obj.extract::<UtcDateTime>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "ValueError: expected a datetime with UTC timezone"
        );

        let utc = UtcDateTime::from_unix_timestamp(1_700_000_000).unwrap();
        let obj = utc.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)"
        );
        assert_eq!(obj.extract::<UtcDateTime>().unwrap(), utc);
        assert_eq!(
            obj.extract::<OffsetDateTime>().unwrap(),
            OffsetDateTime::from_unix_timestamp(1_700_000_000).unwrap()
        );

        let naive = eval(py, "datetime(2020, 1, 1)");
        for err in [
            naive.extract::<OffsetDateTime>().unwrap_err(),
            naive.extract::<UtcDateTime>().unwrap_err(),
        ] {
            assert_eq!(
                describe(py, err),
                "TypeError: expected a datetime with non-None tzinfo"
            );
        }
        if py.version_info() >= (3, 9) {
            let err = eval(py, "__import__('zoneinfo').ZoneInfo('Asia/Tokyo')")
                .extract::<UtcOffset>()
                .unwrap_err();
            assert_eq!(
                describe(py, err),
                "TypeError: zoneinfo.ZoneInfo(key='Asia/Tokyo') is not a fixed offset timezone"
            );
        }
    });
}
