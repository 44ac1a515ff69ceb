//! `py_run!`: run a snippet of Python with Rust values in scope, panicking (after
//! printing the Python traceback) if it raises. Meant for tests and examples.

/// Runs Python code with the named Rust variables (or a whole dict) as its locals.
///
/// The code is dedented first, so it can be indented to match the surrounding Rust. On a
/// Python exception the traceback is printed and the macro panics.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::py_run;
/// use pyo3::types::PyDict;
/// Python::attach(|py| {
///     let numbers = vec![1, 2, 3];
///     let total = 6;
///     py_run!(py, numbers total, r#"
///         assert sum(numbers) == total
///     "#);
///     let locals = PyDict::new(py);
///     locals.set_item("x", 2).unwrap();
///     py_run!(py, *locals, "assert x * 21 == 42");
/// });
/// ```
#[macro_export]
macro_rules! py_run {
    ($py:expr, *$dict:expr, $code:expr) => {{
        $crate::py_run::run_code($py, &$dict, &$code)
    }};
    ($py:expr, $($val:ident)+, $code:expr) => {{
        let py: $crate::Python<'_> = $py;
        let locals = $crate::types::PyDict::new(py);
        $(
            $crate::types::PyDictMethods::set_item(&locals, stringify!($val), &$val)
                .expect(::std::concat!("could not convert `", stringify!($val), "` for py_run!"));
        )+
        $crate::py_run::run_code(py, &locals, &$code)
    }};
}

use crate::instance::Bound;
use crate::types::PyDict;
use crate::Python;

/// Runs dedented `code` with `locals`, printing the traceback and panicking on error.
#[doc(hidden)]
#[track_caller]
pub fn run_code(py: Python<'_>, locals: &Bound<'_, PyDict>, code: &str) {
    let source = unindent(code);
    let source = std::ffi::CString::new(source).expect("py_run! code contains a NUL byte");
    if let Err(err) = py.run(&source, None, Some(locals)) {
        err.print(py);
        let _ = py.run(c"import sys; sys.stderr.flush()", None, None);
        panic!("{}", code);
    }
}

/// Removes the indentation common to every non-blank line, and a leading blank line.
#[doc(hidden)]
pub fn unindent(code: &str) -> String {
    let code = code.strip_prefix('\n').unwrap_or(code);
    let indent = code
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out = String::with_capacity(code.len());
    for line in code.lines() {
        out.push_str(line.get(indent..).unwrap_or_else(|| line.trim_start()));
        out.push('\n');
    }
    out
}
