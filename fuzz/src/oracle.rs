//! The oracle: what each std conversion must give for a value tree, computed from the tree alone.
//!
//! Each function answers `Ok(the Rust value)` or `Err(the exception types allowed)`. A set of
//! types is needed only where Python's iteration order is not the tree's (set elements).

use crate::value::{Int, Value};
use std::ops::BitOr;

/// A set of exception types, as a bit mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Errs(pub u8);

impl Errs {
    /// `TypeError`
    pub const TYPE: Errs = Errs(1);
    /// `OverflowError`
    pub const OVERFLOW: Errs = Errs(2);
    /// `ValueError` (but not one of its subclasses below)
    pub const VALUE: Errs = Errs(4);
    /// `UnicodeEncodeError`
    pub const UNICODE: Errs = Errs(8);
    /// `RuntimeError` (what the harness's failing `__getitem__` raises)
    pub const RUNTIME: Errs = Errs(16);

    /// Whether every type of `other` is in `self`.
    pub fn contains(self, other: Errs) -> bool {
        self.0 & other.0 == other.0
    }
}

impl BitOr for Errs {
    type Output = Errs;
    fn bitor(self, rhs: Errs) -> Errs {
        Errs(self.0 | rhs.0)
    }
}

/// The expected outcome of one conversion.
pub type Expect<T> = Result<T, Errs>;

/// The int an integer conversion sees: ints, their subclasses, `bool`, and any object with
/// `__index__` (through `PyNumber_Index`).
fn index(v: &Value) -> Expect<Int> {
    match v {
        Value::Index(i) => Ok(i.clone()),
        Value::BadIndex => Err(Errs::VALUE),
        _ => v.as_int().ok_or(Errs::TYPE),
    }
}

/// Any integer type of at most 64 bits, through `i128`.
pub fn int<T: TryFrom<i128>>(v: &Value) -> Expect<T> {
    let i = index(v)?;
    i.to_i128()
        .and_then(|x| T::try_from(x).ok())
        .ok_or(Errs::OVERFLOW)
}

/// `u128`
pub fn u128_(v: &Value) -> Expect<u128> {
    index(v)?.to_u128().ok_or(Errs::OVERFLOW)
}

/// `NonZero*`: zero is a ValueError after the range check.
pub fn nonzero<T: TryFrom<i128>>(v: &Value) -> Expect<T> {
    let x: T = int(v)?;
    if index(v) == Ok(Int::from_i128(0)) {
        return Err(Errs::VALUE);
    }
    Ok(x)
}

/// `f64`: floats, and ints (or `__index__`) rounded as `float(int)` does.
pub fn float(v: &Value) -> Expect<f64> {
    match v.base() {
        Value::Float(f) => Ok(*f),
        _ => index(v)?.to_f64().ok_or(Errs::OVERFLOW),
    }
}

/// `bool`: only `True` and `False`.
pub fn boolean(v: &Value) -> Expect<bool> {
    match v.base() {
        Value::Bool(b) => Ok(*b),
        _ => Err(Errs::TYPE),
    }
}

/// `String`, `Cow<str>`, `&str`: any `str` without a lone surrogate.
pub fn string(v: &Value) -> Expect<String> {
    match v.base() {
        Value::Str(cps) => Value::as_utf8(cps).ok_or(Errs::UNICODE),
        _ => Err(Errs::TYPE),
    }
}

/// `char`: a `str` of exactly one (non-surrogate) character.
pub fn character(v: &Value) -> Expect<char> {
    let s = string(v)?;
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(Errs::VALUE),
    }
}

/// What the sequence protocol sees of a value: the length `__len__` reports, and what
/// iterating (or indexing 0, 1, ...) yields, ending early with an error where `__getitem__`
/// raises. TypeError for a non-sequence (dicts and sets fail `PySequence_Check`).
pub struct Sequence {
    /// `len(v)`
    pub len: usize,
    /// The items in order as iteration sees them, up to and including a failing
    /// `__getitem__` (which may sit one past `len`).
    pub items: Vec<Expect<Value>>,
}

/// The sequence view of `v`.
pub fn sequence_items(v: &Value) -> Expect<Sequence> {
    let plain = |items: Vec<Value>| Sequence {
        len: items.len(),
        items: items.into_iter().map(Ok).collect(),
    };
    match v.base() {
        Value::List(items) | Value::Tuple(items) => Ok(plain(items.clone())),
        Value::Bytes(b) | Value::ByteArray(b) => Ok(plain(
            b.iter()
                .map(|&x| Value::Int(Int::from_i128(i128::from(x))))
                .collect(),
        )),
        Value::Str(cps) => Ok(plain(cps.iter().map(|&c| Value::Str(vec![c])).collect())),
        Value::Seq { items, fail_at } => {
            let mut out: Vec<Expect<Value>> = items.iter().cloned().map(Ok).collect();
            // Iteration asks for index len(items) too (its IndexError ends the loop), so a
            // failure there is seen by iteration, though not by indexing 0..len.
            if let Some(k) = fail_at.filter(|k| *k <= items.len()) {
                out.truncate(k);
                out.push(Err(Errs::RUNTIME));
            }
            Ok(Sequence {
                len: items.len(),
                items: out,
            })
        }
        _ => Err(Errs::TYPE),
    }
}

fn extract_items<T>(seq: Sequence, elem: impl Fn(&Value) -> Expect<T>) -> Expect<Vec<T>> {
    seq.items
        .into_iter()
        .map(|item| item.and_then(|x| elem(&x)))
        .collect()
}

/// `Vec<T>`: any sequence but `str`; the first failing element decides the error.
pub fn vec<T>(v: &Value, elem: impl Fn(&Value) -> Expect<T>) -> Expect<Vec<T>> {
    if matches!(v.base(), Value::Str(_)) {
        return Err(Errs::TYPE);
    }
    extract_items(sequence_items(v)?, elem)
}

/// `Vec<u8>`: `bytes` and `bytearray` directly, other sequences element by element.
pub fn vec_u8(v: &Value) -> Expect<Vec<u8>> {
    match v.base() {
        Value::Bytes(b) | Value::ByteArray(b) => Ok(b.clone()),
        _ => vec(v, int::<u8>),
    }
}

/// `[T; N]`: any sequence (`str` included) of length exactly N.
pub fn array<T, const N: usize>(v: &Value, elem: impl Fn(&Value) -> Expect<T>) -> Expect<[T; N]> {
    let seq = sequence_items(v)?;
    if seq.len != N {
        return Err(Errs::VALUE);
    }
    let out: Vec<T> = seq
        .items
        .into_iter()
        .take(N)
        .map(|item| item.and_then(|x| elem(&x)))
        .collect::<Expect<_>>()?;
    Ok(out.try_into().ok().expect("length checked"))
}

/// A Rust tuple of two: a Python `tuple` of length 2, elements in order.
pub fn pair<A, B>(
    v: &Value,
    first: impl Fn(&Value) -> Expect<A>,
    second: impl Fn(&Value) -> Expect<B>,
) -> Expect<(A, B)> {
    match v.base() {
        Value::Tuple(items) if items.len() == 2 => Ok((first(&items[0])?, second(&items[1])?)),
        Value::Tuple(_) => Err(Errs::VALUE),
        _ => Err(Errs::TYPE),
    }
}

/// A one-element Rust tuple.
pub fn single<A>(v: &Value, first: impl Fn(&Value) -> Expect<A>) -> Expect<(A,)> {
    match v.base() {
        Value::Tuple(items) if items.len() == 1 => Ok((first(&items[0])?,)),
        Value::Tuple(_) => Err(Errs::VALUE),
        _ => Err(Errs::TYPE),
    }
}

/// `HashMap`/`BTreeMap`: a `dict`, each key then its value extracted, in insertion order.
pub fn map<K, V>(
    v: &Value,
    key: impl Fn(&Value) -> Expect<K>,
    value: impl Fn(&Value) -> Expect<V>,
) -> Expect<Vec<(K, V)>> {
    match v.base() {
        Value::Dict(entries) => entries
            .iter()
            .map(|(k, x)| Ok((key(k)?, value(x)?)))
            .collect(),
        _ => Err(Errs::TYPE),
    }
}

/// `HashSet`/`BTreeSet`: a `set` or `frozenset`; since Python iterates in hash order, any
/// failing element's error is allowed.
pub fn set<T>(v: &Value, elem: impl Fn(&Value) -> Expect<T>) -> Expect<Vec<T>> {
    match v.base() {
        Value::Set(items) | Value::FrozenSet(items) => {
            let mut ok = Vec::new();
            let mut errs = Errs(0);
            for item in items {
                match elem(item) {
                    Ok(x) => ok.push(x),
                    Err(e) => errs = errs | e,
                }
            }
            if errs.0 == 0 {
                Ok(ok)
            } else {
                Err(errs)
            }
        }
        _ => Err(Errs::TYPE),
    }
}

/// `Option<T>`: `None` is `None`, anything else goes to `T`.
pub fn option<T>(v: &Value, inner: impl Fn(&Value) -> Expect<T>) -> Expect<Option<T>> {
    match v.base() {
        Value::None => Ok(None),
        _ => inner(v).map(Some),
    }
}

/// `OsString`: a `str` encoded with the filesystem encoding (UTF-8 with surrogateescape here).
pub fn os_bytes(v: &Value) -> Expect<Vec<u8>> {
    let Value::Str(cps) = v.base() else {
        return Err(Errs::TYPE);
    };
    let mut out = Vec::new();
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            None if (0xDC80..0xDD00).contains(&cp) => out.push((cp - 0xDC00) as u8),
            None => return Err(Errs::UNICODE),
        }
    }
    Ok(out)
}

/// `PathBuf`: through `os.fspath`, which passes `str` and `bytes` and rejects the rest; then
/// as `OsString`, which takes only `str`.
pub fn path_bytes(v: &Value) -> Expect<Vec<u8>> {
    os_bytes(v)
}

/// `&[u8]`: `bytes` only.
pub fn byte_slice(v: &Value) -> Expect<Vec<u8>> {
    match v.base() {
        Value::Bytes(b) => Ok(b.clone()),
        _ => Err(Errs::TYPE),
    }
}

/// `Cow<[u8]>`: `bytes` or `bytearray`.
pub fn byte_cow(v: &Value) -> Expect<Vec<u8>> {
    match v.base() {
        Value::Bytes(b) | Value::ByteArray(b) => Ok(b.clone()),
        _ => Err(Errs::TYPE),
    }
}

/// `PyRef<Item>` and friends: the number an `Item` holds.
pub fn item(v: &Value) -> Expect<i64> {
    match v.base() {
        Value::Item(n) => Ok(*n),
        _ => Err(Errs::TYPE),
    }
}
