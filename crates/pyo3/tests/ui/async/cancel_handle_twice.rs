// Expected: Error: "`cancel_handle` may only be specified once", pointing at the second
// `cancel_handle`.

use pyo3::coroutine::CancelHandle;
use pyo3::prelude::*;

#[pyfunction]
async fn wait(
    #[pyo3(cancel_handle)] first: CancelHandle,
    #[pyo3(cancel_handle)] second: CancelHandle,
) {
    let _ = (first, second);
}

fn main() {}
