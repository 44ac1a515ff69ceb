//! The contract between generated code and the runtime: every `impl_` item that
//! `pyo3-macros-backend` may emit a path to, with what it is for. Keep this list short:
//! each entry is code shared by every binding instead of repeated in each.
//!
//! | path | used by | role |
//! |---|---|---|
//! | `impl_::pyfunction::PyFunctionDef::new` | `#[pyfunction]` | the static method table entry (name, doc with text signature, fastcall trampoline) |
//! | `impl_::pyfunction::wrap_pyfunction` | `wrap_pyfunction!` | builds the `builtin_function` object for a module or a bare `Python` token |
//! | `impl_::extract_argument::FunctionDescription` | `#[pyfunction]` | the static parameter table that one generic routine parses calls against |
//! | `impl_::extract_argument::FunctionDescription::extract_arguments_fastcall` | `#[pyfunction]` | sorts positional and keyword arguments into slots, raising CPython's own messages |
//! | `impl_::extract_argument::FunctionDescription::extract_arguments_fastcall_var` | `#[pyfunction]` with `*args`/`**kwargs` | the same, also returning the collected `VarArguments` |
//! | `impl_::extract_argument::VarArguments::{args, kwargs}` | `#[pyfunction]` | the `*args` tuple and the `**kwargs` dict (or `None`) as argument slots |
//! | `impl_::extract_argument::KeywordOnlyParameterDescription` | `#[pyfunction]` | one keyword-only entry of the parameter table |
//! | `impl_::extract_argument::from_py_with_argument` | `#[pyo3(from_py_with = f)]` | converts one slot with the user's function, naming the argument on failure |
//! | `impl_::pyfunction::module_argument` | `pass_module` | the function's module (`self`) as the first parameter's source |
//! | `impl_::extract_argument::FunctionArgumentHolder::INIT` | `#[pyfunction]` | storage that a borrowed argument may point into |
//! | `impl_::extract_argument::extract_argument` | `#[pyfunction]` | converts one slot to the parameter's Rust type, naming the argument on failure |
//! | `impl_::extract_argument::unwrap_required_argument` | `#[pyfunction]` | a slot that the parser guarantees to be filled |
//! | `impl_::trampoline::fastcall_with_keywords` | `#[pyfunction]` | the FFI boundary: attach, catch panics, restore errors |
//! | `impl_::trampoline::module_init` | `#[pymodule]` | the `PyInit_<name>` body |
//! | `impl_::wrap::converter` | `#[pyfunction]` | turns the return value (`T`, `PyResult<T>`, `()`) into a new reference |
//! | `impl_::pymodule::ModuleDef::new` | `#[pymodule]` | the static module definition and its initializer |
//! | `impl_::pymodule::PyAddToModule::add_to_module` | `#[pymodule] mod` | adds a function, class or submodule definition to a module |
//! | `impl_::frompyobject::{attribute, item, present}` | `#[derive(FromPyObject)]` | looks a named field up; `present` turns a missing one into `None` for `default` |
//! | `impl_::frompyobject::{field, field_with}` | `#[derive(FromPyObject)]` | converts a field (optionally with `from_py_with`), naming it on failure |
//! | `impl_::frompyobject::{tuple, tuple_item}` | `#[derive(FromPyObject)]` | a tuple struct's tuple of the right length, and its items |
//! | `impl_::frompyobject::enum_error` | `#[derive(FromPyObject)]` | the error listing what each variant failed on |
//! | `impl_::frompyobject::{into_any, new_dict, set_field, new_tuple}` | `#[derive(IntoPyObject)]`, `#[derive(IntoPyObjectRef)]` | builds the dict, tuple or single object |
//! | `impl_::coroutine::new_coroutine` | `async fn` (`experimental-async`) | wraps the call's `Send + 'static` future into a `Coroutine` named after the function |
//! | `impl_::coroutine::{RefGuard, RefMutGuard}::new` | async `&self` / `&mut self` methods | the receiver's borrow, owned by the future until it is dropped |
//! | `coroutine::CancelHandle::{new, throw_callback}` | `#[pyo3(cancel_handle)]` | the handle passed to the function and the coroutine's end of it |
