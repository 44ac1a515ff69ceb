// Expected: Error: "`#[derive(IntoPyObjectRef)]` is not implemented yet in this implementation of PyO3", pointing at `Config`.

use pyo3::prelude::*;

#[derive(IntoPyObjectRef)]
struct Config {
    level: u8,
}

fn main() {}
