//! [serde](https://docs.rs/serde) support for `Py<T>`, where `T` is a `#[pyclass]` that is
//! itself `Serialize` / `Deserialize`: the handle (de)serializes as the Rust value inside.
//!
//! Serializing attaches to the interpreter and borrows the object; if it is mutably
//! borrowed at that moment, serialization fails with a custom serde error carrying the
//! borrow error's message (`Already mutably borrowed`). Deserializing builds the value and
//! then a new Python object for it (only classes whose base is `object`); a failure to
//! create the object becomes a custom serde error with the Python exception's text.
//!
//! Enable with the `serde` feature:
//!
//! ```toml
//! [dependencies]
//! pyo3 = { version = "0.27.2", features = ["serde"] }
//! serde = { version = "1", features = ["derive"] }
//! ```
//!
//! ```rust
//! # #[cfg(all(feature = "serde", feature = "macros"))] {
//! # use serde::{Deserialize, Serialize};
//! # use pyo3::prelude::*;
//! #[pyclass]
//! #[derive(Serialize, Deserialize)]
//! struct Point {
//!     x: i32,
//!     y: i32,
//! }
//!
//! #[derive(Serialize, Deserialize)]
//! struct Shape {
//!     corner: Py<Point>,
//! }
//!
//! let shape: Shape = serde_json::from_str(r#"{"corner": {"x": 1, "y": 2}}"#).unwrap();
//! Python::attach(|py| shape.corner.borrow_mut(py).x = 10);
//! assert_eq!(serde_json::to_string(&shape).unwrap(), r#"{"corner":{"x":10,"y":2}}"#);
//! # }
//! ```

use serde::{de, ser, Deserialize, Deserializer, Serialize, Serializer};

use crate::pyclass::PyClass;
use crate::types::PyAny;
use crate::{Py, Python};

impl<T> Serialize for Py<T>
where
    T: Serialize + PyClass,
{
    fn serialize<S>(&self, serializer: S) -> Result<S::Ok, S::Error>
    where
        S: Serializer,
    {
        Python::attach(|py| match self.try_borrow(py) {
            Ok(value) => value.serialize(serializer),
            Err(err) => Err(ser::Error::custom(err.to_string())),
        })
    }
}

impl<'de, T> Deserialize<'de> for Py<T>
where
    T: PyClass<BaseType = PyAny> + Deserialize<'de>,
{
    fn deserialize<D>(deserializer: D) -> Result<Py<T>, D::Error>
    where
        D: Deserializer<'de>,
    {
        let value = T::deserialize(deserializer)?;
        Python::attach(|py| Py::new(py, value).map_err(|err| de::Error::custom(err.to_string())))
    }
}
