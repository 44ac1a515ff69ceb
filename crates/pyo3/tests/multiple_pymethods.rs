//! The `multiple-pymethods` feature: several `#[pymethods]` blocks for one class, in
//! different modules, all collected when the type object is created. Its own test binary,
//! since the feature changes how every class is built (`x.py test-rust` runs it).
#![cfg(feature = "multiple-pymethods")]

use pyo3::prelude::*;
use pyo3::types::PyDict;

#[pyclass]
struct Split {
    value: i64,
}

#[pymethods]
impl Split {
    #[new]
    fn new(value: i64) -> Self {
        Split { value }
    }
}

#[pymethods]
impl Split {
    fn double(&self) -> i64 {
        self.value * 2
    }

    #[getter]
    fn value(&self) -> i64 {
        self.value
    }
}

mod elsewhere {
    use super::Split;
    use pyo3::prelude::*;

    #[pymethods]
    impl Split {
        fn __repr__(&self) -> String {
            format!("Split({})", self.value)
        }

        #[classattr]
        const KIND: &'static str = "split";
    }
}

#[test]
fn every_block_contributes() {
    Python::attach(|py| {
        let globals = PyDict::new(py);
        globals.set_item("Split", py.get_type::<Split>()).unwrap();
        py.run(
            cr#"
s = Split(4)
assert s.double() == 8 and s.value == 4
assert repr(s) == "Split(4)" and Split.KIND == "split"
"#,
            Some(&globals),
            None,
        )
        .unwrap();
    });
}
