//! `#[pymodule]` in both forms, built from Rust.

use pyo3::prelude::*;

#[pyfunction]
fn double(x: i64) -> i64 {
    x * 2
}

/// A module made by a function.
#[pymodule]
fn function_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(double, m)?)?;
    m.add("VALUE", 10)?;
    Ok(())
}

/// A declarative module.
#[pymodule]
mod declarative {
    use pyo3::prelude::*;

    #[pymodule_export]
    use super::double;

    /// Triples.
    #[pyfunction]
    fn triple(x: i64) -> i64 {
        x * 3
    }

    #[pymodule_export]
    const ANSWER: u32 = 42;

    #[pymodule_export]
    #[cfg(not(any()))]
    const GREETING: &str = "hi";

    #[pymodule_export]
    #[cfg(any())]
    const HIDDEN: i32 = 0;

    /// Not exported: no attribute.
    #[allow(dead_code)]
    const PRIVATE: i32 = 1;

    #[pymodule]
    mod inner {
        #[pyo3::pyfunction]
        fn one() -> i64 {
            1
        }

        #[pymodule_export]
        #[allow(non_upper_case_globals)]
        const r#type: char = '!';
    }

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("INITIALIZED", true)
    }
}

#[test]
fn function_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(function_module)(py);
        let m = m.bind(py);
        assert_eq!(
            m.getattr("__name__").unwrap().extract::<String>().unwrap(),
            "function_module"
        );
        assert_eq!(
            m.getattr("__doc__").unwrap().extract::<String>().unwrap(),
            "A module made by a function."
        );
        let d = m.getattr("double").unwrap();
        assert_eq!(d.call1((21,)).unwrap().extract::<i64>().unwrap(), 42);
        assert_eq!(
            d.getattr("__module__")
                .unwrap()
                .extract::<String>()
                .unwrap(),
            "function_module"
        );
        assert_eq!(m.getattr("VALUE").unwrap().extract::<i64>().unwrap(), 10);
    });
}

#[test]
fn declarative_form() {
    Python::attach(|py| {
        let m = wrap_pymodule!(declarative)(py);
        let m = m.bind(py);
        assert_eq!(
            m.getattr("triple")
                .unwrap()
                .call1((2,))
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            6
        );
        assert_eq!(
            m.getattr("double")
                .unwrap()
                .call1((2,))
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            4
        );
        assert!(m.getattr("INITIALIZED").unwrap().extract::<bool>().unwrap());
        assert_eq!(m.getattr("ANSWER").unwrap().extract::<u32>().unwrap(), 42);
        assert_eq!(
            m.getattr("GREETING").unwrap().extract::<String>().unwrap(),
            "hi"
        );
        assert!(!m.hasattr("HIDDEN").unwrap());
        assert!(!m.hasattr("PRIVATE").unwrap());
        let inner = m.getattr("inner").unwrap();
        assert_eq!(
            inner.getattr("type").unwrap().extract::<char>().unwrap(),
            '!'
        );
        assert_eq!(
            inner
                .getattr("one")
                .unwrap()
                .call0()
                .unwrap()
                .extract::<i64>()
                .unwrap(),
            1
        );
    });
}

#[test]
fn module_init_symbol_creates_module() {
    Python::attach(|py| {
        // SAFETY: attached, as CPython's import machinery would be.
        let ptr = unsafe { function_module::PyInit_function_module() };
        // SAFETY: a new reference or NULL with an error set.
        let m = unsafe { Bound::from_owned_ptr_or_err(py, ptr) }.unwrap();
        assert!(m.hasattr("double").unwrap());
    });
}
