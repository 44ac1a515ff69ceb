// Expected: Error: the base class `Base` is not marked `#[pyclass(subclass)]` (it cannot be
// extended), pointing at `Base` in `extends = Base`, saying to add `subclass` to it.

use pyo3::prelude::*;

#[pyclass]
struct Base {}

#[pyclass(extends = Base)]
struct Derived {}

fn main() {}
