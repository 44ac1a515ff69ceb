//! Every message the macros show to users, written once.
//!
//! Each message says what was wrong and, where there is one, what to write instead. Constant
//! messages are `const`s; messages that quote the user's code are functions. Every entry is
//! exercised by a UI test in `ui-pending/` (to be moved under `crates/pyo3/tests/ui/`).

use std::fmt::Display;

// ---- options: `#[pyo3(...)]` and `#[pyfunction(...)]` / `#[pymodule(...)]` arguments ----

/// An option keyword that no macro knows, with those the macro it was written on takes.
pub(crate) fn unknown_option(found: impl Display, accepted: &[&str]) -> String {
    let accepted: Vec<String> = accepted
        .iter()
        .map(|option| format!("`{option}`"))
        .collect();
    format!(
        "unknown option `{found}`; expected one of {}",
        accepted.join(", ")
    )
}

/// A known option used on a macro that does not accept it.
pub(crate) fn option_not_for(option: &str, macro_name: &str) -> String {
    format!("`{option}` is not a valid option for `#[{macro_name}]`")
}

/// The same option given twice.
pub(crate) fn duplicate_option(option: &str) -> String {
    format!("`{option}` is given more than once; keep one")
}

/// A `name = "..."` that Python could not use as an identifier.
pub(crate) fn invalid_python_name(name: &str) -> String {
    format!("{name:?} is not a valid Python identifier")
}

/// A module name that cannot be spelled in the `PyInit_<name>` export symbol.
pub(crate) fn module_name_not_ascii(name: &str) -> String {
    format!(
        "module name {name:?} must be an ASCII identifier, because CPython looks for the \
         exported symbol `PyInit_{name}`"
    )
}

/// `crate = "..."` that does not hold a path.
pub(crate) const INVALID_CRATE_PATH: &str =
    "`crate` expects a path to the pyo3 crate, such as `crate = \"::pyo3\"` or `crate = \"my_deps::pyo3\"`";

/// `text_signature = ...` with something other than a string or `None`.
pub(crate) const TEXT_SIGNATURE_VALUE: &str =
    "`text_signature` expects a string such as `\"(a, b, /)\"`, or `None` to omit the signature";

/// A docstring that CPython could not store.
pub(crate) const DOC_CONTAINS_NUL: &str =
    "this documentation contains a NUL character, which a Python docstring cannot hold";

// ---- #[pyfunction] ----

/// `#[pyfunction]` on something that is not a function.
pub(crate) const PYFUNCTION_NOT_FN: &str = "`#[pyfunction]` can only be used on a `fn`";

/// `#[pyfunction]` on a function with a `self` receiver.
pub(crate) const PYFUNCTION_ON_METHOD: &str =
    "`#[pyfunction]` cannot be used on a method; put the method in an `impl` block annotated \
     with `#[pymethods]`";

/// `async fn`.
pub(crate) const ASYNC_FN: &str =
    "async functions are only supported with the `experimental-async` feature";

/// `unsafe fn`.
pub(crate) const UNSAFE_FN: &str =
    "a Python caller cannot uphold the contract of an `unsafe fn`; make the function safe and \
     use `unsafe` blocks inside it";

/// `fn f<T>(...)`.
pub(crate) const GENERIC_TYPE_PARAMETER: &str =
    "Python functions cannot have generic type parameters; write one wrapper per concrete type";

/// `fn f<const N: usize>(...)`.
pub(crate) const CONST_GENERIC_PARAMETER: &str =
    "Python functions cannot have const generic parameters; write one wrapper per value";

/// `fn f(x: impl Trait)`.
pub(crate) const IMPL_TRAIT_PARAMETER: &str =
    "Python functions cannot take `impl Trait` arguments; name a concrete type";

/// `extern "C" fn f(x: i32, ...)`.
pub(crate) const VARIADIC_PARAMETER: &str = "C-variadic functions cannot be Python functions";

/// `fn f((a, b): (i32, i32))`.
pub(crate) const PARAMETER_PATTERN: &str =
    "parameters of a Python function must be plain names (`name: Type`), so Python can \
     refer to them";

/// `#[pyo3(from_py_with = ...)]` on a parameter that takes no Python argument.
pub(crate) const FROM_PY_WITH_NOT_ARGUMENT: &str =
    "`from_py_with` only applies to parameters that receive a Python argument, not to the \
     `Python<'py>` token or the `pass_module` module";

/// `pass_module` on a function without parameters.
pub(crate) const PASS_MODULE_WITHOUT_PARAMETER: &str =
    "`pass_module` passes the module as the first parameter, but this function has none; add \
     `module: &Bound<'_, PyModule>` first";

/// A parameter option that does not exist.
pub(crate) fn unknown_parameter_option(found: impl Display) -> String {
    format!("unknown parameter option `{found}`; expected `from_py_with` or `cancel_handle`")
}

// ---- signature = (...) ----

/// A signature entry naming no parameter.
pub(crate) fn signature_unknown_parameter(name: &str) -> String {
    format!("signature entry `{name}` does not match any parameter of the function")
}

/// A signature entry out of order.
pub(crate) fn signature_out_of_order(expected: &str, found: &str) -> String {
    format!(
        "signature entries must follow the order of the function's parameters: expected \
         `{expected}` here, found `{found}`"
    )
}

/// A parameter listed twice.
pub(crate) fn signature_duplicate_entry(name: &str) -> String {
    format!("`{name}` appears more than once in `signature = (...)`")
}

/// A function parameter the signature leaves out.
pub(crate) fn signature_missing_parameter(name: &str) -> String {
    format!("parameter `{name}` is missing from `signature = (...)`")
}

/// The `Python<'py>` token listed in a signature.
pub(crate) fn signature_lists_python_token(name: &str) -> String {
    format!(
        "`{name}` is the `Python<'py>` token, which is supplied automatically; remove it from \
         `signature = (...)`"
    )
}

/// A separator or variadic marker in the wrong place.
pub(crate) fn signature_misplaced(what: &str, rule: &str) -> String {
    format!("misplaced `{what}` in signature: {rule}")
}

/// `/` given twice.
pub(crate) const SIGNATURE_RULE_ONE_SLASH: &str = "`/` may appear only once";
/// `/` after `*`.
pub(crate) const SIGNATURE_RULE_SLASH_BEFORE_STAR: &str = "`/` must come before `*` and `*args`";
/// `*` or `*args` twice.
pub(crate) const SIGNATURE_RULE_ONE_STAR: &str = "only one `*` or `*args` may appear";
/// Anything after `**kwargs`.
pub(crate) const SIGNATURE_RULE_KWARGS_LAST: &str = "`**kwargs` must be the last entry";
/// `(a=1, b)` in the positional part.
pub(crate) fn signature_required_after_default(name: &str) -> String {
    format!(
        "positional parameter `{name}` has no default but follows one that has; give it a \
         default or move it after `*`"
    )
}

// ---- #[pymodule] ----

/// `#[pymodule]` on something that is neither a function nor a module.
pub(crate) const PYMODULE_WRONG_ITEM: &str =
    "`#[pymodule]` can only be used on a `fn` or on an inline `mod`";

/// `#[pymodule] mod m;`.
pub(crate) const PYMODULE_MOD_WITHOUT_BODY: &str =
    "`#[pymodule]` needs the module's items: write `mod name { ... }` instead of `mod name;`";

/// A module initializer with the wrong parameters.
pub(crate) const PYMODULE_FN_PARAMETERS: &str =
    "a `#[pymodule]` function takes `(m: &Bound<'_, PyModule>)` or \
     `(py: Python<'_>, m: &Bound<'_, PyModule>)`";

/// A second `#[pymodule_init]`.
pub(crate) const PYMODULE_TWO_INIT_FNS: &str =
    "a module can have only one `#[pymodule_init]` function";

/// Where the first `#[pymodule_init]` was.
pub(crate) const PYMODULE_FIRST_INIT_FN: &str = "the first `#[pymodule_init]` function is here";

/// `#[pymodule_init]` on something else than a function.
pub(crate) const PYMODULE_INIT_NOT_FN: &str = "`#[pymodule_init]` can only be used on a `fn`";

/// `#[pymodule_export]` on something else than a `use` or a `const`.
pub(crate) const PYMODULE_EXPORT_NOT_USE: &str = "`#[pymodule_export]` can only be used on `use` and `const` items, such as `#[pymodule_export] use super::my_function;` or `#[pymodule_export] const VERSION: &str = \"1.0\";`";

/// `#[pymodule_export] use a::*;`.
pub(crate) const PYMODULE_EXPORT_GLOB: &str =
    "`#[pymodule_export]` cannot export a glob import; name each item to export";

/// `#[pymodule_export]` / `#[pymodule_init]` used outside a `#[pymodule] mod`.
pub(crate) fn helper_outside_module(helper: &str) -> String {
    format!("`#[{helper}]` is only meaningful on an item directly inside a `#[pymodule] mod`")
}

// ---- macros of later steps ----

// ---- #[derive(FromPyObject)], #[derive(IntoPyObject)], #[derive(IntoPyObjectRef)] ----

/// An option these derives do not know.
pub(crate) fn unknown_derive_option(found: impl Display) -> String {
    format!(
        "unknown option `{found}`; expected one of `transparent`, `from_item_all`, \
         `annotation`, `crate`, `item`, `attribute`, `from_py_with`, `default`"
    )
}

/// A known option in a place (or for a derive) where it means nothing.
pub(crate) fn derive_option_misplaced(option: &str, place: &str) -> String {
    format!("`{option}` cannot be used {place} for this derive")
}

/// `attribute(...)` with something else than a string.
pub(crate) const DERIVE_ATTRIBUTE_NAME: &str =
    "`attribute(...)` expects the attribute's name as a string, such as `attribute(\"name\")`";

/// A struct or variant without fields.
pub(crate) const DERIVE_NO_FIELDS: &str =
    "cannot derive a Python conversion for a type or variant without fields; add a field or \
     convert it by hand";

/// An enum without variants.
pub(crate) const DERIVE_EMPTY_ENUM: &str = "cannot derive a Python conversion for an empty enum";

/// A union.
pub(crate) const DERIVE_UNION: &str = "cannot derive a Python conversion for a union";

/// `transparent` on more or fewer than one field.
pub(crate) const DERIVE_TRANSPARENT_ONE_FIELD: &str =
    "`transparent` needs exactly one field, which stands for the whole Python object";

/// `transparent`/`from_item_all` on an enum itself.
pub(crate) const DERIVE_ENUM_CONTAINER_OPTION: &str =
    "`transparent` and `from_item_all` go on an enum's variants, not on the enum";

/// `item`/`attribute` on a tuple field.
pub(crate) const DERIVE_ACCESS_ON_UNNAMED: &str =
    "`item` and `attribute` apply to named fields of a non-transparent struct; tuple fields \
     are taken from a tuple by position";

/// `default` on a tuple or transparent field.
pub(crate) const DERIVE_DEFAULT_ON_UNNAMED: &str =
    "`default` applies to named fields looked up by attribute or item";

// ---- `#[pyclass]` ----

/// Generic or lifetime parameters on a class.
pub(crate) const PYCLASS_GENERIC: &str =
    "`#[pyclass]` cannot have generic or lifetime parameters: Python sees one class per Rust \
     type; write a concrete struct (or one `#[pyclass]` newtype per instantiation)";

/// `rename_all` with an unknown rule.
pub(crate) fn unknown_rename_rule(rule: &str) -> String {
    format!(
        "unknown `rename_all` rule `{rule}`; expected one of `camelCase`, `kebab-case`, \
         `lowercase`, `PascalCase`, `SCREAMING-KEBAB-CASE`, `SCREAMING_SNAKE_CASE`, \
         `snake_case`, `UPPERCASE`"
    )
}

/// `set` on a field of a `frozen` class.
pub(crate) const SET_ON_FROZEN: &str =
    "a `frozen` class cannot have setters: its values are never borrowed mutably; remove \
     `set`, or remove `frozen` from the `#[pyclass]`";

/// `get`/`set` on a tuple struct field without `name`.
pub(crate) const TUPLE_FIELD_WITHOUT_NAME: &str =
    "`get` and `set` on a tuple struct field need a property name: \
     `#[pyo3(get, name = \"value\")]`";

/// `str = "..."` together with `name`, `rename_all` or a renamed field.
pub(crate) const STR_FORMAT_WITH_RENAMING: &str =
    "The format string syntax is incompatible with any renaming via `name` or `rename_all`: \
     write `str` alone and implement `Display`, or drop the renaming";

/// `str = "..."` on an enum.
pub(crate) const STR_FORMAT_ON_ENUM: &str = "The format string syntax cannot be used with enums: \
     write `str` alone and implement `Display` for the enum";

/// `hash` without `frozen`.
pub(crate) const HASH_WITHOUT_FROZEN: &str =
    "the `hash` option requires `frozen`: a hash must not change while the object is alive; \
     write `#[pyclass(frozen, eq, hash)]`";

/// `hash` without `eq`.
pub(crate) const HASH_WITHOUT_EQ: &str =
    "the `hash` option requires `eq`: objects that are equal must have equal hashes; write \
     `#[pyclass(frozen, eq, hash)]`";

/// `ord` without `eq`.
pub(crate) const ORD_WITHOUT_EQ: &str =
    "the `ord` option requires `eq`: write `#[pyclass(eq, ord)]`";

/// A unit variant among variants with fields.
pub(crate) fn unit_variant_in_complex_enum(variant: &syn::Ident) -> String {
    format!(
        "a `#[pyclass]` enum with fields cannot also have unit variants; write `{variant}()` \
         (an empty tuple variant) instead"
    )
}

/// `constructor` on a variant of a simple enum.
pub(crate) const CONSTRUCTOR_ON_SIMPLE_VARIANT: &str =
    "`constructor` only applies to variants with fields: the variants of a simple enum are \
     class attributes and are not constructed from Python";

/// An enum without variants.
pub(crate) const PYCLASS_EMPTY_ENUM: &str = "a `#[pyclass]` enum needs at least one variant";

/// `eq_int` without `eq`.
pub(crate) const EQ_INT_WITHOUT_EQ: &str =
    "the `eq_int` option requires `eq`: write `#[pyclass(eq, eq_int)]`";

/// A struct-only option on an enum.
pub(crate) fn option_not_for_enum(option: &str) -> String {
    format!("`{option}` cannot be used on a `#[pyclass]` enum")
}

/// `#[pyclass]` on something other than a struct or enum.
pub(crate) const PYCLASS_WRONG_ITEM: &str =
    "`#[pyclass]` can only be used on a struct (or an enum)";

// ---- `#[pymethods]` ----

/// `#[pymethods]` on something other than an inherent `impl`.
pub(crate) const PYMETHODS_NOT_IMPL: &str =
    "`#[pymethods]` can only be used on an `impl` block of a `#[pyclass]`";

/// `#[pymethods]` on a trait impl or a generic impl.
pub(crate) const PYMETHODS_TRAIT_OR_GENERIC: &str =
    "`#[pymethods]` can only be used on an inherent, non-generic `impl` block: \
     `impl MyClass { ... }`";

/// Two `#[new]` methods.
pub(crate) const TWO_CONSTRUCTORS: &str =
    "a class can have only one `#[new]` method; remove this one or merge the two";

/// A receiver where the method kind has none.
pub(crate) fn unexpected_receiver(kind: &str) -> String {
    format!("{kind} has no `self`: remove the receiver, or remove the attribute to make an instance method")
}

/// An instance method without a receiver.
pub(crate) const MISSING_RECEIVER: &str =
    "an instance method needs a receiver: `&self`, `&mut self`, or `slf: PyRef<'_, Self>`; \
     for a method without one, add `#[staticmethod]`";

/// `#[classmethod]` without a `cls` parameter.
pub(crate) const CLASSMETHOD_WITHOUT_CLS: &str =
    "a `#[classmethod]` takes the class as its first parameter: `cls: &Bound<'_, PyType>`";

/// A magic method with the wrong number of arguments.
pub(crate) fn magic_arity(name: &str, expected: &str, found: usize) -> String {
    let plural = if expected == "1" { "" } else { "s" };
    format!("`{name}` takes {expected} argument{plural} besides `self` (found {found})")
}

/// Several method-kind attributes on one method.
pub(crate) const CONFLICTING_METHOD_KINDS: &str =
    "only one of `#[new]`, `#[getter]`, `#[setter]`, `#[classmethod]`, `#[staticmethod]` and \
     `#[classattr]` may be used on a method";

/// `async fn` in `#[pymethods]`.
pub(crate) const ASYNC_METHOD: &str = ASYNC_FN;

/// `async fn` on a method kind that is not called like a function.
pub(crate) const ASYNC_SPECIAL_METHOD: &str =
    "`async fn` is supported for instance, class and static methods only, not for \
     constructors, class attributes, getters, setters or magic methods";

/// `#[pyo3(cancel_handle)]` on a parameter of a synchronous function.
pub(crate) const CANCEL_HANDLE_WITHOUT_ASYNC: &str =
    "`cancel_handle` attribute can only be used with `async fn`";

/// Two `#[pyo3(cancel_handle)]` parameters.
pub(crate) const CANCEL_HANDLE_TWICE: &str = "`cancel_handle` may only be specified once";

/// `#[pyo3(cancel_handle, from_py_with = ...)]`.
pub(crate) const CANCEL_HANDLE_WITH_FROM_PY_WITH: &str =
    "`from_py_with` and `cancel_handle` cannot be specified together";
