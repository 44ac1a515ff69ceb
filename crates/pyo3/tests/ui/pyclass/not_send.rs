// Expected: Error: `Rc<i32>` cannot be shared between threads, pointing at `Local`, with the
// note: make `Local` `Send + Sync`, or mark it `#[pyclass(unsendable)]`.
// Currently: three errors, the first at `#[pyclass]` about a `LazyTypeObject<Local>` static,
// and none shows the note naming `unsendable` (reported).

use std::rc::Rc;

use pyo3::prelude::*;

#[pyclass]
struct Local {
    shared: Rc<i32>,
}

fn main() {}
