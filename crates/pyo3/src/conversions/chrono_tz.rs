//! Conversions between [chrono-tz](https://docs.rs/chrono-tz)'s `Tz` and
//! `zoneinfo.ZoneInfo` (feature `chrono-tz`; `zoneinfo` is in the standard library from
//! Python 3.9, before that the `backports.zoneinfo` package is used). With the `chrono`
//! conversions, `DateTime<Tz>` becomes an aware `datetime` in that zone.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "chrono-tz")]
//! # fn main() -> pyo3::PyResult<()> {
//! use chrono_tz::Tz;
//! use pyo3::prelude::*;
//!
//! Python::attach(|py| {
//!     # if py.version_info() < (3, 9) { return Ok(()); }
//!     let zone = Tz::Europe__Paris.into_pyobject(py)?;
//!     assert_eq!(zone.repr()?.to_string(), "zoneinfo.ZoneInfo(key='Europe/Paris')");
//!     assert_eq!(zone.extract::<Tz>()?, Tz::Europe__Paris);
//!     Ok(())
//! })
//! # }
//! # #[cfg(not(feature = "chrono-tz"))]
//! # fn main() {}
//! ```

use std::str::FromStr;

use chrono_tz::Tz;

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::pybacked::PyBackedStr;
use crate::types::{PyAny, PyAnyMethods, PyTzInfo};
use crate::{intern, Borrowed, Bound, PyErr, Python};

impl<'py> IntoPyObject<'py> for Tz {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    /// `zoneinfo.ZoneInfo(<the zone's IANA name>)`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        PyTzInfo::timezone(py, self.name())
    }
}

impl<'py> IntoPyObject<'py> for &Tz {
    type Target = PyTzInfo;
    type Output = Bound<'py, PyTzInfo>;
    type Error = PyErr;

    #[inline]
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        (*self).into_pyobject(py)
    }
}

impl FromPyObject<'_, '_> for Tz {
    type Error = PyErr;

    /// From any object with a `key` attribute naming an IANA zone (a `ZoneInfo`); an
    /// unknown name is a `ValueError`.
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let key: PyBackedStr = obj.getattr(intern!(obj.py(), "key"))?.extract()?;
        Tz::from_str(&key).map_err(|err| PyValueError::new_err(err.to_string()))
    }
}
