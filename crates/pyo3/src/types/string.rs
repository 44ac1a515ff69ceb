//! `PyString`: Python's `str`, its views as Rust `&str`/`Cow<str>`/`&CStr`, and its
//! comparisons with Rust text.

use std::borrow::Cow;

use crate::ffi;
use crate::ffi_ptr_ext::FfiPtrExt;
use crate::instance::{Borrowed, Bound};
use crate::types::native_type;
use crate::{PyErr, PyResult, Python};

native_type!(
    /// Python's `str`.
    PyString, PyUnicode_Type, ffi::PyUnicode_Check, Some("builtins")
);

impl PyString {
    /// A new `str` with the contents of `s`.
    pub fn new<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        let ptr = s.as_ptr().cast();
        let len = s.len() as ffi::Py_ssize_t;
        // SAFETY: attached; `s` is valid UTF-8 of the given length; returns a new reference.
        unsafe {
            ffi::PyUnicode_FromStringAndSize(ptr, len)
                .assume_owned(py)
                .cast_into_unchecked()
        }
    }

    /// A new `str` decoded from UTF-8 `s`.
    ///
    /// # Errors
    ///
    /// `UnicodeDecodeError` if `s` is not valid UTF-8.
    pub fn from_bytes<'py>(py: Python<'py>, s: &[u8]) -> PyResult<Bound<'py, PyString>> {
        let ptr = s.as_ptr().cast();
        let len = s.len() as ffi::Py_ssize_t;
        // SAFETY: attached; the buffer is valid for `len` bytes; a NULL error handler
        // means "strict"; returns a new reference or NULL with UnicodeDecodeError set.
        unsafe {
            ffi::PyUnicode_DecodeUTF8(ptr, len, std::ptr::null())
                .assume_owned_or_err(py)
                .map(|s| s.cast_into_unchecked())
        }
    }

    /// An interned `str` (one shared object per distinct text).
    pub fn intern<'py>(py: Python<'py>, s: &str) -> Bound<'py, PyString> {
        let string = PyString::new(py, s);
        let mut ptr = string.into_ptr();
        // SAFETY: attached; PyUnicode_InternInPlace takes our reference and may replace it
        // with the interned object's (still one owned reference).
        unsafe {
            ffi::PyUnicode_InternInPlace(&mut ptr);
            ptr.assume_owned(py).cast_into_unchecked()
        }
    }

    /// `str(src, encoding, errors)` for a bytes-like `src`; `None` picks Python's defaults
    /// (UTF-8, strict).
    ///
    /// ```
    /// use pyo3::prelude::*;
    /// use pyo3::types::{PyBytes, PyString};
    /// Python::attach(|py| {
    ///     let raw = PyBytes::new(py, b"caf\xe9");
    ///     let s = PyString::from_encoded_object(&raw, Some(c"latin-1"), None).unwrap();
    ///     assert_eq!(s.to_cow().unwrap(), "caf\u{e9}");
    /// });
    /// ```
    pub fn from_encoded_object<'py>(
        src: &Bound<'py, crate::PyAny>,
        encoding: Option<&std::ffi::CStr>,
        errors: Option<&std::ffi::CStr>,
    ) -> PyResult<Bound<'py, PyString>> {
        let encoding = encoding.map_or(std::ptr::null(), std::ffi::CStr::as_ptr);
        let errors = errors.map_or(std::ptr::null(), std::ffi::CStr::as_ptr);
        // SAFETY: attached; the object is alive; each C string is NUL-terminated or NULL
        // (meaning the default); returns a new reference or NULL with an error set.
        unsafe {
            ffi::PyUnicode_FromEncodedObject(src.as_ptr(), encoding, errors)
                .assume_owned_or_err(src.py())
                .map(|s| s.cast_into_unchecked())
        }
    }

    /// `str(src, encoding, errors)` for a bytes-like `src`.
    ///
    /// # Errors
    ///
    /// `ValueError` if `encoding` or `errors` contains a NUL character, or the decoding
    /// error.
    #[deprecated(since = "0.25.0", note = "use `PyString::from_encoded_object` instead")]
    pub fn from_object<'py>(
        src: &Bound<'py, crate::PyAny>,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Bound<'py, PyString>> {
        let nul = |_| crate::exceptions::PyValueError::new_err("embedded null character");
        let encoding = std::ffi::CString::new(encoding).map_err(nul)?;
        let errors = std::ffi::CString::new(errors).map_err(nul)?;
        PyString::from_encoded_object(src, Some(&encoding), Some(&errors))
    }
}

/// Methods of `Bound<PyString>`.
pub trait PyStringMethods<'py> {
    /// The contents as `&str` (fails for strings containing lone surrogates).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    fn to_str(&self) -> PyResult<&str>;
    /// The contents, borrowed where possible.
    fn to_cow(&self) -> PyResult<Cow<'_, str>>;
    /// The contents, with lone surrogates replaced by U+FFFD.
    fn to_string_lossy(&self) -> Cow<'_, str>;
    /// `self.encode("utf-8")`.
    fn encode_utf8(&self) -> PyResult<Bound<'py, crate::types::PyBytes>>;
    /// The string's canonical storage: its code units in the narrowest width that holds
    /// every character (CPython's PEP 393 representation).
    ///
    /// # Safety
    ///
    /// The returned slice points into the string object: it must not be used after the
    /// string is dropped, and (as for any `str`) the string must not be mutated, which
    /// only C code that created the string itself may do.
    #[cfg(not(limited_api_only))]
    unsafe fn data(&self) -> PyResult<PyStringData<'_>>;
}

/// The code units of a `str`, in CPython's storage width.
#[cfg(not(limited_api_only))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PyStringData<'a> {
    /// Latin-1 text: one byte per character.
    Ucs1(&'a [u8]),
    /// Text within the Basic Multilingual Plane: one `u16` per character.
    Ucs2(&'a [u16]),
    /// Any text: one `u32` per character.
    Ucs4(&'a [u32]),
}

#[cfg(not(limited_api_only))]
impl<'a> PyStringData<'a> {
    /// The raw storage, as bytes in native endianness.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            PyStringData::Ucs1(units) => units,
            // SAFETY: the u16 slice is valid for twice as many bytes, and u8 has no
            // alignment requirement.
            PyStringData::Ucs2(units) => unsafe {
                std::slice::from_raw_parts(units.as_ptr().cast(), units.len() * 2)
            },
            // SAFETY: as above, four bytes per unit.
            PyStringData::Ucs4(units) => unsafe {
                std::slice::from_raw_parts(units.as_ptr().cast(), units.len() * 4)
            },
        }
    }

    /// The width of one code unit in bytes: 1, 2 or 4.
    pub fn value_width_bytes(&self) -> usize {
        match self {
            PyStringData::Ucs1(_) => 1,
            PyStringData::Ucs2(_) => 2,
            PyStringData::Ucs4(_) => 4,
        }
    }

    /// The text as Rust `str`.
    ///
    /// # Errors
    ///
    /// `UnicodeDecodeError` if the data holds a lone surrogate (which Rust strings
    /// cannot), naming the position of the first bad unit.
    pub fn to_string(self, py: Python<'_>) -> PyResult<Cow<'a, str>> {
        match self.decode() {
            Ok(text) => Ok(text),
            Err(position) => {
                let encoding = match self {
                    PyStringData::Ucs1(_) => c"latin-1",
                    PyStringData::Ucs2(_) => c"utf-16",
                    PyStringData::Ucs4(_) => c"utf-32",
                };
                let width = self.value_width_bytes();
                let start = position * width;
                let error = crate::exceptions::PyUnicodeDecodeError::new(
                    py,
                    encoding,
                    self.as_bytes(),
                    start..start + width,
                    c"invalid code unit",
                )?;
                Err(PyErr::from_value(error.into_any()))
            }
        }
    }

    /// The text as Rust `str`, with every unrepresentable unit replaced by U+FFFD.
    pub fn to_string_lossy(self) -> Cow<'a, str> {
        match self {
            PyStringData::Ucs1(units) => latin1(units),
            PyStringData::Ucs2(units) => Cow::Owned(String::from_utf16_lossy(units)),
            PyStringData::Ucs4(units) => Cow::Owned(
                units
                    .iter()
                    .map(|&u| char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect(),
            ),
        }
    }

    /// Decodes strictly, or gives the index of the first unit that is not a character.
    fn decode(self) -> Result<Cow<'a, str>, usize> {
        match self {
            PyStringData::Ucs1(units) => Ok(latin1(units)),
            PyStringData::Ucs2(units) => {
                let mut text = String::with_capacity(units.len());
                for (i, c) in char::decode_utf16(units.iter().copied()).enumerate() {
                    // Before any failure every unit decoded to one char (no pairs exist
                    // in UCS-2 storage), so the char index is the unit index.
                    text.push(c.map_err(|_| i)?);
                }
                Ok(Cow::Owned(text))
            }
            PyStringData::Ucs4(units) => units
                .iter()
                .enumerate()
                .map(|(i, &u)| char::from_u32(u).ok_or(i))
                .collect::<Result<String, usize>>()
                .map(Cow::Owned),
        }
    }
}

/// Latin-1 bytes as text: borrowed when they are all ASCII.
#[cfg(not(limited_api_only))]
fn latin1(units: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(units) {
        Ok(text) if units.is_ascii() => Cow::Borrowed(text),
        _ => Cow::Owned(units.iter().map(|&b| char::from(b)).collect()),
    }
}

impl<'py> PyStringMethods<'py> for Bound<'py, PyString> {
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    fn to_str(&self) -> PyResult<&str> {
        self.as_borrowed().to_str()
    }

    fn to_cow(&self) -> PyResult<Cow<'_, str>> {
        self.as_borrowed().to_cow()
    }

    fn to_string_lossy(&self) -> Cow<'_, str> {
        match self.to_cow() {
            Ok(s) => s,
            Err(_) => {
                // Lone surrogates: encode them through, then replace invalid sequences.
                // SAFETY: attached; returns a new bytes reference or NULL.
                let bytes = unsafe {
                    ffi::PyUnicode_AsEncodedString(
                        self.as_ptr(),
                        c"utf-8".as_ptr(),
                        c"surrogatepass".as_ptr(),
                    )
                    .assume_owned_or_err(self.py())
                };
                match bytes {
                    Ok(bytes) => {
                        Cow::Owned(String::from_utf8_lossy(encoded_bytes(&bytes)).into_owned())
                    }
                    Err(_) => Cow::Borrowed("<unrepresentable str>"),
                }
            }
        }
    }

    fn encode_utf8(&self) -> PyResult<Bound<'py, crate::types::PyBytes>> {
        // SAFETY: attached; returns a new bytes reference or NULL.
        unsafe {
            ffi::PyUnicode_AsUTF8String(self.as_ptr())
                .assume_owned_or_err(self.py())
                .map(|b| b.cast_into_unchecked())
        }
    }

    #[cfg(not(limited_api_only))]
    unsafe fn data(&self) -> PyResult<PyStringData<'_>> {
        let ptr = self.as_ptr();
        // SAFETY: attached; the string is alive. PyUnicode_READY makes the canonical
        // form available (a no-op from 3.12); KIND, DATA and GET_LENGTH then describe a
        // buffer of `len` units of the given width owned by the string, which the
        // caller keeps alive and unmodified for the returned lifetime.
        unsafe {
            if ffi::PyUnicode_READY(ptr) != 0 {
                return Err(PyErr::fetch(self.py()));
            }
            let len = ffi::PyUnicode_GET_LENGTH(ptr) as usize;
            let data = ffi::PyUnicode_DATA(ptr);
            Ok(match ffi::PyUnicode_KIND(ptr) {
                ffi::PyUnicode_1BYTE_KIND => {
                    PyStringData::Ucs1(std::slice::from_raw_parts(data.cast(), len))
                }
                ffi::PyUnicode_2BYTE_KIND => {
                    PyStringData::Ucs2(std::slice::from_raw_parts(data.cast(), len))
                }
                ffi::PyUnicode_4BYTE_KIND => {
                    PyStringData::Ucs4(std::slice::from_raw_parts(data.cast(), len))
                }
                _ => unreachable!("CPython strings have kind 1, 2 or 4"),
            })
        }
    }
}

/// The bytes of the `bytes` object that a str encoding function returned.
fn encoded_bytes<'a>(bytes: &'a Bound<'_, crate::PyAny>) -> &'a [u8] {
    // SAFETY: the callers pass the result of a CPython str-encoding function, always bytes.
    let bytes = unsafe { bytes.cast_unchecked::<crate::types::PyBytes>() };
    crate::types::PyBytesMethods::as_bytes(bytes)
}

impl crate::instance::Py<PyString> {
    /// The contents as `&str`, borrowed for as long as this reference lives (fails for
    /// strings containing lone surrogates).
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub fn to_str<'a>(&'a self, py: Python<'_>) -> PyResult<&'a str> {
        self.bind_borrowed(py).to_str()
    }

    /// The contents, borrowed where the interpreter keeps a UTF-8 copy.
    pub fn to_cow<'a>(&'a self, py: Python<'_>) -> PyResult<Cow<'a, str>> {
        self.bind_borrowed(py).to_cow()
    }

    /// The contents, with lone surrogates replaced by U+FFFD.
    pub fn to_string_lossy<'a>(&'a self, py: Python<'_>) -> Cow<'a, str> {
        match self.to_cow(py) {
            Ok(text) => text,
            Err(_) => Cow::Owned(self.bind(py).to_string_lossy().into_owned()),
        }
    }
}

impl<'a> Borrowed<'a, '_, PyString> {
    /// The contents as `&'a str`, pointing into the string's cached UTF-8 form.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub(crate) fn to_str(self) -> PyResult<&'a str> {
        let mut size: ffi::Py_ssize_t = 0;
        // SAFETY: attached; the UTF-8 buffer is cached inside the str object, which is
        // kept alive for 'a by the owner of this borrow.
        unsafe {
            let data = ffi::PyUnicode_AsUTF8AndSize(self.as_ptr(), &mut size);
            if data.is_null() {
                return Err(PyErr::fetch(self.py()));
            }
            let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
            Ok(std::str::from_utf8_unchecked(bytes))
        }
    }

    /// The contents as `&'a CStr`, pointing into the string's cached UTF-8 form.
    ///
    /// # Errors
    ///
    /// `UnicodeEncodeError` for a lone surrogate; `ValueError` if the text holds a NUL
    /// character, which a C string cannot.
    #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
    pub(crate) fn to_cstr(self) -> PyResult<&'a std::ffi::CStr> {
        let text = self.to_str()?;
        // SAFETY: `text` is the UTF-8 buffer that PyUnicode_AsUTF8AndSize returned, which
        // CPython documents as always followed by a NUL byte not counted in its size; the
        // buffer lives inside the str object, kept alive for 'a.
        let with_nul = unsafe { std::slice::from_raw_parts(text.as_ptr(), text.len() + 1) };
        std::ffi::CStr::from_bytes_with_nul(with_nul).map_err(PyErr::from)
    }

    pub(crate) fn to_cow(self) -> PyResult<Cow<'a, str>> {
        #[cfg(any(Py_3_10, not(Py_LIMITED_API)))]
        {
            self.to_str().map(Cow::Borrowed)
        }
        #[cfg(not(any(Py_3_10, not(Py_LIMITED_API))))]
        {
            // SAFETY: attached; returns a new bytes reference or NULL.
            let bytes = unsafe {
                ffi::PyUnicode_AsUTF8String(self.as_ptr()).assume_owned_or_err(self.py())?
            };
            let text = std::str::from_utf8(encoded_bytes(&bytes)).map_err(PyErr::from)?;
            Ok(Cow::Owned(text.to_owned()))
        }
    }
}

impl Borrowed<'_, '_, PyString> {
    /// Whether the string holds exactly the text `other`. A `str` that no Rust string can
    /// hold (one with a lone surrogate) equals nothing. Never raises and never calls into
    /// Python code.
    fn text_eq(self, other: &str) -> bool {
        #[cfg(Py_3_13)]
        {
            // SAFETY: attached; the object is a live str; the buffer is valid for
            // `other.len()` bytes. PyUnicode_EqualToUTF8AndSize returns 1 or 0 and is
            // documented never to raise.
            unsafe {
                ffi::PyUnicode_EqualToUTF8AndSize(
                    self.as_ptr(),
                    other.as_ptr().cast(),
                    other.len() as ffi::Py_ssize_t,
                ) == 1
            }
        }
        #[cfg(all(not(Py_3_13), not(limited_api_only)))]
        {
            // Read the canonical storage in place: no UTF-8 copy is made or cached.
            // SAFETY: the slice is used only within this match, while the owner of `self`
            // keeps the string alive; no Python code runs meanwhile, so nothing can
            // mutate the (shared, hence immutable) string.
            match unsafe { self.data() } {
                Ok(PyStringData::Ucs1(units)) if other.is_ascii() => units == other.as_bytes(),
                Ok(PyStringData::Ucs1(units)) => code_points_eq(units, other),
                Ok(PyStringData::Ucs2(units)) => code_points_eq(units, other),
                Ok(PyStringData::Ucs4(units)) => code_points_eq(units, other),
                // `data` has already taken the error out of the interpreter.
                Err(_) => false,
            }
        }
        #[cfg(all(not(Py_3_13), limited_api_only))]
        {
            // The limited API offers no allocation-free comparison before 3.13; a string
            // that cannot become UTF-8 fails here, and dropping the error clears it.
            self.to_cow().is_ok_and(|text| text == other)
        }
    }
}

/// Whether code points in PEP 393 storage spell `text`. Surrogate code points never
/// match, because a Rust `char` is never a surrogate.
#[cfg(all(not(Py_3_13), not(limited_api_only)))]
fn code_points_eq<U: Copy + Into<u32>>(units: &[U], text: &str) -> bool {
    // Each char takes one to four UTF-8 bytes, which rules out most mismatches cheaply.
    if text.len() < units.len() || text.len() > units.len().saturating_mul(4) {
        return false;
    }
    let mut chars = text.chars();
    units
        .iter()
        .all(|&unit| chars.next().is_some_and(|c| u32::from(c) == unit.into()))
        && chars.next().is_none()
}

/// Compares the text of the string with `other`, character for character, without
/// calling Python's `==` (so a `str` subclass's `__eq__` is not consulted). A string
/// holding a lone surrogate equals no Rust string.
///
/// ```
/// use pyo3::prelude::*;
/// use pyo3::types::PyString;
/// Python::attach(|py| {
///     let s = PyString::new(py, "caf\u{e9}");
///     assert!(s == "caf\u{e9}");
///     assert!("cafe" != s);
/// });
/// ```
impl PartialEq<str> for Bound<'_, PyString> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_borrowed().text_eq(other)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<&str> for Bound<'_, PyString> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.as_borrowed().text_eq(other)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<str> for &Bound<'_, PyString> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.as_borrowed().text_eq(other)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<str> for Borrowed<'_, '_, PyString> {
    #[inline]
    fn eq(&self, other: &str) -> bool {
        self.text_eq(other)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<&str> for Borrowed<'_, '_, PyString> {
    #[inline]
    fn eq(&self, other: &&str) -> bool {
        self.text_eq(other)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<Bound<'_, PyString>> for str {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyString>) -> bool {
        other.as_borrowed().text_eq(self)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<&Bound<'_, PyString>> for str {
    #[inline]
    fn eq(&self, other: &&Bound<'_, PyString>) -> bool {
        other.as_borrowed().text_eq(self)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<Borrowed<'_, '_, PyString>> for str {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyString>) -> bool {
        other.text_eq(self)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<Bound<'_, PyString>> for &str {
    #[inline]
    fn eq(&self, other: &Bound<'_, PyString>) -> bool {
        other.as_borrowed().text_eq(self)
    }
}

/// Compares the text; see `PartialEq<str> for Bound<PyString>`.
impl PartialEq<Borrowed<'_, '_, PyString>> for &str {
    #[inline]
    fn eq(&self, other: &Borrowed<'_, '_, PyString>) -> bool {
        other.text_eq(self)
    }
}
