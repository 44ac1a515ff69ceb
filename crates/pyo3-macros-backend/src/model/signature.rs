//! The resolved parameter list of a `#[pyfunction]`: for each Python argument, its role
//! (positional, keyword-only, `*args`, `**kwargs`) and default, from `signature = (...)`
//! or, without one, every parameter positional and required.
//!
//! Built after `check.rs` has validated the signature, so nothing here reports errors:
//! entries naming no parameter are simply skipped.

use crate::model::function::FunctionSpec;
use crate::parse::signature::SignatureItem;
use syn::Expr;

/// How one Python argument is passed.
pub(crate) enum Role {
    /// By position or keyword (or by position only, before `/`); `slot` indexes the
    /// runtime's output array.
    Positional { slot: usize, default: Option<Expr> },
    /// By keyword only (after `*` or `*args`).
    KeywordOnly { slot: usize, default: Option<Expr> },
    /// `*args`: the tuple of extra positional arguments.
    VarArgs,
    /// `**kwargs`: the dict of extra keyword arguments, or `None`.
    KwArgs,
}

/// The parameter table of a function, in the order of its Python arguments.
pub(crate) struct ResolvedSignature {
    /// One role per Python argument (`FunctionSpec::arguments`), in order.
    pub(crate) roles: Vec<Role>,
    /// Names by position: positional parameters, then keyword-only ones.
    pub(crate) positional: Vec<String>,
    /// How many leading positional parameters come before `/`.
    pub(crate) positional_only: usize,
    /// How many leading positional parameters have no default.
    pub(crate) required_positional: usize,
    /// Keyword-only parameters and whether each is required.
    pub(crate) keyword_only: Vec<(String, bool)>,
    /// Whether there is `*args`, and under which name.
    pub(crate) varargs: Option<String>,
    /// Whether there is `**kwargs`, and under which name.
    pub(crate) kwargs: Option<String>,
}

impl ResolvedSignature {
    /// Resolves `spec`'s parameters against its (validated) signature.
    pub(crate) fn resolve(spec: &FunctionSpec) -> ResolvedSignature {
        let names: Vec<&str> = spec.arguments().map(|p| p.python_name.as_str()).collect();
        let mut resolved = ResolvedSignature {
            roles: Vec::with_capacity(names.len()),
            positional: Vec::new(),
            positional_only: 0,
            required_positional: 0,
            keyword_only: Vec::new(),
            varargs: None,
            kwargs: None,
        };
        let Some(signature) = &spec.signature else {
            for name in names {
                resolved.push_positional(name, None);
            }
            return resolved;
        };
        let mut star = false;
        for item in &signature.items {
            match item {
                SignatureItem::Param { name, default } => {
                    let name = crate::model::python_name_of(name);
                    if !names.contains(&name.as_str()) {
                        continue;
                    }
                    if star {
                        let slot = resolved.keyword_only.len();
                        resolved
                            .keyword_only
                            .push((name.clone(), default.is_none()));
                        resolved.roles.push(Role::KeywordOnly {
                            slot,
                            default: default.clone(),
                        });
                    } else {
                        resolved.push_positional(&name, default.clone());
                    }
                }
                SignatureItem::Slash(_) => resolved.positional_only = resolved.positional.len(),
                SignatureItem::Star(_) => star = true,
                SignatureItem::VarArgs(_, name) => {
                    star = true;
                    resolved.varargs = Some(crate::model::python_name_of(name));
                    resolved.roles.push(Role::VarArgs);
                }
                SignatureItem::KwArgs(_, name) => {
                    resolved.kwargs = Some(crate::model::python_name_of(name));
                    resolved.roles.push(Role::KwArgs);
                }
            }
        }
        // Keyword-only slots follow the positional ones in the runtime's output array.
        let npos = resolved.positional.len();
        for role in &mut resolved.roles {
            if let Role::KeywordOnly { slot, .. } = role {
                *slot += npos;
            }
        }
        resolved
    }

    fn push_positional(&mut self, name: &str, default: Option<Expr>) {
        let slot = self.positional.len();
        if default.is_none() {
            self.required_positional = slot + 1;
        }
        self.positional.push(name.to_owned());
        self.roles.push(Role::Positional { slot, default });
    }

    /// The number of argument slots the runtime fills.
    pub(crate) fn slots(&self) -> usize {
        self.positional.len() + self.keyword_only.len()
    }

    /// The parameter list as `__text_signature__` shows it, e.g.
    /// `(a, b=1, /, c=None, *args, d, e=..., **kwargs)`: defaults that are plain literals
    /// (`None`, `true`/`false`, numbers, simple strings) in Python spelling, others as
    /// `...`.
    pub(crate) fn text_signature(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut positional = self.positional.iter();
        let mut keyword_only = self.keyword_only.iter();
        for role in &self.roles {
            match role {
                Role::Positional { default, .. } => {
                    let name = positional.next().map_or("", String::as_str);
                    parts.push(with_default(name, default.as_ref()));
                    if self.positional_only > 0 && parts.len() == self.positional_only {
                        parts.push("/".to_owned());
                    }
                }
                Role::KeywordOnly { default, .. } => {
                    let name = keyword_only.next().map_or("", |(name, _)| name.as_str());
                    if self.varargs.is_none() && !parts.iter().any(|p| p == "*") {
                        parts.push("*".to_owned());
                    }
                    parts.push(with_default(name, default.as_ref()));
                }
                Role::VarArgs => {
                    parts.push(format!("*{}", self.varargs.as_deref().unwrap_or("args")));
                }
                Role::KwArgs => {
                    parts.push(format!("**{}", self.kwargs.as_deref().unwrap_or("kwargs")));
                }
            }
        }
        format!("({})", parts.join(", "))
    }
}

fn with_default(name: &str, default: Option<&Expr>) -> String {
    match default {
        None => name.to_owned(),
        Some(expr) => format!("{name}={}", python_default(expr)),
    }
}

/// The Python spelling of a default value, or `...` where there is no simple one.
fn python_default(expr: &Expr) -> String {
    match expr {
        Expr::Path(path) if path.qself.is_none() && path.path.is_ident("None") => "None".to_owned(),
        Expr::Lit(lit) => match &lit.lit {
            syn::Lit::Bool(b) => if b.value { "True" } else { "False" }.to_owned(),
            syn::Lit::Int(int) => int.base10_digits().to_owned(),
            syn::Lit::Float(float) => float.base10_digits().to_owned(),
            syn::Lit::Str(text) => {
                let value = text.value();
                let simple = value
                    .chars()
                    .all(|c| c.is_ascii_graphic() && c != '\\' && c != '\'' || c == ' ');
                if simple {
                    format!("'{value}'")
                } else {
                    "...".to_owned()
                }
            }
            _ => "...".to_owned(),
        },
        Expr::Paren(inner) => python_default(&inner.expr),
        Expr::Group(inner) => python_default(&inner.expr),
        _ => "...".to_owned(),
    }
}
