//! jiff 0.2 <-> `datetime` conversions: values both ways, zones and fold, and the errors
//! (jiff's own become `ValueError`).

use jiff::civil::{date, time, Date, DateTime, ISOWeekDate, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{SignedDuration, Span, Timestamp, ToSpan, Zoned};
use jiff_02 as jiff;
use pyo3::prelude::*;
use pyo3::types::PyDict;

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
fn civil_types() {
    Python::attach(|py| {
        let d = date(2024, 2, 29);
        let obj = d.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.date(2024, 2, 29)");
        assert_eq!(obj.extract::<Date>().unwrap(), d);
        let week = d.iso_week_date();
        assert_eq!(
            repr(&week.into_pyobject(py).unwrap()),
            "datetime.date(2024, 2, 29)"
        );
        assert_eq!(obj.extract::<ISOWeekDate>().unwrap(), week);
        let err = date(0, 1, 1).into_pyobject(py).unwrap_err();
        assert_eq!(describe(py, err), "ValueError: year 0 is out of range");

        let t = time(23, 59, 59, 999_999_999);
        let obj = t.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.time(23, 59, 59, 999999)");
        assert_eq!(
            obj.extract::<Time>().unwrap(),
            time(23, 59, 59, 999_999_000)
        );

        let dt = DateTime::from_parts(d, time(1, 2, 3, 4_000));
        let obj = dt.into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "datetime.datetime(2024, 2, 29, 1, 2, 3, 4)");
        assert_eq!(obj.extract::<DateTime>().unwrap(), dt);
        let err = eval(py, "datetime(2000, 1, 1, tzinfo=timezone.utc)")
            .extract::<DateTime>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: expected a datetime without tzinfo"
        );
        let err = eval(py, "1").extract::<Time>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: 'int' object cannot be cast as 'time'"
        );
    });
}

#[test]
fn durations_and_spans() {
    Python::attach(|py| {
        let cases = [
            (SignedDuration::ZERO, "datetime.timedelta(0)"),
            (
                SignedDuration::new(86_400 + 1, 2_000),
                "datetime.timedelta(days=1, seconds=1, microseconds=2)",
            ),
            (
                SignedDuration::from_secs(-90),
                "datetime.timedelta(days=-1, seconds=86310)",
            ),
        ];
        for (duration, expected) in cases {
            let obj = duration.into_pyobject(py).unwrap();
            assert_eq!(repr(&obj), expected);
            assert_eq!(obj.extract::<SignedDuration>().unwrap(), duration);
        }
        // Days past an i32: the integer conversion's error, as in PyO3.
        let err = SignedDuration::MAX.into_pyobject(py).unwrap_err();
        assert_eq!(
            describe(py, err),
            "ValueError: out of range integral type conversion attempted"
        );
        let err = SignedDuration::from_hours(24 * 1_000_000_000)
            .into_pyobject(py)
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "OverflowError: days=1000000000; must have magnitude <= 999999999"
        );

        let span: Span = eval(py, "timedelta(hours=1, microseconds=5)")
            .extract()
            .unwrap();
        assert_eq!(
            span.fieldwise(),
            (3600.seconds().microseconds(5)).fieldwise()
        );
        let err = eval(py, "timedelta.max").extract::<Span>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
    });
}

#[test]
fn offsets_zones_and_instants() {
    Python::attach(|py| {
        let off = Offset::from_seconds(-(4 * 3600 + 30 * 60)).unwrap();
        let obj = off.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.timezone(datetime.timedelta(days=-1, seconds=70200))"
        );
        assert_eq!(obj.extract::<Offset>().unwrap(), off);
        assert!(Offset::UTC
            .into_pyobject(py)
            .unwrap()
            .is(eval(py, "timezone.utc")));
        assert!(TimeZone::UTC
            .into_pyobject(py)
            .unwrap()
            .is(eval(py, "timezone.utc")));
        let fixed = TimeZone::fixed(off).into_pyobject(py).unwrap();
        assert_eq!(fixed.extract::<Offset>().unwrap(), off);
        assert_eq!(fixed.extract::<TimeZone>().unwrap(), TimeZone::fixed(off));

        let ts = Timestamp::from_second(1_700_000_000).unwrap();
        let obj = ts.into_pyobject(py).unwrap();
        assert_eq!(
            repr(&obj),
            "datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.timezone.utc)"
        );
        assert_eq!(obj.extract::<Timestamp>().unwrap(), ts);
        let other: Timestamp = eval(
            py,
            "datetime(2023, 11, 15, 1, 13, 20, tzinfo=timezone(timedelta(hours=3)))",
        )
        .extract()
        .unwrap();
        assert_eq!(other, ts);
        let err = eval(py, "datetime(2023, 1, 1)")
            .extract::<Zoned>()
            .unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: expected a datetime with non-None tzinfo"
        );
    });
}

#[test]
fn iana_zones_and_fold() {
    Python::attach(|py| {
        if py.version_info() < (3, 9) {
            return; // no zoneinfo module
        }
        let zone = TimeZone::get("America/New_York").unwrap();
        let obj = (&zone).into_pyobject(py).unwrap();
        assert_eq!(repr(&obj), "zoneinfo.ZoneInfo(key='America/New_York')");
        assert_eq!(obj.extract::<TimeZone>().unwrap(), zone);
        let err = obj.extract::<Offset>().unwrap_err();
        assert_eq!(
            describe(py, err),
            "TypeError: zoneinfo.ZoneInfo(key='America/New_York') is not a fixed offset timezone"
        );

        // 2020-11-01 01:30 happens twice in New York.
        for (seconds, fold) in [(1_604_208_600, 0), (1_604_212_200, 1)] {
            let zoned = Timestamp::from_second(seconds)
                .unwrap()
                .to_zoned(zone.clone());
            let obj = zoned.clone().into_pyobject(py).unwrap();
            assert_eq!(
                repr(&obj),
                format!(
                    "datetime.datetime(2020, 11, 1, 1, 30{}, tzinfo=zoneinfo.ZoneInfo(key='America/New_York'))",
                    if fold == 1 { ", fold=1" } else { "" }
                )
            );
            assert_eq!(obj.extract::<Zoned>().unwrap(), zoned);
        }
        // A skipped wall time: jiff's `earlier()` keeps the offset from before the gap.
        let zoned = eval(
            py,
            "datetime(2020, 3, 8, 2, 30, tzinfo=__import__('zoneinfo').ZoneInfo('America/New_York'))",
        )
        .extract::<Zoned>()
        .unwrap();
        assert_eq!(zoned.datetime(), date(2020, 3, 8).at(1, 30, 0, 0));

        let err = eval(py, "type('Fake', (tzinfo,), {'key': 'No/Such_Zone'})()")
            .extract::<TimeZone>()
            .unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert!(
            err.value(py).to_string().contains("No/Such_Zone"),
            "{}",
            err.value(py)
        );
    });
}
