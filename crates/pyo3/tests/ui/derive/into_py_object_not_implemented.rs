// Expected: Error: "`#[derive(IntoPyObject)]` is not implemented yet in this implementation of PyO3", pointing at `Config`.

use pyo3::prelude::*;

#[derive(IntoPyObject)]
struct Config {
    level: u8,
}

fn main() {}
