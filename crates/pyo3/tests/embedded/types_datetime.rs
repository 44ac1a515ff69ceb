//! The datetime types, through the C-API capsule.

use pyo3::exceptions::{PyOverflowError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyDate, PyDateAccess, PyDateTime, PyDelta, PyDeltaAccess, PyTime, PyTimeAccess, PyTzInfo,
    PyTzInfoAccess,
};

#[test]
fn dates_times_deltas() {
    Python::attach(|py| {
        let d = PyDate::new(py, 2024, 2, 29).unwrap();
        assert_eq!((d.get_year(), d.get_month(), d.get_day()), (2024, 2, 29));
        py_assert!(py, d; "str(d) == '2024-02-29'");
        let err = PyDate::new(py, 2023, 2, 29).unwrap_err();
        assert!(err.is_instance_of::<PyValueError>(py));
        assert_eq!(err.value(py).to_string(), "day is out of range for month");
        assert!(PyDate::from_timestamp(py, 0).unwrap().get_year() >= 1969);

        let utc = PyTzInfo::utc(py).unwrap();
        let dt = PyDateTime::new(py, 2020, 1, 2, 3, 4, 5, 6, Some(&utc)).unwrap();
        assert_refcnt!(dt, {
            assert_eq!(
                (dt.get_year(), dt.get_hour(), dt.get_minute()),
                (2020, 3, 4)
            );
            assert_eq!((dt.get_second(), dt.get_microsecond()), (5, 6));
            assert!(!dt.get_fold());
            assert!(dt.get_tzinfo().unwrap().is(&*utc));
        });
        py_assert!(py, dt; "dt.isoformat() == '2020-01-02T03:04:05.000006+00:00'");
        let naive = PyDateTime::new_with_fold(py, 2020, 1, 1, 0, 0, 0, 0, None, true).unwrap();
        assert!(naive.get_fold());
        assert!(naive.get_tzinfo().is_none());
        let epoch = PyDateTime::from_timestamp(py, 0.0, Some(&utc)).unwrap();
        assert_eq!(epoch.get_year(), 1970);

        let t = PyTime::new(py, 23, 59, 58, 999_999, None).unwrap();
        assert_eq!((t.get_hour(), t.get_minute(), t.get_second()), (23, 59, 58));
        assert_eq!(t.get_microsecond(), 999_999);
        assert!(t.get_tzinfo().is_none());
        assert!(PyTime::new(py, 24, 0, 0, 0, None).is_err());

        let delta = PyDelta::new(py, 1, 86_401, -1, true).unwrap();
        assert_eq!(
            (
                delta.get_days(),
                delta.get_seconds(),
                delta.get_microseconds()
            ),
            (2, 0, 999_999)
        );
        let err = PyDelta::new(py, 1_000_000_000, 0, 0, true).unwrap_err();
        assert!(err.is_instance_of::<PyOverflowError>(py));

        let offset = PyDelta::new(py, 0, 3600, 0, true).unwrap();
        let tz = PyTzInfo::fixed_offset(py, &offset).unwrap();
        py_assert!(py, tz; "str(tz) == 'UTC+01:00'");
        #[allow(deprecated)]
        let utc2 = pyo3::types::timezone_utc(py);
        assert!(utc2.is(&*utc));
    });
}
