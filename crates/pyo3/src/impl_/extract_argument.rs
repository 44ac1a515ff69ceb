//! Argument parsing for `#[pyfunction]`s: one routine, driven by a static parameter table,
//! sorts a vectorcall's positional and keyword arguments into slots and raises exactly the
//! `TypeError`s CPython raises for a pure-Python function of the same signature. The
//! positional-only, no-keyword call allocates nothing.

use crate::conversion::FromPyObject;
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::instance::Bound;
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyString};
use crate::{PyErr, PyResult, Python};

/// A keyword-only parameter in a [`FunctionDescription`].
#[derive(Debug)]
pub struct KeywordOnlyParameterDescription {
    /// The parameter's name.
    pub name: &'static str,
    /// Whether a value must be given.
    pub required: bool,
}

/// The static parameter table of one function.
#[derive(Debug)]
pub struct FunctionDescription {
    /// The Python-visible function name, used in messages (`f() missing ...`).
    pub func_name: &'static str,
    /// Names of the parameters that may be passed by position, in order.
    pub positional_parameter_names: &'static [&'static str],
    /// How many leading positional parameters are positional-only (before `/`).
    pub positional_only_parameters: usize,
    /// How many leading positional parameters have no default.
    pub required_positional_parameters: usize,
    /// Parameters after `*`.
    pub keyword_only_parameters: &'static [KeywordOnlyParameterDescription],
}

/// One argument slot: a reference into the caller's argument array.
pub type ArgumentSlot<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

impl FunctionDescription {
    /// Fills `output` (positional parameters, then keyword-only ones) from a vectorcall.
    ///
    /// # Safety
    ///
    /// `args`, `nargs` and `kwnames` must be the arguments of a `METH_FASTCALL |
    /// METH_KEYWORDS` call, alive for `'a`; `output` must have one slot per parameter.
    #[inline]
    pub unsafe fn extract_arguments_fastcall<'a, 'py>(
        &self,
        py: Python<'py>,
        args: *const *mut ffi::PyObject,
        nargs: ffi::Py_ssize_t,
        kwnames: *mut ffi::PyObject,
        output: &mut [ArgumentSlot<'a, 'py>],
    ) -> PyResult<()> {
        let nargs = nargs as usize;
        let npos = self.positional_parameter_names.len();
        // The fast path: positional arguments only, of an acceptable count.
        if kwnames.is_null()
            && nargs <= npos
            && nargs >= self.required_positional_parameters
            && self.keyword_only_parameters.iter().all(|p| !p.required)
        {
            for (i, slot) in output.iter_mut().take(nargs).enumerate() {
                // SAFETY: `i < nargs`, and CPython passes `nargs` live pointers in `args`;
                // `Bound` is a transparent wrapper over one object pointer.
                *slot = Some(unsafe { &*args.add(i).cast::<Bound<'py, PyAny>>() });
            }
            return Ok(());
        }
        // SAFETY: forwarded from the caller.
        unsafe { self.extract_general(py, args, nargs, kwnames, output) }
    }

    #[inline(never)]
    unsafe fn extract_general<'a, 'py>(
        &self,
        _py: Python<'py>,
        args: *const *mut ffi::PyObject,
        nargs: usize,
        kwnames: *mut ffi::PyObject,
        output: &mut [ArgumentSlot<'a, 'py>],
    ) -> PyResult<()> {
        let npos = self.positional_parameter_names.len();
        for (i, slot) in output.iter_mut().take(nargs.min(npos)).enumerate() {
            // SAFETY: `i < nargs`: a live argument pointer.
            *slot = Some(unsafe { &*args.add(i).cast::<Bound<'py, PyAny>>() });
        }
        let mut positional_only_as_keyword: Vec<&'static str> = Vec::new();
        if !kwnames.is_null() {
            // SAFETY: `kwnames` is a tuple of str; its length is the number of keyword
            // values, stored in `args` after the positional ones.
            let nkw = unsafe { ffi::PyTuple_Size(kwnames) } as usize;
            for k in 0..nkw {
                // SAFETY: `k < nkw`; the tuple owns its items for the whole call.
                let name_ptr = unsafe { ffi::PyTuple_GetItem(kwnames, k as ffi::Py_ssize_t) };
                // SAFETY: keyword names are live str objects owned by `kwnames`.
                let name_obj =
                    unsafe { &*std::ptr::addr_of!(name_ptr).cast::<Bound<'py, PyString>>() };
                let name = keyword_text(name_obj)?;
                // SAFETY: keyword values follow the positional arguments in `args`.
                let value = unsafe { &*args.add(nargs + k).cast::<Bound<'py, PyAny>>() };
                match self.find_keyword(&name) {
                    Some(index) => {
                        if output[index].is_some() {
                            return Err(PyTypeError::new_err(format!(
                                "{}() got multiple values for argument '{}'",
                                self.func_name, name
                            )));
                        }
                        output[index] = Some(value);
                    }
                    None => {
                        let posonly =
                            &self.positional_parameter_names[..self.positional_only_parameters];
                        if let Some(p) = posonly.iter().find(|p| **p == name) {
                            positional_only_as_keyword.push(p);
                        } else {
                            return Err(PyTypeError::new_err(format!(
                                "{}() got an unexpected keyword argument '{}'",
                                self.func_name, name
                            )));
                        }
                    }
                }
            }
        }
        if !positional_only_as_keyword.is_empty() {
            return Err(PyTypeError::new_err(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                self.func_name,
                positional_only_as_keyword.join(", ")
            )));
        }
        if nargs > npos {
            let kwonly_given = output[npos..].iter().filter(|s| s.is_some()).count();
            return Err(self.too_many_positional(nargs, kwonly_given));
        }
        let missing: Vec<&str> = (nargs..self.required_positional_parameters)
            .filter(|&i| output[i].is_none())
            .map(|i| self.positional_parameter_names[i])
            .collect();
        if !missing.is_empty() {
            return Err(self.missing("positional", &missing));
        }
        let missing: Vec<&str> = self
            .keyword_only_parameters
            .iter()
            .enumerate()
            .filter(|(j, p)| p.required && output[npos + j].is_none())
            .map(|(_, p)| p.name)
            .collect();
        if !missing.is_empty() {
            return Err(self.missing("keyword-only", &missing));
        }
        Ok(())
    }

    /// The slot of a parameter that may be passed by keyword.
    fn find_keyword(&self, name: &str) -> Option<usize> {
        let npos = self.positional_parameter_names.len();
        self.positional_parameter_names[self.positional_only_parameters..]
            .iter()
            .position(|p| *p == name)
            .map(|i| i + self.positional_only_parameters)
            .or_else(|| {
                self.keyword_only_parameters
                    .iter()
                    .position(|p| p.name == name)
                    .map(|j| npos + j)
            })
    }

    #[cold]
    fn too_many_positional(&self, given: usize, kwonly_given: usize) -> PyErr {
        let max = self.positional_parameter_names.len();
        let min = self.required_positional_parameters;
        let (sig, plural) = if min < max {
            (format!("from {} to {}", min, max), true)
        } else {
            (max.to_string(), max != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        PyTypeError::new_err(format!(
            "{}() takes {} positional argument{} but {}{} {} given",
            self.func_name,
            sig,
            if plural { "s" } else { "" },
            given,
            kwonly_sig,
            if given == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        ))
    }

    #[cold]
    fn missing(&self, kind: &str, names: &[&str]) -> PyErr {
        PyTypeError::new_err(format!(
            "{}() missing {} required {} argument{}: {}",
            self.func_name,
            names.len(),
            kind,
            if names.len() == 1 { "" } else { "s" },
            join_names(names)
        ))
    }
}

/// Joins names as CPython does: `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn join_names(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// The text of a keyword name.
fn keyword_text<'a>(name: &'a Bound<'_, PyString>) -> PyResult<std::borrow::Cow<'a, str>> {
    crate::types::PyStringMethods::to_cow(name)
}

/// Storage for a converted argument that the Rust parameter borrows from.
pub trait FunctionArgumentHolder: Sized {
    /// The empty holder.
    const INIT: Self;
}

impl FunctionArgumentHolder for () {
    const INIT: Self = ();
}

impl<T> FunctionArgumentHolder for Option<T> {
    const INIT: Self = None;
}

/// How a `#[pyfunction]` parameter type is obtained from its argument.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a Python function argument",
    note = "implement `FromPyObject` for `{Self}`, or take `&Bound<'py, PyAny>` and convert inside the function"
)]
pub trait PyFunctionArgument<'a, 'holder, 'py>: Sized + 'a {
    /// The holder type.
    type Holder: FunctionArgumentHolder;
    /// Performs the conversion.
    fn extract(obj: &'a Bound<'py, PyAny>, holder: &'holder mut Self::Holder) -> PyResult<Self>;
}

impl<'a, 'holder, 'py, T> PyFunctionArgument<'a, 'holder, 'py> for T
where
    T: FromPyObject<'a, 'py> + 'a,
{
    type Holder = ();

    #[inline]
    fn extract(obj: &'a Bound<'py, PyAny>, _: &'holder mut ()) -> PyResult<Self> {
        obj.as_borrowed().extract().map_err(Into::into)
    }
}

impl<'a, 'holder, 'py, T> PyFunctionArgument<'a, 'holder, 'py> for &'a Bound<'py, T>
where
    T: PyTypeCheck + 'a,
{
    type Holder = ();

    #[inline]
    fn extract(obj: &'a Bound<'py, PyAny>, _: &'holder mut ()) -> PyResult<Self> {
        obj.cast().map_err(Into::into)
    }
}

/// Converts one argument, naming it in the error: a `TypeError` becomes
/// `argument 'name': <message>`; other exceptions (e.g. `OverflowError`) pass unchanged.
#[inline]
pub fn extract_argument<'a, 'holder, 'py, T>(
    obj: &'a Bound<'py, PyAny>,
    holder: &'holder mut T::Holder,
    arg_name: &str,
) -> PyResult<T>
where
    T: PyFunctionArgument<'a, 'holder, 'py>,
{
    match T::extract(obj, holder) {
        Ok(value) => Ok(value),
        Err(err) => Err(argument_extraction_error(obj.py(), arg_name, err)),
    }
}

/// A slot the parser guarantees to be filled (a required parameter).
#[inline]
pub fn unwrap_required_argument<'a, 'py>(slot: ArgumentSlot<'a, 'py>) -> &'a Bound<'py, PyAny> {
    match slot {
        Some(obj) => obj,
        None => unreachable!("required argument missing after argument parsing"),
    }
}

/// Adds the argument name to a `TypeError` raised while converting it.
#[cold]
pub fn argument_extraction_error(py: Python<'_>, arg_name: &str, error: PyErr) -> PyErr {
    if error.get_type(py).is(&py.get_type::<PyTypeError>()) {
        let remapped =
            PyTypeError::new_err(format!("argument '{}': {}", arg_name, error.value(py)));
        remapped.set_cause(py, error.cause(py));
        remapped
    } else {
        error
    }
}

#[cfg(test)]
mod tests {
    use super::join_names;

    #[test]
    fn joins_names_like_cpython() {
        assert_eq!(join_names(&["a"]), "'a'");
        assert_eq!(join_names(&["a", "b"]), "'a' and 'b'");
        assert_eq!(join_names(&["a", "b", "c"]), "'a', 'b', and 'c'");
    }
}
