// Expected: Error: `Rc<i32>` cannot be shared between threads, pointing at `Local`, with the
// note: make `Local` `Send + Sync`, or mark it `#[pyclass(unsendable)]`.
// Currently: two errors at `Local` (not `Send`, not `Sync`); rustc reports the auto traits
// themselves, so the note naming `unsendable` does not show.

use std::rc::Rc;

use pyo3::prelude::*;

#[pyclass]
struct Local {
    shared: Rc<i32>,
}

fn main() {}
