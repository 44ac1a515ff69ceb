//! Argument parsing for `#[pyfunction]`s: one routine, driven by a static parameter table,
//! sorts a vectorcall's positional and keyword arguments into slots and raises exactly the
//! `TypeError`s CPython raises for a pure-Python function of the same signature. The
//! positional-only, no-keyword call allocates nothing.

use crate::conversion::FromPyObject;
use crate::exceptions::PyTypeError;
use crate::ffi;
use crate::instance::{Borrowed, Bound};
use crate::type_object::PyTypeCheck;
use crate::types::{PyAny, PyAnyMethods, PyDict, PyDictMethods, PyString, PyTuple};
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
    /// Whether extra positional arguments are collected (`*args`).
    pub accepts_varargs: bool,
    /// Whether unknown keyword arguments are collected (`**kwargs`).
    pub accepts_varkeywords: bool,
}

/// One argument slot: a reference into the caller's argument array.
pub type ArgumentSlot<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

/// The arguments a function with `*args` and/or `**kwargs` collected beyond its named
/// parameters. Owned here, so parameters can borrow from it for the whole call.
pub struct VarArguments<'py> {
    args: Bound<'py, PyAny>,
    kwargs: Option<Bound<'py, PyAny>>,
}

impl<'py> VarArguments<'py> {
    /// The `*args` tuple (empty if nothing extra was passed).
    #[inline]
    pub fn args(&self) -> &Bound<'py, PyAny> {
        &self.args
    }

    /// The `**kwargs` dict, `None` when no extra keyword was passed (as PyO3 does).
    #[inline]
    pub fn kwargs(&self) -> ArgumentSlot<'_, 'py> {
        self.kwargs.as_ref()
    }
}

impl FunctionDescription {
    /// Fills `output` (positional parameters, then keyword-only ones) from a vectorcall,
    /// for a function without `*args` or `**kwargs`.
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
        // The fast path: positional arguments only, of an acceptable count.
        if kwnames.is_null()
            && nargs <= self.positional_parameter_names.len()
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
        unsafe { self.extract_general(py, args, nargs, kwnames, output, None) }
    }

    /// As [`extract_arguments_fastcall`](Self::extract_arguments_fastcall), for a function
    /// with `*args` and/or `**kwargs`: also returns what they collected.
    ///
    /// # Safety
    ///
    /// As for `extract_arguments_fastcall`.
    #[inline]
    pub unsafe fn extract_arguments_fastcall_var<'a, 'py>(
        &self,
        py: Python<'py>,
        args: *const *mut ffi::PyObject,
        nargs: ffi::Py_ssize_t,
        kwnames: *mut ffi::PyObject,
        output: &mut [ArgumentSlot<'a, 'py>],
    ) -> PyResult<VarArguments<'py>> {
        let mut var = VarArguments {
            args: PyTuple::empty(py).into_any(),
            kwargs: None,
        };
        // SAFETY: forwarded from the caller.
        unsafe {
            self.extract_general(py, args, nargs as usize, kwnames, output, Some(&mut var))?;
        }
        Ok(var)
    }

    /// As [`extract_arguments_fastcall_var`](Self::extract_arguments_fastcall_var), for a
    /// call given as a tuple and a dict (`tp_new`, `tp_call`): the arguments are laid out
    /// in `holder` as a vectorcall would pass them, holding their own references (argument
    /// conversion may run Python code that changes the dict).
    ///
    /// # Safety
    ///
    /// `args` is a live tuple and `kwargs` NULL or a live dict.
    pub unsafe fn extract_arguments_tuple_dict<'a, 'py>(
        &self,
        py: Python<'py>,
        args: *mut ffi::PyObject,
        kwargs: *mut ffi::PyObject,
        output: &mut [ArgumentSlot<'a, 'py>],
        holder: &'a mut TupleDictHolder<'py>,
    ) -> PyResult<VarArguments<'py>> {
        // The common call, positional arguments only: the tuple's own item array is already
        // laid out as a vectorcall, and the tuple keeps the items alive for the call.
        #[cfg(not(limited_api_only))]
        // SAFETY: per the caller, `args` is a live tuple and `kwargs` NULL or a live dict.
        unsafe {
            if kwargs.is_null() || ffi::PyDict_Size(kwargs) == 0 {
                let nargs = ffi::PyTuple_GET_SIZE(args);
                let items = std::ptr::addr_of_mut!((*args.cast::<ffi::PyTupleObject>()).ob_item)
                    .cast::<*mut ffi::PyObject>()
                    .cast_const();
                if !self.accepts_varargs && !self.accepts_varkeywords {
                    self.extract_arguments_fastcall(
                        py,
                        items,
                        nargs,
                        std::ptr::null_mut(),
                        output,
                    )?;
                    return Ok(VarArguments {
                        args: PyTuple::empty(py).into_any(),
                        kwargs: None,
                    });
                }
            }
        }
        // SAFETY: per the caller, `args` is a live tuple.
        let args = unsafe { Borrowed::from_ptr(py, args).cast_unchecked::<PyTuple>() };
        let args: &Bound<'py, PyTuple> = &args;
        let nargs = crate::types::PyTupleMethods::len(args);
        holder
            .values
            .extend(crate::types::PyTupleMethods::iter(args));
        let mut kwnames: Option<Bound<'py, PyTuple>> = None;
        if !kwargs.is_null() {
            // SAFETY: per the caller, `kwargs` is a live dict.
            let kwargs = unsafe { Borrowed::from_ptr(py, kwargs).cast_unchecked::<PyDict>() };
            let kwargs: &Bound<'py, PyDict> = &kwargs;
            if kwargs.len() > 0 {
                let mut names = Vec::with_capacity(kwargs.len());
                for (name, value) in kwargs.iter() {
                    // Callers that pass their dict on unchecked (`functools.partial`,
                    // `type.__call__`) can bring any key; CPython's own unpacking of such a
                    // dict (`_PyStack_UnpackDict`) refuses non-str keys with this message.
                    if !name.is_instance_of::<PyString>() {
                        return Err(PyTypeError::new_err("keywords must be strings"));
                    }
                    names.push(name);
                    holder.values.push(value);
                }
                kwnames = Some(PyTuple::new(py, names)?);
            }
        }
        holder.kwnames = kwnames;
        let holder: &'a TupleDictHolder<'py> = holder;
        let values = holder.values.as_ptr().cast::<*mut ffi::PyObject>();
        let kwnames = holder
            .kwnames
            .as_ref()
            .map_or(std::ptr::null_mut(), |names| names.as_ptr());
        let mut var = VarArguments {
            args: PyTuple::empty(py).into_any(),
            kwargs: None,
        };
        // SAFETY: `values` holds `nargs` positional values then one value per name in
        // `kwnames`, all owned by `holder` for `'a`: the vectorcall layout.
        unsafe { self.extract_general(py, values, nargs, kwnames, output, Some(&mut var))? };
        Ok(var)
    }

    /// The general case, in the order CPython's own argument binding
    /// (`initialize_locals` in `ceval.c`) checks things, so the first error raised is the
    /// one CPython would raise: positional arguments, then keywords one by one, then too
    /// many positionals, then missing positional and keyword-only parameters.
    #[inline(never)]
    unsafe fn extract_general<'a, 'py>(
        &self,
        py: Python<'py>,
        args: *const *mut ffi::PyObject,
        nargs: usize,
        kwnames: *mut ffi::PyObject,
        output: &mut [ArgumentSlot<'a, 'py>],
        mut var: Option<&mut VarArguments<'py>>,
    ) -> PyResult<()> {
        let npos = self.positional_parameter_names.len();
        let taken = nargs.min(npos);
        for (i, slot) in output.iter_mut().take(taken).enumerate() {
            // SAFETY: `i < nargs`: a live argument pointer.
            *slot = Some(unsafe { &*args.add(i).cast::<Bound<'py, PyAny>>() });
        }
        if self.accepts_varargs && nargs > taken {
            if let Some(var) = var.as_deref_mut() {
                // SAFETY: `args[taken..nargs]` are live argument pointers.
                let extra = unsafe { std::slice::from_raw_parts(args.add(taken), nargs - taken) };
                var.args = PyTuple::from_borrowed_ptrs(py, extra).into_any();
            }
        }
        if !kwnames.is_null() {
            // SAFETY: `kwnames` is a tuple (of str, checked below); its length is the number of keyword
            // values, stored in `args` after the positional ones.
            let nkw = unsafe { tuple_len(kwnames) };
            for k in 0..nkw {
                // SAFETY: `k < nkw`; the tuple owns its items for the whole call.
                let name_obj = unsafe { keyword_name(py, kwnames, k) };
                // Only CPython 3.7 and 3.8 let a non-str name through (`functools.partial` with a
                // dict of other keys); it must not be read as a str.
                if !name_obj.is_instance_of::<PyString>() {
                    return Err(PyTypeError::new_err(format!(
                        "{}() keywords must be strings",
                        self.func_name
                    )));
                }
                // A name that is no valid UTF-8 (it holds a lone surrogate) names no
                // parameter: like any unknown name it goes to `**kwargs`, or is refused.
                let name = keyword_text(&name_obj).ok();
                // SAFETY: keyword values follow the positional arguments in `args`.
                let value = unsafe { &*args.add(nargs + k).cast::<Bound<'py, PyAny>>() };
                let found = name
                    .as_deref()
                    .and_then(|name| Some((self.find_keyword(name)?, name)));
                if let Some((index, name)) = found {
                    if output[index].is_some() {
                        return Err(PyTypeError::new_err(format!(
                            "{}() got multiple values for argument '{}'",
                            self.func_name, name
                        )));
                    }
                    output[index] = Some(value);
                    continue;
                }
                if self.accepts_varkeywords {
                    if let Some(var) = var.as_deref_mut() {
                        let dict = var.kwargs.get_or_insert_with(|| PyDict::new(py).into_any());
                        // SAFETY: `dict` is the dict created just above.
                        let dict = unsafe { dict.cast_unchecked::<PyDict>() };
                        dict.set_item(name_obj, value)?;
                        continue;
                    }
                }
                // SAFETY: as for the loop above; `name_obj` is a str (checked above).
                return Err(unsafe {
                    self.unexpected_keyword(
                        py,
                        kwnames,
                        nkw,
                        &name_obj.cast_unchecked::<PyString>(),
                    )
                });
            }
        }
        if nargs > npos && !self.accepts_varargs {
            let kwonly_given = output[npos..].iter().filter(|s| s.is_some()).count();
            return Err(self.too_many_positional(nargs, kwonly_given));
        }
        // Checked without allocating; the lists for the messages are built only on failure.
        let required = nargs..self.required_positional_parameters;
        if required.clone().any(|i| output[i].is_none()) {
            let missing: Vec<&str> = required
                .filter(|&i| output[i].is_none())
                .map(|i| self.positional_parameter_names[i])
                .collect();
            return Err(self.missing("positional", &missing));
        }
        let kwonly_missing = |(j, p): &(usize, &KeywordOnlyParameterDescription)| {
            p.required && output[npos + j].is_none()
        };
        if self
            .keyword_only_parameters
            .iter()
            .enumerate()
            .any(|e| kwonly_missing(&e))
        {
            let missing: Vec<&str> = self
                .keyword_only_parameters
                .iter()
                .enumerate()
                .filter(kwonly_missing)
                .map(|(_, p)| p.name)
                .collect();
            return Err(self.missing("keyword-only", &missing));
        }
        Ok(())
    }

    /// The slot of a parameter that may be passed by keyword.
    #[inline]
    fn find_keyword(&self, name: &str) -> Option<usize> {
        let npos = self.positional_parameter_names.len();
        self.positional_parameter_names[self.positional_only_parameters..]
            .iter()
            .position(|p| same_name(p, name))
            .map(|i| i + self.positional_only_parameters)
            .or_else(|| {
                self.keyword_only_parameters
                    .iter()
                    .position(|p| same_name(p.name, name))
                    .map(|j| npos + j)
            })
    }

    /// The error for a keyword naming no parameter: as CPython does, if any keyword of the
    /// call names a positional-only parameter, that is reported (all of them) instead.
    ///
    /// # Safety
    ///
    /// `kwnames` is the call's tuple of `nkw` keyword names.
    #[cold]
    unsafe fn unexpected_keyword(
        &self,
        py: Python<'_>,
        kwnames: *mut ffi::PyObject,
        nkw: usize,
        name: &Bound<'_, PyString>,
    ) -> PyErr {
        let mut given: Vec<String> = Vec::with_capacity(nkw);
        for k in 0..nkw {
            // SAFETY: `k < nkw`, per the caller.
            let other = unsafe { keyword_name(py, kwnames, k) };
            if let Ok(other) = keyword_text(&other) {
                given.push(other.to_string());
            }
        }
        // Listed in parameter order, as CPython does, whatever the order of the keywords.
        let passed: Vec<&str> = self.positional_parameter_names[..self.positional_only_parameters]
            .iter()
            .copied()
            .filter(|p| given.iter().any(|g| g == p))
            .collect();
        if passed.is_empty() {
            let prefix = format!("{}() got an unexpected keyword argument '", self.func_name);
            match keyword_text(name) {
                Ok(text) => PyTypeError::new_err(format!("{prefix}{text}'")),
                // Not UTF-8: the message is put together as a Python str, as CPython's is.
                Err(_) => match PyString::new(py, &prefix)
                    .add(name)
                    .and_then(|message| message.add("'"))
                {
                    Ok(message) => PyTypeError::new_err(message.unbind()),
                    Err(err) => err,
                },
            }
        } else {
            PyTypeError::new_err(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                self.func_name,
                passed.join(", ")
            ))
        }
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

/// Name equality with cheap early outs (length, first byte) before the byte comparison:
/// parameter names are short and mostly differ in their first letter.
#[inline(always)]
fn same_name(param: &str, keyword: &str) -> bool {
    let (p, k) = (param.as_bytes(), keyword.as_bytes());
    p.len() == k.len() && p.first() == k.first() && p == k
}

/// The `k`th keyword name of a vectorcall.
///
/// # Safety
///
/// `kwnames` is a live tuple with more than `k` items, alive for `'a`.
#[inline]
unsafe fn keyword_name<'a, 'py>(
    py: Python<'py>,
    kwnames: *mut ffi::PyObject,
    k: usize,
) -> Borrowed<'a, 'py, PyAny> {
    // SAFETY: per the caller, the item exists and the tuple keeps it alive for `'a`.
    unsafe {
        #[cfg(not(limited_api_only))]
        let item = ffi::PyTuple_GET_ITEM(kwnames, k as ffi::Py_ssize_t);
        #[cfg(limited_api_only)]
        let item = ffi::PyTuple_GetItem(kwnames, k as ffi::Py_ssize_t);
        Borrowed::from_ptr(py, item)
    }
}

/// The length of the keyword-names tuple.
///
/// # Safety
///
/// `tuple` is a live tuple.
#[inline]
unsafe fn tuple_len(tuple: *mut ffi::PyObject) -> usize {
    #[cfg(not(limited_api_only))]
    // SAFETY: per the caller.
    let len = unsafe { ffi::PyTuple_GET_SIZE(tuple) };
    #[cfg(limited_api_only)]
    // SAFETY: per the caller.
    let len = unsafe { ffi::PyTuple_Size(tuple) };
    len as usize
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
#[inline]
fn keyword_text<'a>(name: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, str>> {
    let Ok(name) = name.cast::<PyString>() else {
        return Err(PyTypeError::new_err("keywords must be strings"));
    };
    #[cfg(not(limited_api_only))]
    // SAFETY: `name` is a live str; a compact ASCII string stores its characters, which
    // are valid UTF-8, right after the header, for `PyUnicode_GET_LENGTH` bytes.
    unsafe {
        let ptr = name.as_ptr();
        if ffi::PyUnicode_IS_COMPACT_ASCII(ptr) != 0 {
            let data = ffi::PyUnicode_DATA(ptr).cast::<u8>();
            let len = ffi::PyUnicode_GET_LENGTH(ptr) as usize;
            let bytes = std::slice::from_raw_parts(data, len);
            return Ok(std::borrow::Cow::Borrowed(std::str::from_utf8_unchecked(
                bytes,
            )));
        }
    }
    crate::types::PyStringMethods::to_cow(name)
}

/// The arguments of a tuple-and-dict call, laid out as a vectorcall.
pub struct TupleDictHolder<'py> {
    values: Vec<Bound<'py, PyAny>>,
    kwnames: Option<Bound<'py, PyTuple>>,
}

impl TupleDictHolder<'_> {
    /// The empty holder.
    pub const INIT: Self = TupleDictHolder {
        values: Vec::new(),
        kwnames: None,
    };
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

/// Without `PyUnicode_AsUTF8AndSize` (abi3 before 3.10), a `&str` parameter borrows from an
/// owned copy kept in its holder.
#[cfg(all(Py_LIMITED_API, not(Py_3_10)))]
impl<'a, 'holder, 'py> PyFunctionArgument<'a, 'holder, 'py> for &'holder str
where
    'holder: 'a,
{
    type Holder = Option<std::borrow::Cow<'a, str>>;

    #[inline]
    fn extract(obj: &'a Bound<'py, PyAny>, holder: &'holder mut Self::Holder) -> PyResult<Self> {
        let text = crate::types::PyStringMethods::to_cow(obj.cast::<crate::types::PyString>()?)?;
        Ok(holder.insert(text))
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

impl<'a, 'holder, 'py, T> PyFunctionArgument<'a, 'holder, 'py> for Option<&'a Bound<'py, T>>
where
    T: PyTypeCheck + 'a,
{
    type Holder = ();

    #[inline]
    fn extract(obj: &'a Bound<'py, PyAny>, _: &'holder mut ()) -> PyResult<Self> {
        if obj.is_none() {
            Ok(None)
        } else {
            obj.cast().map(Some).map_err(Into::into)
        }
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

/// Converts one argument with the user's `#[pyo3(from_py_with = f)]` function, naming the
/// argument in a `TypeError` as [`extract_argument`] does.
#[inline]
pub fn from_py_with_argument<'a, 'py, T, E>(
    obj: &'a Bound<'py, PyAny>,
    arg_name: &str,
    extractor: impl FnOnce(&'a Bound<'py, PyAny>) -> Result<T, E>,
) -> PyResult<T>
where
    E: Into<PyErr>,
{
    match extractor(obj) {
        Ok(value) => Ok(value),
        Err(err) => Err(argument_extraction_error(obj.py(), arg_name, err.into())),
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
    if error.get_type(py).is(py.get_type::<PyTypeError>()) {
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
