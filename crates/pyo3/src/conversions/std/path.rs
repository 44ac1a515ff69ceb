//! `Path`/`PathBuf`/`Cow<Path>` to Python `pathlib.Path`, and from anything `os.fspath`
//! accepts (`str`, `pathlib.Path`, any `os.PathLike` returning `str`).

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::conversion::{FromPyObject, IntoPyObject};
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound, Py};
use crate::sync::PyOnceLock;
#[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
use crate::types::PyString;
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

/// Borrows the text of a `str` that is valid Unicode (where the interpreter's UTF-8 copy
/// can be borrowed); anything else `os.fspath` accepts (a `pathlib.Path`, any
/// `os.PathLike`, a `str` holding surrogate-escaped bytes) becomes an owned `PathBuf`.
impl<'a> FromPyObject<'a, '_> for Cow<'a, Path> {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, '_, PyAny>) -> Result<Self, Self::Error> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        if let Ok(text) = obj.cast::<PyString>() {
            if let Ok(borrowed) = text.to_str() {
                return Ok(Cow::Borrowed(Path::new(borrowed)));
            }
        }
        obj.extract::<PathBuf>().map(Cow::Owned)
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
