// Expected: Error: "future cannot be sent between threads safely", pointing at the `async`
// keyword, with a note that the `Rc` held across the `.await` is not `Send`.

use std::rc::Rc;

use pyo3::prelude::*;

async fn tick() {}

#[pyfunction]
async fn count() -> usize {
    let shared = Rc::new(1);
    tick().await;
    *shared
}

fn main() {}
