//! chrono-tz's `Tz` <-> `zoneinfo.ZoneInfo`, and `DateTime<Tz>` across DST transitions
//! (fold on the repeated hour, `ValueError` for a skipped one). Python 3.9+ (zoneinfo).

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use pyo3::prelude::*;
use pyo3::types::PyDict;

fn eval<'py>(py: Python<'py>, expr: &str) -> Bound<'py, PyAny> {
    let globals = PyDict::new(py);
    py.run(
        c"from datetime import *\nfrom zoneinfo import ZoneInfo",
        Some(&globals),
        None,
    )
    .unwrap();
    let code = std::ffi::CString::new(expr).unwrap();
    py.eval(&code, Some(&globals), None).unwrap()
}

fn has_zoneinfo(py: Python<'_>) -> bool {
    py.version_info() >= (3, 9)
}

#[test]
fn tz_round_trip() {
    Python::attach(|py| {
        if !has_zoneinfo(py) {
            return;
        }
        for tz in [
            Tz::Europe__Paris,
            Tz::UTC,
            Tz::Etc__GMTMinus5,
            Tz::America__New_York,
        ] {
            let obj = tz.into_pyobject(py).unwrap();
            assert_eq!(
                obj.repr().unwrap().to_string(),
                format!("zoneinfo.ZoneInfo(key='{}')", tz.name())
            );
            assert!(
                obj.is((&tz).into_pyobject(py).unwrap()),
                "ZoneInfo caches by key"
            );
            assert_eq!(obj.extract::<Tz>().unwrap(), tz);
        }
        let err = eval(py, "timezone.utc").extract::<Tz>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyAttributeError>(py));
        let err = eval(py, "type('Fake', (), {'key': 'Nowhere/Special'})()")
            .extract::<Tz>()
            .unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "failed to parse timezone");
    });
}

#[test]
fn datetime_fold_round_trip() {
    Python::attach(|py| {
        if !has_zoneinfo(py) {
            return;
        }
        // 2020-10-25 02:30 happens twice in Paris (CEST then CET).
        let instants = [("2020-10-25T00:30:00Z", 0), ("2020-10-25T01:30:00Z", 1)];
        for (utc, fold) in instants {
            let when: DateTime<Tz> = utc
                .parse::<DateTime<Utc>>()
                .unwrap()
                .with_timezone(&Tz::Europe__Paris);
            let obj = when.into_pyobject(py).unwrap();
            assert_eq!(
                obj.repr().unwrap().to_string(),
                format!(
                    "datetime.datetime(2020, 10, 25, 2, 30{}, tzinfo=zoneinfo.ZoneInfo(key='Europe/Paris'))",
                    if fold == 1 { ", fold=1" } else { "" }
                )
            );
            assert_eq!(obj.getattr("fold").unwrap().extract::<u8>().unwrap(), fold);
            assert_eq!(obj.extract::<DateTime<Tz>>().unwrap(), when);
        }
    });
}

#[test]
fn skipped_wall_time_is_an_error() {
    Python::attach(|py| {
        if !has_zoneinfo(py) {
            return;
        }
        let obj = eval(
            py,
            "datetime(2020, 3, 29, 2, 30, tzinfo=ZoneInfo('Europe/Paris'))",
        );
        let err = obj.extract::<DateTime<Tz>>().unwrap_err();
        assert!(err.is_instance_of::<pyo3::exceptions::PyValueError>(py));
        assert_eq!(
            err.value(py).to_string(),
            "The datetime datetime.datetime(2020, 3, 29, 2, 30, tzinfo=zoneinfo.ZoneInfo(key='Europe/Paris')) contains an incompatible timezone"
        );
        // A valid wall time in the zone.
        let when = Tz::Europe__Paris
            .from_local_datetime(
                &NaiveDate::from_ymd_opt(2020, 3, 29)
                    .unwrap()
                    .and_hms_opt(3, 30, 0)
                    .unwrap(),
            )
            .unwrap();
        let obj = eval(
            py,
            "datetime(2020, 3, 29, 3, 30, tzinfo=ZoneInfo('Europe/Paris'))",
        );
        assert_eq!(obj.extract::<DateTime<Tz>>().unwrap(), when);
    });
}
