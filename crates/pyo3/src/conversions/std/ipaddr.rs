//! IP addresses to `ipaddress.IPv4Address`/`IPv6Address`, and back from those (through
//! their `packed` bytes) or from any object whose `str()` parses as an address.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::exceptions::PyValueError;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods, PyStringMethods};
use crate::{intern, PyErr, Python};

impl FromPyObject<'_, '_> for IpAddr {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        let py = obj.py();
        match obj.getattr(intern!(py, "packed")) {
            Ok(packed) => match super::slice::bytes_contents(packed.as_borrowed()) {
                Some(bytes) => {
                    if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
                        Ok(IpAddr::V4(Ipv4Addr::from(v4)))
                    } else if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
                        Ok(IpAddr::V6(Ipv6Addr::from(v6)))
                    } else {
                        Err(PyValueError::new_err("invalid packed length"))
                    }
                }
                None => Err(PyValueError::new_err("invalid packed length")),
            },
            Err(_) => obj.str()?.to_cow()?.parse::<IpAddr>().map_err(PyErr::from),
        }
    }
}

fn ipv4_class(py: Python<'_>) -> Result<&Bound<'_, PyAny>, PyErr> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    CLASS.import(py, "ipaddress", "IPv4Address")
}

fn ipv6_class(py: Python<'_>) -> Result<&Bound<'_, PyAny>, PyErr> {
    static CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    CLASS.import(py, "ipaddress", "IPv6Address")
}

impl<'py> IntoPyObject<'py> for Ipv4Addr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// An `ipaddress.IPv4Address`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        ipv4_class(py)?.call1((u32::from(self),))
    }
}

impl<'py> IntoPyObject<'py> for Ipv6Addr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    /// An `ipaddress.IPv6Address`.
    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        ipv6_class(py)?.call1((u128::from(self),))
    }
}

impl<'py> IntoPyObject<'py> for IpAddr {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        match self {
            IpAddr::V4(v4) => v4.into_pyobject(py),
            IpAddr::V6(v6) => v6.into_pyobject(py),
        }
    }
}

into_pyobject_by_ref!(Ipv4Addr, PyAny);
into_pyobject_by_ref!(Ipv6Addr, PyAny);
into_pyobject_by_ref!(IpAddr, PyAny);
