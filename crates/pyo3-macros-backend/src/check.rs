//! Front end, step three: rules that relate several parts of the input to each other, and
//! the line between what is valid PyO3 and what this implementation emits so far.
//!
//! Runs after the models are built and before anything is emitted.

use crate::diagnostics;
use crate::errors::Errors;
use crate::model::doc::Doc;
use crate::model::function::{FunctionSpec, ParamKind};
use crate::model::module::{ModuleBody, ModuleSpec};
use crate::model::options::Options;
use crate::parse::signature::{SignatureAst, SignatureItem};
use syn::Ident;

/// Checks a `#[pyfunction]` against its options.
pub(crate) fn pyfunction(spec: &FunctionSpec, options: &Options, errors: &mut Errors) {
    if let Some(signature) = &options.signature {
        signature_matches(spec, signature, errors);
    }
    doc_has_no_nul(&spec.doc, errors);
}

/// Checks a `#[pymodule]`.
pub(crate) fn pymodule(spec: &ModuleSpec, errors: &mut Errors) {
    if let ModuleBody::Declarative { inits, .. } = &spec.body {
        if let [first, second, ..] = inits.as_slice() {
            let mut error = syn::Error::new(second.span(), diagnostics::PYMODULE_TWO_INIT_FNS);
            error.combine(syn::Error::new(
                first.span(),
                diagnostics::PYMODULE_FIRST_INIT_FN,
            ));
            errors.push(error);
        }
    }
    doc_has_no_nul(&spec.doc, errors);
}

fn doc_has_no_nul(doc: &Doc, errors: &mut Errors) {
    if doc.text().is_some_and(|text| text.contains('\0')) {
        errors.at(doc.span, diagnostics::DOC_CONTAINS_NUL);
    }
}

/// Checks `signature = (...)` against the function's parameters: every parameter that takes
/// a Python argument appears once, in order, and separators obey Python's grammar.
///
fn signature_matches(spec: &FunctionSpec, signature: &SignatureAst, errors: &mut Errors) {
    let expected: Vec<&str> = spec
        .arguments()
        .map(|param| param.python_name.as_str())
        .collect();
    let tokens: Vec<&str> = spec
        .params
        .iter()
        .filter(|param| param.kind != ParamKind::Argument)
        .map(|param| param.python_name.as_str())
        .collect();
    // Each parameter may be matched once; only the first ordering mistake is reported, since
    // one misplaced entry would otherwise make every later entry look misplaced too.
    let mut used = vec![false; expected.len()];
    let mut order_reported = false;
    let mut matches_param = |name: &Ident, errors: &mut Errors| {
        let found = crate::model::python_name_of(name);
        let Some(index) = expected.iter().position(|e| *e == found) else {
            if tokens.contains(&found.as_str()) {
                errors.at(
                    name.span(),
                    diagnostics::signature_lists_python_token(&found),
                );
            } else {
                errors.at(
                    name.span(),
                    diagnostics::signature_unknown_parameter(&found),
                );
            }
            return;
        };
        if used[index] {
            errors.at(name.span(), diagnostics::signature_duplicate_entry(&found));
            return;
        }
        let first_unused = used.iter().position(|u| !u).unwrap_or(index);
        if first_unused != index && !order_reported {
            order_reported = true;
            errors.at(
                name.span(),
                diagnostics::signature_out_of_order(expected[first_unused], &found),
            );
        }
        used[index] = true;
    };

    let (mut slash, mut star, mut kwargs, mut defaulted) = (false, false, false, false);
    for item in &signature.items {
        if kwargs {
            errors.at(
                item.span(),
                diagnostics::signature_misplaced(
                    "**kwargs",
                    diagnostics::SIGNATURE_RULE_KWARGS_LAST,
                ),
            );
        }
        match item {
            SignatureItem::Param { name, default } => {
                matches_param(name, errors);
                if default.is_some() {
                    defaulted |= !star;
                } else if defaulted && !star {
                    errors.at(
                        name.span(),
                        diagnostics::signature_required_after_default(&name.to_string()),
                    );
                }
            }
            SignatureItem::Slash(token) => {
                if slash {
                    errors.at(
                        token.span,
                        diagnostics::signature_misplaced(
                            "/",
                            diagnostics::SIGNATURE_RULE_ONE_SLASH,
                        ),
                    );
                } else if star {
                    errors.at(
                        token.span,
                        diagnostics::signature_misplaced(
                            "/",
                            diagnostics::SIGNATURE_RULE_SLASH_BEFORE_STAR,
                        ),
                    );
                }
                slash = true;
            }
            SignatureItem::Star(token) => {
                if star {
                    errors.at(
                        token.span,
                        diagnostics::signature_misplaced("*", diagnostics::SIGNATURE_RULE_ONE_STAR),
                    );
                }
                star = true;
            }
            SignatureItem::VarArgs(token, name) => {
                if star {
                    errors.at(
                        token.span,
                        diagnostics::signature_misplaced("*", diagnostics::SIGNATURE_RULE_ONE_STAR),
                    );
                }
                star = true;
                matches_param(name, errors);
            }
            SignatureItem::KwArgs(_, name) => {
                kwargs = true;
                matches_param(name, errors);
            }
        }
    }
    let missing = expected.iter().zip(&used).filter(|(_, used)| !**used);
    for (name, _) in missing {
        errors.at(
            signature.span,
            diagnostics::signature_missing_parameter(name),
        );
    }
}
