// Expected: Error: "`#[derive(FromPyObject)]` is not implemented yet in this implementation of PyO3", pointing at `Config`.

use pyo3::prelude::*;

#[derive(FromPyObject)]
struct Config {
    #[pyo3(item)]
    level: u8,
}

fn main() {}
