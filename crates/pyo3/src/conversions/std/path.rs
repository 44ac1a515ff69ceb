//! `Path`/`PathBuf` to Python `pathlib.Path`, and from anything `os.fspath` accepts
//! (`str`, `pathlib.Path`, any `os.PathLike` returning `str`).

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
use crate::types::{PyAny, PyAnyMethods};
use crate::{PyErr, Python};

impl FromPyObject<'_, '_> for PathBuf {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> Result<Self, Self::Error> {
        // SAFETY: attached; the object is alive; PyOS_FSPath returns a new reference (str
        // or bytes) or NULL with a TypeError set.
        let path = unsafe { ffi::PyOS_FSPath(obj.as_ptr()).assume_owned_or_err(obj.py())? };
        Ok(path.extract::<OsString>()?.into())
    }
}

/// `pathlib.Path(path)`.
fn to_pathlib<'py>(py: Python<'py>, path: &Path) -> Result<Bound<'py, PyAny>, PyErr> {
    static PATH_CLASS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    PATH_CLASS
        .import(py, "pathlib", "Path")?
        .call1((path.as_os_str(),))
}

macro_rules! path_like {
    ($($t:ty),*) => {$(
        impl<'py> IntoPyObject<'py> for $t {
            type Target = PyAny;
            type Output = Bound<'py, PyAny>;
            type Error = PyErr;

            /// A `pathlib.Path`.
            #[inline]
            fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
                to_pathlib(py, &self)
            }
        }
    )*};
}

path_like!(
    &Path,
    &&Path,
    PathBuf,
    &PathBuf,
    Cow<'_, Path>,
    &Cow<'_, Path>
);
