//! [`TypeInfo`]: a Python type hint as data, printed the way it is written in a `.pyi`
//! file (`Optional[int]`, `Callable[[str], bool]`, `Tuple[int, ...]`).

use std::borrow::Cow;
use std::fmt::{self, Display, Formatter};

/// A Python type hint.
///
/// # Examples
///
/// ```
/// use pyo3::inspect::types::TypeInfo;
///
/// let hint = TypeInfo::dict_of(TypeInfo::builtin("str"), TypeInfo::list_of(TypeInfo::builtin("int")));
/// assert_eq!(hint.to_string(), "Dict[str, List[int]]");
/// assert_eq!(hint.module_name(), Some("typing"));
/// ```
#[derive(Debug, Clone, Eq, PartialEq)]
pub enum TypeInfo {
    /// `typing.Any`.
    Any,
    /// `None`.
    None,
    /// `typing.NoReturn`.
    NoReturn,
    /// `typing.Callable`: the parameter types (`None` for `...`) and the return type.
    Callable(Option<Vec<TypeInfo>>, Box<TypeInfo>),
    /// `typing.Tuple` of the given item types (`None` for an untyped tuple, `Tuple[...]`).
    Tuple(Option<Vec<TypeInfo>>),
    /// `typing.Tuple[T, ...]`: any length, every item of type `T`.
    UnsizedTypedTuple(Box<TypeInfo>),
    /// A class, possibly generic (`List[int]` is the class `List` with one type variable).
    Class {
        /// Where the class is defined.
        module: ModuleName,
        /// The class name.
        name: Cow<'static, str>,
        /// The type arguments, empty if none.
        type_vars: Vec<TypeInfo>,
    },
}

/// The module that defines a [`TypeInfo::Class`].
#[derive(Debug, Clone, Eq, PartialEq)]
pub enum ModuleName {
    /// `builtins`: needs no import.
    Builtin,
    /// The module being described itself.
    CurrentModule,
    /// Any other module, by its dotted name.
    Module(Cow<'static, str>),
}

impl TypeInfo {
    /// The module to import the hint's name from: `typing` for the special forms,
    /// `builtins` for builtin classes, `None` for the current module.
    pub fn module_name(&self) -> Option<&str> {
        match self {
            TypeInfo::Class { module, .. } => match module {
                ModuleName::Builtin => Some("builtins"),
                ModuleName::CurrentModule => None,
                ModuleName::Module(name) => Some(name),
            },
            _ => Some("typing"),
        }
    }

    /// The hint's own name, without type arguments (`Tuple` for both tuple forms).
    pub fn name(&self) -> Cow<'_, str> {
        match self {
            TypeInfo::Any => Cow::Borrowed("Any"),
            TypeInfo::None => Cow::Borrowed("None"),
            TypeInfo::NoReturn => Cow::Borrowed("NoReturn"),
            TypeInfo::Callable(..) => Cow::Borrowed("Callable"),
            TypeInfo::Tuple(_) | TypeInfo::UnsizedTypedTuple(_) => Cow::Borrowed("Tuple"),
            TypeInfo::Class { name, .. } => Cow::Borrowed(name),
        }
    }
}

/// A generic class of the `typing` module applied to `type_vars`.
fn typing(name: &'static str, type_vars: Vec<TypeInfo>) -> TypeInfo {
    TypeInfo::Class {
        module: ModuleName::Module(Cow::Borrowed("typing")),
        name: Cow::Borrowed(name),
        type_vars,
    }
}

impl TypeInfo {
    /// `Optional[t]`.
    pub fn optional_of(t: TypeInfo) -> TypeInfo {
        typing("Optional", vec![t])
    }

    /// `Union[t1, t2, ...]`.
    pub fn union_of(types: &[TypeInfo]) -> TypeInfo {
        typing("Union", types.to_vec())
    }

    /// `List[t]`.
    pub fn list_of(t: TypeInfo) -> TypeInfo {
        typing("List", vec![t])
    }

    /// `Sequence[t]`.
    pub fn sequence_of(t: TypeInfo) -> TypeInfo {
        typing("Sequence", vec![t])
    }

    /// `Set[t]`.
    pub fn set_of(t: TypeInfo) -> TypeInfo {
        typing("Set", vec![t])
    }

    /// `FrozenSet[t]`.
    pub fn frozen_set_of(t: TypeInfo) -> TypeInfo {
        typing("FrozenSet", vec![t])
    }

    /// `Iterable[t]`.
    pub fn iterable_of(t: TypeInfo) -> TypeInfo {
        typing("Iterable", vec![t])
    }

    /// `Iterator[t]`.
    pub fn iterator_of(t: TypeInfo) -> TypeInfo {
        typing("Iterator", vec![t])
    }

    /// `Dict[k, v]`.
    pub fn dict_of(k: TypeInfo, v: TypeInfo) -> TypeInfo {
        typing("Dict", vec![k, v])
    }

    /// `Mapping[k, v]`.
    pub fn mapping_of(k: TypeInfo, v: TypeInfo) -> TypeInfo {
        typing("Mapping", vec![k, v])
    }

    /// The builtin class `name` (`int`, `str`, ...).
    pub fn builtin(name: &'static str) -> TypeInfo {
        TypeInfo::Class {
            module: ModuleName::Builtin,
            name: Cow::Borrowed(name),
            type_vars: Vec::new(),
        }
    }
}

/// Writes `items` separated by `", "`.
fn comma_separated(f: &mut Formatter<'_>, items: &[TypeInfo]) -> fmt::Result {
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            f.write_str(", ")?;
        }
        Display::fmt(item, f)?;
    }
    Ok(())
}

impl Display for TypeInfo {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            TypeInfo::Any | TypeInfo::None | TypeInfo::NoReturn => f.write_str(&self.name()),
            TypeInfo::Callable(params, output) => {
                f.write_str("Callable[")?;
                match params {
                    Some(params) => {
                        f.write_str("[")?;
                        comma_separated(f, params)?;
                        f.write_str("]")?;
                    }
                    None => f.write_str("...")?,
                }
                write!(f, ", {output}]")
            }
            TypeInfo::Tuple(items) => {
                f.write_str("Tuple[")?;
                match items {
                    Some(items) if items.is_empty() => f.write_str("()")?,
                    Some(items) => comma_separated(f, items)?,
                    None => f.write_str("...")?,
                }
                f.write_str("]")
            }
            TypeInfo::UnsizedTypedTuple(item) => write!(f, "Tuple[{item}, ...]"),
            TypeInfo::Class {
                name, type_vars, ..
            } => {
                f.write_str(name)?;
                if type_vars.is_empty() {
                    return Ok(());
                }
                f.write_str("[")?;
                comma_separated(f, type_vars)?;
                f.write_str("]")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ModuleName, TypeInfo};
    use std::borrow::Cow;

    fn int() -> TypeInfo {
        TypeInfo::builtin("int")
    }

    #[test]
    fn special_forms() {
        assert_eq!(TypeInfo::Any.to_string(), "Any");
        assert_eq!(TypeInfo::None.to_string(), "None");
        assert_eq!(TypeInfo::NoReturn.to_string(), "NoReturn");
        assert_eq!(TypeInfo::NoReturn.module_name(), Some("typing"));
    }

    #[test]
    fn callables_and_tuples() {
        let any_args = TypeInfo::Callable(None, Box::new(int()));
        assert_eq!(any_args.to_string(), "Callable[..., int]");
        let two = TypeInfo::Callable(Some(vec![int(), int()]), Box::new(TypeInfo::None));
        assert_eq!(two.to_string(), "Callable[[int, int], None]");
        let none = TypeInfo::Callable(Some(vec![]), Box::new(int()));
        assert_eq!(none.to_string(), "Callable[[], int]");
        assert_eq!(TypeInfo::Tuple(None).to_string(), "Tuple[...]");
        assert_eq!(TypeInfo::Tuple(Some(vec![])).to_string(), "Tuple[()]");
        assert_eq!(
            TypeInfo::Tuple(Some(vec![int(), TypeInfo::builtin("str")])).to_string(),
            "Tuple[int, str]"
        );
        let unsized_tuple = TypeInfo::UnsizedTypedTuple(Box::new(int()));
        assert_eq!(unsized_tuple.to_string(), "Tuple[int, ...]");
        assert_eq!(unsized_tuple.name(), "Tuple");
    }

    #[test]
    fn generic_classes() {
        let nested = TypeInfo::optional_of(TypeInfo::union_of(&[
            TypeInfo::set_of(int()),
            TypeInfo::mapping_of(TypeInfo::builtin("str"), TypeInfo::iterator_of(int())),
        ]));
        assert_eq!(
            nested.to_string(),
            "Optional[Union[Set[int], Mapping[str, Iterator[int]]]]"
        );
        assert_eq!(
            TypeInfo::frozen_set_of(TypeInfo::sequence_of(TypeInfo::iterable_of(int())))
                .to_string(),
            "FrozenSet[Sequence[Iterable[int]]]"
        );
    }

    #[test]
    fn module_names() {
        assert_eq!(int().module_name(), Some("builtins"));
        assert_eq!(TypeInfo::list_of(int()).module_name(), Some("typing"));
        let own = TypeInfo::Class {
            module: ModuleName::CurrentModule,
            name: Cow::Borrowed("Point"),
            type_vars: vec![],
        };
        assert_eq!(own.module_name(), None);
        assert_eq!(own.to_string(), "Point");
        let other = TypeInfo::Class {
            module: ModuleName::Module(Cow::Borrowed("decimal")),
            name: Cow::Borrowed("Decimal"),
            type_vars: vec![],
        };
        assert_eq!(other.module_name(), Some("decimal"));
    }
}
