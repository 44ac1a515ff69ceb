// Expected: Error: "`cancel_handle` attribute can only be used with `async fn`", pointing
// at `cancel_handle`.

use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

#[pyfunction]
fn wait(#[pyo3(cancel_handle)] cancel: CancelHandle) {
    let _ = cancel;
}

fn main() {}
