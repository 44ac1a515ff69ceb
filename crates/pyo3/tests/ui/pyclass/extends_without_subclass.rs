// Expected: Error: the base class `Base` is not marked `#[pyclass(subclass)]` (it cannot be
// extended), pointing at `Base` in `extends = Base`, saying to add `subclass` to it.
// Currently the error is given twice, with a list of native exception types (reported).

use pyo3::prelude::*;

#[pyclass]
struct Base {}

#[pyclass(extends = Base)]
struct Derived {}

fn main() {}
