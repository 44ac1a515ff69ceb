// Expected: Error: "`#[pymodule]` needs the module's items: write `mod name { ... }` instead of `mod name;`", pointing at `mod elsewhere;`. rustc also reports that file modules in proc-macro input are unstable and that the file is missing; both are rustc's own and expected.

use pyo3::prelude::*;

#[pymodule]
mod elsewhere;

fn main() {}
