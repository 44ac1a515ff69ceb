//! Built by `pip install .` with maturin as the PEP 517 backend (`python3 x.py workflows`).
use pyo3::prelude::*;

/// Python module `pep517_backend`.
#[pymodule]
mod pep517_backend {
    use pyo3::prelude::*;

    /// Joins the words with `sep` and upper-cases the result.
    #[pyfunction]
    #[pyo3(signature = (words, sep = "-"))]
    fn shout(words: Vec<String>, sep: &str) -> String {
        words.join(sep).to_uppercase()
    }
}
