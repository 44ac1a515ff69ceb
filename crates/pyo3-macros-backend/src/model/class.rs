//! The model of a `#[pyclass]` struct: its Python name and module, the options that shape
//! the object (base class, `frozen`, `dict`, ...), the trait-derived slots (`eq`, `hash`,
//! ...) and the fields exposed as properties.

use crate::diagnostics;
use crate::errors::Errors;
use crate::model::doc::Doc;
use crate::model::options::{MacroKind, Options};
use crate::parse::options::take_pyo3_options;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Fields, Ident, ItemStruct, LitStr, Member, Type};

/// A validated `#[pyclass]`.
pub(crate) struct ClassSpec {
    /// The Rust type's name.
    pub(crate) ident: Ident,
    /// The Rust type's visibility (shared by generated companion types).
    pub(crate) vis: syn::Visibility,
    /// The name Python sees (`__name__`, `__qualname__`).
    pub(crate) python_name: String,
    /// `module = "..."`: the module in `__module__`.
    pub(crate) module: Option<String>,
    /// The `///` documentation.
    pub(crate) doc: Doc,
    /// `extends = Base`.
    pub(crate) extends: Option<syn::Path>,
    /// Flags that shape the type object and the layout.
    pub(crate) subclass: bool,
    pub(crate) frozen: bool,
    pub(crate) dict: bool,
    pub(crate) weakref: bool,
    pub(crate) unsendable: bool,
    pub(crate) mapping: bool,
    pub(crate) sequence: bool,
    pub(crate) immutable_type: bool,
    pub(crate) skip_from_py_object: bool,
    /// Slots derived from Rust traits, and where each was asked for.
    pub(crate) eq: Option<Span>,
    pub(crate) ord: Option<Span>,
    pub(crate) hash: Option<Span>,
    /// `str` (from `Display`) or `str = "format {field}"`.
    pub(crate) str_format: Option<(Option<LitStr>, Span)>,
    /// The fields with `get` and/or `set`.
    pub(crate) fields: Vec<FieldSpec>,
    /// `generic`: `__class_getitem__` makes `Class[int]` a `types.GenericAlias`.
    pub(crate) generic: bool,
    /// `eq_int`: a simple enum also compares equal to its discriminant.
    pub(crate) eq_int: Option<Span>,
    /// For a simple (fieldless) enum: its variants.
    pub(crate) variants: Option<Vec<VariantSpec>>,
    /// For a complex enum (variants with fields): its variants, each a subclass.
    pub(crate) complex_variants: Option<Vec<ComplexVariantSpec>>,
}

/// A variant of a complex enum: a subclass of the enum class with the variant's fields.
pub(crate) struct ComplexVariantSpec {
    /// The Rust variant.
    pub(crate) ident: Ident,
    /// The class attribute naming the subclass.
    pub(crate) python_name: String,
    /// Named (`{ a: T }`) or positional (`(T, U)`) fields.
    pub(crate) named: bool,
    /// The fields: property name (`a`, or `_0`, `_1`, ...) and type.
    pub(crate) fields: Vec<(Ident, Type)>,
    /// `constructor = (...)`: the subclass's `__new__` signature.
    pub(crate) constructor: Option<proc_macro2::Group>,
}

/// A variant of a simple enum, a class attribute of the enum class.
pub(crate) struct VariantSpec {
    /// The Rust variant.
    pub(crate) ident: Ident,
    /// The class attribute's name.
    pub(crate) python_name: String,
    /// The variant's `#[cfg(...)]`s.
    pub(crate) cfgs: Vec<syn::Attribute>,
}

/// A field exposed as a property.
pub(crate) struct FieldSpec {
    /// `self.<member>`.
    pub(crate) member: Member,
    /// The field's type.
    pub(crate) ty: Type,
    /// The property name.
    pub(crate) python_name: String,
    /// Whether it has a getter / a setter.
    pub(crate) get: bool,
    pub(crate) set: bool,
    /// The field's `///` documentation (the property's `__doc__`).
    pub(crate) doc: Doc,
    /// Where errors about the field point.
    pub(crate) span: Span,
}

impl ClassSpec {
    /// Reads the struct, removing the `#[pyo3(...)]` attributes of its fields.
    pub(crate) fn build(
        item: &mut ItemStruct,
        options: &Options,
        errors: &mut Errors,
    ) -> ClassSpec {
        if !item.generics.params.is_empty() {
            errors.spanned(&item.generics, diagnostics::PYCLASS_GENERIC);
        }
        let rename_all = rename_rule(options, errors);
        let get_all = options.flag("get_all").is_some();
        let set_all = options.flag("set_all").is_some();
        let frozen = options.flag("frozen").is_some();
        let mut fields = Vec::new();
        let mut field_renamed = false;
        let named = matches!(item.fields, Fields::Named(_));
        for (index, field) in item.fields.iter_mut().enumerate() {
            let list = take_pyo3_options(&mut field.attrs, errors);
            let field_options = Options::collect(MacroKind::Field, list, errors);
            field_renamed |= field_options.name.is_some();
            let get = get_all || field_options.flag("get").is_some();
            let set = set_all || field_options.flag("set").is_some();
            if !get && !set {
                continue;
            }
            if frozen && set {
                let span = field_options.flag("set").unwrap_or_else(|| field.span());
                errors.at(span, diagnostics::SET_ON_FROZEN);
            }
            let member = match &field.ident {
                Some(ident) => Member::Named(ident.clone()),
                None => Member::Unnamed(syn::Index::from(index)),
            };
            let python_name = match (&field_options.name, &field.ident) {
                (Some((name, _)), _) => name.clone(),
                (None, Some(ident)) => {
                    let name = crate::model::python_name_of(ident);
                    match rename_all {
                        Some(rule) => rule.apply(&name),
                        None => name,
                    }
                }
                (None, None) => {
                    errors.spanned(&*field, diagnostics::TUPLE_FIELD_WITHOUT_NAME);
                    String::new()
                }
            };
            let _ = named;
            fields.push(FieldSpec {
                member,
                ty: field.ty.clone(),
                python_name,
                get,
                set,
                doc: Doc::from_attrs(&field.attrs, field.span()),
                span: field.ty.span(),
            });
        }
        // `str = "..."` names fields by their Rust names: renaming would make it ambiguous.
        if let Some((Some(format), _)) = &options.str_format {
            if options.name.is_some() || rename_all.is_some() || field_renamed {
                errors.spanned(format, diagnostics::STR_FORMAT_WITH_RENAMING);
            }
        }
        let python_name = match &options.name {
            Some((name, _)) => name.clone(),
            None => crate::model::python_name_of(&item.ident),
        };
        let spec = ClassSpec {
            ident: item.ident.clone(),
            vis: item.vis.clone(),
            python_name,
            module: options.module.clone(),
            doc: Doc::from_attrs(&item.attrs, item.ident.span()),
            extends: options.extends.clone(),
            subclass: options.flag("subclass").is_some(),
            frozen,
            dict: options.flag("dict").is_some(),
            weakref: options.flag("weakref").is_some(),
            unsendable: options.flag("unsendable").is_some(),
            mapping: options.flag("mapping").is_some(),
            sequence: options.flag("sequence").is_some(),
            immutable_type: options.flag("immutable_type").is_some(),
            skip_from_py_object: options.flag("skip_from_py_object").is_some(),
            eq: options.flag("eq"),
            ord: options.flag("ord"),
            hash: options.flag("hash"),
            str_format: options.str_format.clone(),
            fields,
            generic: options.flag("generic").is_some(),
            eq_int: options.flag("eq_int"),
            variants: None,
            complex_variants: None,
        };
        spec.check_derived_slots(errors);
        spec
    }

    /// The rules relating the trait-derived options: `hash` needs `frozen` and `eq`; `ord`
    /// needs `eq`; on enums, `eq_int` needs `eq`.
    fn check_derived_slots(&self, errors: &mut Errors) {
        if let Some(span) = self.hash {
            if !self.frozen {
                errors.at(span, diagnostics::HASH_WITHOUT_FROZEN);
            }
            if self.eq.is_none() {
                errors.at(span, diagnostics::HASH_WITHOUT_EQ);
            }
        }
        if let Some(span) = self.ord {
            if self.eq.is_none() {
                errors.at(span, diagnostics::ORD_WITHOUT_EQ);
            }
        }
        let is_enum = self.variants.is_some() || self.complex_variants.is_some();
        if let (Some(span), true) = (self.eq_int, is_enum) {
            if self.eq.is_none() {
                errors.at(span, diagnostics::EQ_INT_WITHOUT_EQ);
            }
        }
    }
}

impl ClassSpec {
    /// Reads a simple enum (every variant without fields), removing the `#[pyo3(...)]`
    /// attributes of its variants.
    pub(crate) fn build_enum(
        item: &mut syn::ItemEnum,
        options: &Options,
        errors: &mut Errors,
    ) -> ClassSpec {
        if !item.generics.params.is_empty() {
            errors.spanned(&item.generics, diagnostics::PYCLASS_GENERIC);
        }
        if item.variants.is_empty() {
            errors.spanned(&item.ident, diagnostics::PYCLASS_EMPTY_ENUM);
        }
        let rename_all = rename_rule(options, errors);
        let complex = item
            .variants
            .iter()
            .any(|variant| !matches!(variant.fields, Fields::Unit));
        let mut variants = Vec::new();
        let mut complex_variants = Vec::new();
        for variant in &mut item.variants {
            let list = take_pyo3_options(&mut variant.attrs, errors);
            let variant_options = Options::collect(MacroKind::Variant, list, errors);
            if complex {
                if matches!(variant.fields, Fields::Unit) {
                    errors.spanned(
                        &variant.ident,
                        diagnostics::unit_variant_in_complex_enum(&variant.ident),
                    );
                    continue;
                }
                let named = matches!(variant.fields, Fields::Named(_));
                let fields = variant
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(index, field)| {
                        let name = match &field.ident {
                            Some(ident) => ident.clone(),
                            None => quote::format_ident!("_{}", index),
                        };
                        (name, field.ty.clone())
                    })
                    .collect();
                complex_variants.push(ComplexVariantSpec {
                    ident: variant.ident.clone(),
                    python_name: match &variant_options.name {
                        Some((name, _)) => name.clone(),
                        None => crate::model::python_name_of(&variant.ident),
                    },
                    named,
                    fields,
                    constructor: variant_options.constructor.clone(),
                });
                continue;
            }
            if let Some(group) = &variant_options.constructor {
                errors.spanned(group, diagnostics::CONSTRUCTOR_ON_SIMPLE_VARIANT);
            }
            let python_name = match (&variant_options.name, rename_all) {
                (Some((name, _)), _) => name.clone(),
                (None, Some(rule)) => rule.apply(&crate::model::python_name_of(&variant.ident)),
                (None, None) => crate::model::python_name_of(&variant.ident),
            };
            variants.push(VariantSpec {
                ident: variant.ident.clone(),
                python_name,
                cfgs: variant
                    .attrs
                    .iter()
                    .filter(|attr| crate::parse::is_exactly(attr, crate::parse::CFG))
                    .cloned()
                    .collect(),
            });
        }
        let python_name = match &options.name {
            Some((name, _)) => name.clone(),
            None => crate::model::python_name_of(&item.ident),
        };
        if let Some((Some(format), _)) = &options.str_format {
            errors.spanned(format, diagnostics::STR_FORMAT_ON_ENUM);
        }
        for flag in ["get_all", "set_all", "dict", "mapping", "sequence"] {
            if let Some(span) = options.flag(flag) {
                errors.at(span, diagnostics::option_not_for_enum(flag));
            }
        }
        let mut spec = ClassSpec {
            ident: item.ident.clone(),
            vis: item.vis.clone(),
            python_name,
            module: options.module.clone(),
            doc: Doc::from_attrs(&item.attrs, item.ident.span()),
            extends: None,
            subclass: options.flag("subclass").is_some(),
            frozen: options.flag("frozen").is_some(),
            dict: false,
            weakref: options.flag("weakref").is_some(),
            unsendable: options.flag("unsendable").is_some(),
            mapping: false,
            sequence: false,
            immutable_type: options.flag("immutable_type").is_some(),
            skip_from_py_object: options.flag("skip_from_py_object").is_some(),
            eq: options.flag("eq"),
            ord: options.flag("ord"),
            hash: options.flag("hash"),
            str_format: options.str_format.clone(),
            fields: Vec::new(),
            generic: options.flag("generic").is_some(),
            eq_int: options.flag("eq_int"),
            variants: if complex { None } else { Some(variants) },
            complex_variants: if complex {
                Some(complex_variants)
            } else {
                None
            },
        };
        // The variants of a complex enum are subclasses of the enum class.
        spec.subclass |= complex;
        if let Some(span) = options.extends.as_ref().map(|path| path.span()) {
            errors.at(span, diagnostics::option_not_for_enum("extends"));
        }
        spec.check_derived_slots(errors);
        spec
    }
}

/// The validated `rename_all` rule, if one was given.
fn rename_rule(options: &Options, errors: &mut Errors) -> Option<RenameRule> {
    let (rule, span) = options.rename_all.as_ref()?;
    let parsed = RenameRule::parse(rule);
    if parsed.is_none() {
        errors.at(*span, diagnostics::unknown_rename_rule(rule));
    }
    parsed
}

/// The naming conventions of `rename_all`.
#[derive(Clone, Copy)]
enum RenameRule {
    Camel,
    Kebab,
    Lower,
    Pascal,
    ScreamingKebab,
    ScreamingSnake,
    Snake,
    Upper,
}

impl RenameRule {
    fn parse(rule: &str) -> Option<RenameRule> {
        Some(match rule {
            "camelCase" => RenameRule::Camel,
            "kebab-case" => RenameRule::Kebab,
            "lowercase" => RenameRule::Lower,
            "PascalCase" => RenameRule::Pascal,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            "SCREAMING_SNAKE_CASE" => RenameRule::ScreamingSnake,
            "snake_case" => RenameRule::Snake,
            "UPPERCASE" => RenameRule::Upper,
            _ => return None,
        })
    }

    /// Renames a snake_case (field) or PascalCase (variant) Rust name.
    fn apply(self, name: &str) -> String {
        let words = split_words(name);
        let capitalized = |word: &str| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        };
        match self {
            RenameRule::Camel => words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.clone() } else { capitalized(w) })
                .collect(),
            RenameRule::Pascal => words.iter().map(|w| capitalized(w)).collect(),
            RenameRule::Kebab => words.join("-"),
            RenameRule::ScreamingKebab => words.join("-").to_uppercase(),
            RenameRule::Snake => words.join("_"),
            RenameRule::ScreamingSnake => words.join("_").to_uppercase(),
            RenameRule::Lower => words.concat(),
            RenameRule::Upper => words.concat().to_uppercase(),
        }
    }
}

/// Lowercase words of a snake_case or PascalCase name.
fn split_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split('_').filter(|p| !p.is_empty()) {
        let mut current = String::new();
        for c in part.chars() {
            if c.is_uppercase() && !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            current.extend(c.to_lowercase());
        }
        if !current.is_empty() {
            words.push(current);
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn renames_like_serde() {
        let rename = |rule: &str, name: &str| RenameRule::parse(rule).unwrap().apply(name);
        assert_eq!(rename("camelCase", "my_field"), "myField");
        assert_eq!(rename("PascalCase", "my_field"), "MyField");
        assert_eq!(rename("kebab-case", "my_field"), "my-field");
        assert_eq!(rename("SCREAMING_SNAKE_CASE", "my_field"), "MY_FIELD");
        assert_eq!(rename("SCREAMING-KEBAB-CASE", "my_field"), "MY-FIELD");
        assert_eq!(rename("lowercase", "MyVariant"), "myvariant");
        assert_eq!(rename("UPPERCASE", "my_field"), "MYFIELD");
        assert_eq!(rename("snake_case", "MyVariant"), "my_variant");
    }
}
