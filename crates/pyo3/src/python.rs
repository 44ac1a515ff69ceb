//! The `Python<'py>` token: proof that the current thread is attached to the interpreter,
//! and the operations that need nothing more than that proof (import, eval, run, None...).

use std::ffi::CStr;
use std::marker::PhantomData;
use std::os::raw::c_int;

use crate::conversion::IntoPyObject;
use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Bound, Py};
use crate::types::{PyAny, PyDict, PyDictMethods, PyModule, PyModuleMethods, PyNone, PyString};
use crate::{PyErr, PyResult};

/// A marker token showing that the current thread is attached to the Python interpreter
/// (holds the GIL on builds that have one) for the lifetime `'py`.
///
/// Obtain one with [`Python::attach`]; every `Bound<'py, T>` carries one as well.
#[derive(Copy, Clone)]
pub struct Python<'py>(PhantomData<(&'py (), NotSend)>);

/// Makes `Python` neither `Send` nor `Sync`: the token is only valid on its own thread.
struct NotSend(PhantomData<*mut ()>);

/// The version of the running interpreter, as `sys.version_info` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PythonVersionInfo<'a> {
    /// Major version (3).
    pub major: u8,
    /// Minor version.
    pub minor: u8,
    /// Patch version.
    pub patch: u8,
    /// Release suffix such as `"a1"` or `"rc2"`, if any.
    pub suffix: Option<&'a str>,
}

impl<'a> PythonVersionInfo<'a> {
    /// Parses the leading `X.Y.Z[suffix]` of `Py_GetVersion()`.
    pub(crate) fn from_str(version: &'a str) -> Result<Self, &'static str> {
        let number = version.split_whitespace().next().unwrap_or("");
        let mut parts = number.splitn(3, '.');
        let major = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or("bad major")?;
        let minor = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or("bad minor")?;
        let rest = parts.next().unwrap_or("0");
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let patch = rest[..digits].parse().unwrap_or(0);
        let suffix = if digits < rest.len() {
            Some(&rest[digits..])
        } else {
            None
        };
        Ok(PythonVersionInfo {
            major,
            minor,
            patch,
            suffix,
        })
    }
}

impl PartialEq<(u8, u8)> for PythonVersionInfo<'_> {
    fn eq(&self, other: &(u8, u8)) -> bool {
        (self.major, self.minor) == *other
    }
}

impl PartialEq<(u8, u8, u8)> for PythonVersionInfo<'_> {
    fn eq(&self, other: &(u8, u8, u8)) -> bool {
        (self.major, self.minor, self.patch) == *other
    }
}

impl PartialOrd<(u8, u8)> for PythonVersionInfo<'_> {
    fn partial_cmp(&self, other: &(u8, u8)) -> Option<std::cmp::Ordering> {
        (self.major, self.minor).partial_cmp(other)
    }
}

impl PartialOrd<(u8, u8, u8)> for PythonVersionInfo<'_> {
    fn partial_cmp(&self, other: &(u8, u8, u8)) -> Option<std::cmp::Ordering> {
        (self.major, self.minor, self.patch).partial_cmp(other)
    }
}

impl<'py> Python<'py> {
    /// Creates a token without checking that the thread is attached.
    ///
    /// # Safety
    ///
    /// The current thread must be attached to the interpreter for all of `'py`.
    #[inline]
    pub unsafe fn assume_attached() -> Python<'py> {
        Python(PhantomData)
    }

    /// Deprecated name of [`Python::assume_attached`].
    ///
    /// # Safety
    ///
    /// As for [`Python::assume_attached`].
    #[deprecated(since = "0.26.0", note = "use `Python::assume_attached` instead")]
    #[inline]
    pub unsafe fn assume_gil_acquired() -> Python<'py> {
        Python(PhantomData)
    }

    /// Imports a module, as `import name` would.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| {
    ///     let math = py.import("math").unwrap();
    ///     let pi: f64 = math.getattr("pi").unwrap().extract().unwrap();
    ///     assert!((pi - std::f64::consts::PI).abs() < 1e-12);
    /// });
    /// ```
    pub fn import<N>(self, name: N) -> PyResult<Bound<'py, PyModule>>
    where
        N: IntoPyObject<'py, Target = PyString>,
    {
        PyModule::import(self, name)
    }

    /// Evaluates a single Python expression and returns its value.
    ///
    /// Without `globals`, the `__main__` module's namespace is used; without `locals`,
    /// `globals` is used.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| {
    ///     let n: i64 = py.eval(c"6 * 7", None, None).unwrap().extract().unwrap();
    ///     assert_eq!(n, 42);
    /// });
    /// ```
    pub fn eval(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.run_code(code, ffi::Py_eval_input, globals, locals)
    }

    /// Executes Python statements.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::PyDict;
    /// Python::attach(|py| {
    ///     let locals = PyDict::new(py);
    ///     py.run(c"x = [i * i for i in range(4)]", None, Some(&locals)).unwrap();
    ///     let x: Vec<i64> = locals.get_item("x").unwrap().unwrap().extract().unwrap();
    ///     assert_eq!(x, [0, 1, 4, 9]);
    /// });
    /// ```
    pub fn run(
        self,
        code: &CStr,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<()> {
        self.run_code(code, ffi::Py_file_input, globals, locals)
            .map(drop)
    }

    fn run_code(
        self,
        code: &CStr,
        start: c_int,
        globals: Option<&Bound<'py, PyDict>>,
        locals: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let globals = match globals {
            Some(g) => g.clone(),
            None => {
                let main = self.import("__main__")?;
                main.dict()
            }
        };
        let locals = locals.unwrap_or(&globals);
        // The builtins must be reachable from the globals, as `exec` guarantees.
        let builtins_key = crate::intern!(self, "__builtins__");
        if !globals.contains(builtins_key)? {
            let builtins = self.import("builtins")?;
            globals.set_item(builtins_key, builtins)?;
        }
        // SAFETY:
        // - the thread is attached (we hold `self`);
        // - `code` is a valid NUL-terminated string and the filename is a static C string.
        let compiled = unsafe {
            ffi::Py_CompileString(code.as_ptr(), c"<string>".as_ptr(), start)
                .assume_owned_or_err(self)?
        };
        // SAFETY:
        // - attached; `compiled` is a code object, `globals` and `locals` are dicts that
        //   stay alive (bound locals) for the duration of the call.
        unsafe {
            ffi::PyEval_EvalCode(compiled.as_ptr(), globals.as_ptr(), locals.as_ptr())
                .assume_owned_or_err(self)
        }
    }

    /// Returns Python's `None`.
    #[allow(non_snake_case)]
    #[inline]
    pub fn None(self) -> Py<PyAny> {
        PyNone::get(self).to_owned().into_any().unbind()
    }

    /// Returns Python's `NotImplemented`.
    #[allow(non_snake_case)]
    pub fn NotImplemented(self) -> Py<PyAny> {
        // SAFETY: attached; `Py_NotImplemented` is a static object, borrowed then owned.
        unsafe { Bound::from_borrowed_ptr(self, ffi::Py_NotImplemented()).unbind() }
    }

    /// Returns Python's `Ellipsis`.
    #[allow(non_snake_case)]
    pub fn Ellipsis(self) -> Py<PyAny> {
        // SAFETY: attached; `Py_Ellipsis` is a static object, borrowed then owned.
        unsafe { Bound::from_borrowed_ptr(self, ffi::Py_Ellipsis()).unbind() }
    }

    /// The full version string of the interpreter, as `sys.version`.
    pub fn version(self) -> &'py str {
        // SAFETY: `Py_GetVersion` returns a pointer to a static NUL-terminated string.
        let version = unsafe { CStr::from_ptr(ffi::Py_GetVersion()) };
        version.to_str().unwrap_or("")
    }

    /// The version of the running interpreter, parsed.
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// Python::attach(|py| assert!(py.version_info() >= (3, 7)));
    /// ```
    pub fn version_info(self) -> PythonVersionInfo<'py> {
        PythonVersionInfo::from_str(self.version()).expect("unparsable Py_GetVersion() output")
    }

    /// Checks for pending signals (e.g. Ctrl-C) and runs their handlers.
    pub fn check_signals(self) -> PyResult<()> {
        // SAFETY: attached.
        let rc = unsafe { ffi::PyErr_CheckSignals() };
        if rc == -1 {
            Err(PyErr::fetch(self))
        } else {
            Ok(())
        }
    }

    /// Returns the type object of `T`.
    pub fn get_type<T: crate::PyTypeInfo>(self) -> Bound<'py, crate::types::PyType> {
        T::type_object(self)
    }
}

#[cfg(test)]
mod tests {
    use super::PythonVersionInfo;

    #[test]
    fn parses_version_strings() {
        let v = PythonVersionInfo::from_str("3.11.7 (main, Jan  1 2024) [GCC 12]").unwrap();
        assert_eq!((v.major, v.minor, v.patch, v.suffix), (3, 11, 7, None));
        let v = PythonVersionInfo::from_str("3.13.0rc2+ (x)").unwrap();
        assert_eq!((v.minor, v.patch, v.suffix), (13, 0, Some("rc2+")));
        assert!(v >= (3, 13));
        assert!(v < (3, 14));
    }
}
