//! The options of one macro invocation, merged from the macro's arguments and every
//! `#[pyo3(...)]` on the item, with duplicates and misplaced options reported.

use crate::diagnostics;
use crate::errors::Errors;
use crate::parse::options::{PyO3Option, TextSignatureValue};
use crate::parse::signature::SignatureAst;
use proc_macro2::Span;

/// Which macro the options were given to; each accepts its own subset.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum MacroKind {
    /// `#[pyfunction]`.
    PyFunction,
    /// `#[pymodule]`.
    PyModule,
    /// `#[pyclass]` (and `#[pyo3(...)]` on the struct).
    PyClass,
    /// `#[pyo3(...)]` on a field of a `#[pyclass]` struct.
    Field,
    /// `#[pyo3(...)]` on a method of a `#[pymethods]` block.
    Method,
    /// `#[pyo3(...)]` on a variant of a `#[pyclass]` enum.
    Variant,
}

impl MacroKind {
    /// The attribute's name, for messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            MacroKind::PyFunction => crate::parse::PYFUNCTION,
            MacroKind::PyModule => crate::parse::PYMODULE,
            MacroKind::PyClass => crate::parse::PYCLASS,
            MacroKind::Field => "pyclass field",
            MacroKind::Method => "pymethods method",
            MacroKind::Variant => "pyclass enum variant",
        }
    }

    fn accepts(self, keyword: &str) -> bool {
        self.accepted().contains(&keyword)
    }

    /// The option keywords this macro takes, in the order messages list them.
    fn accepted(self) -> &'static [&'static str] {
        match self {
            MacroKind::PyFunction => &[
                "name",
                "crate",
                "text_signature",
                "signature",
                "pass_module",
            ],
            MacroKind::PyModule => &["name", "crate", "submodule", "module", "gil_used"],
            MacroKind::PyClass => &[
                "name",
                "crate",
                "module",
                "extends",
                "freelist",
                "rename_all",
                "str",
                "subclass",
                "frozen",
                "dict",
                "weakref",
                "unsendable",
                "get_all",
                "set_all",
                "eq",
                "eq_int",
                "ord",
                "hash",
                "mapping",
                "sequence",
                "immutable_type",
                "skip_from_py_object",
                "from_py_object",
                "generic",
            ],
            MacroKind::Field => &["get", "set", "name"],
            MacroKind::Method => &["name", "signature", "text_signature"],
            MacroKind::Variant => &["name", "constructor"],
        }
    }
}

/// What `__text_signature__` a function gets.
#[derive(Clone)]
pub(crate) enum TextSignature {
    /// Derived from the parameters (the default).
    Auto,
    /// Written by the user, e.g. `"(a, b, /)"`.
    Custom(String),
    /// `text_signature = None`: none at all.
    Disabled,
}

/// The validated options of one macro invocation.
pub(crate) struct Options {
    /// `name = "..."`: the Python-visible name, and where it was written.
    pub(crate) name: Option<(String, Span)>,
    /// `crate = "..."`: the path generated code uses to reach the runtime.
    pub(crate) krate: Option<syn::Path>,
    /// `text_signature = ...`.
    pub(crate) text_signature: TextSignature,
    /// `signature = (...)`, checked against the parameters in `check.rs`.
    pub(crate) signature: Option<SignatureAst>,
    /// `pass_module`, and where it was written.
    pub(crate) pass_module: Option<Span>,
    /// `submodule`: no `PyInit_` export symbol.
    pub(crate) submodule: bool,
    /// `module = "..."`: the module a submodule claims to live in (stored, not used yet).
    pub(crate) module: Option<String>,
    /// `gil_used = ...` (a module's Py_mod_gil on free-threaded builds).
    pub(crate) gil_used: Option<bool>,
    /// `extends = Base`.
    pub(crate) extends: Option<syn::Path>,
    /// `freelist = N` (accepted; instances are allocated by CPython's allocator, which keeps
    /// its own free lists).
    pub(crate) freelist: Option<syn::Expr>,
    /// `rename_all = "..."`.
    pub(crate) rename_all: Option<(String, Span)>,
    /// `str` / `str = "..."`.
    pub(crate) str_format: Option<(Option<syn::LitStr>, Span)>,
    /// Bare flags (`subclass`, `frozen`, `get`, ...) and where each was written.
    pub(crate) flags: Vec<(&'static str, Span)>,
    /// `constructor = (...)` of a complex enum variant.
    pub(crate) constructor: Option<proc_macro2::Group>,
}

impl Options {
    /// Where the bare flag `name` was written, if it was.
    pub(crate) fn flag(&self, name: &str) -> Option<Span> {
        self.flags
            .iter()
            .find(|(flag, _)| *flag == name)
            .map(|(_, span)| *span)
    }

    /// Merges `list` for the macro `kind`, reporting options it does not accept, options
    /// given twice and values that cannot be used.
    pub(crate) fn collect(kind: MacroKind, list: Vec<PyO3Option>, errors: &mut Errors) -> Options {
        let mut options = Options {
            name: None,
            krate: None,
            text_signature: TextSignature::Auto,
            signature: None,
            pass_module: None,
            submodule: false,
            module: None,
            gil_used: None,
            extends: None,
            freelist: None,
            rename_all: None,
            str_format: None,
            flags: Vec::new(),
            constructor: None,
        };
        let mut seen: Vec<&'static str> = Vec::new();
        for option in list {
            if let PyO3Option::Unknown(found) = &option {
                errors.at(
                    found.span(),
                    diagnostics::unknown_option(found, kind.accepted()),
                );
                continue;
            }
            let keyword = option.keyword();
            if !kind.accepts(keyword) {
                errors.at(
                    option.span(),
                    diagnostics::option_not_for(keyword, kind.name()),
                );
                continue;
            }
            // `#[pymodule]` marks nested modules with `submodule`, which the user may also
            // have written; a repeated flag means the same thing, so it is not an error.
            if seen.contains(&keyword) && !matches!(option, PyO3Option::Submodule(_)) {
                errors.at(option.span(), diagnostics::duplicate_option(keyword));
                continue;
            }
            seen.push(keyword);
            match option {
                PyO3Option::Name(_, value) => {
                    let name = value.value();
                    if !crate::model::is_python_identifier(&name) {
                        errors.at(value.span(), diagnostics::invalid_python_name(&name));
                    } else if kind == MacroKind::PyModule
                        && !name.bytes().all(|b| b == b'_' || b.is_ascii_alphanumeric())
                    {
                        errors.at(value.span(), diagnostics::module_name_not_ascii(&name));
                    }
                    options.name = Some((name, value.span()));
                }
                PyO3Option::Crate(_, value) => match value.parse::<syn::Path>() {
                    Ok(path) => options.krate = Some(path),
                    Err(_) => errors.at(value.span(), diagnostics::INVALID_CRATE_PATH),
                },
                PyO3Option::TextSignature(_, TextSignatureValue::Text(text)) => {
                    options.text_signature = TextSignature::Custom(text.value());
                }
                PyO3Option::TextSignature(_, TextSignatureValue::Disabled) => {
                    options.text_signature = TextSignature::Disabled;
                }
                PyO3Option::Signature(_, signature) => options.signature = Some(signature),
                PyO3Option::PassModule(key) => options.pass_module = Some(key.span),
                PyO3Option::Submodule(_) => options.submodule = true,
                PyO3Option::Module(_, value) => options.module = Some(value.value()),
                PyO3Option::GilUsed(_, value) => options.gil_used = Some(value.value),
                PyO3Option::Extends(_, path) => options.extends = Some(path),
                PyO3Option::Freelist(_, value) => options.freelist = Some(value),
                PyO3Option::RenameAll(_, value) => {
                    options.rename_all = Some((value.value(), value.span()));
                }
                PyO3Option::Str(key, format) => options.str_format = Some((format, key.span)),
                PyO3Option::Flag(name, span) => options.flags.push((name, span)),
                PyO3Option::Constructor(_, group) => options.constructor = Some(group),
                PyO3Option::Unknown(_) => {}
            }
        }
        options
    }
}
