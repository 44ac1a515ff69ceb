//! The input model: a tree of Python-like values and the calls to make, decoded from raw fuzz bytes.
//!
//! Decoding never fails: a byte past the end reads as zero, and sizes and depth are capped, so
//! every byte string is a valid (small) input. Dict keys and set elements are drawn from the
//! hashable kinds only and de-duplicated here with Python's equality (`True == 1`), so the tree
//! describes exactly the container that Python ends up holding.

/// An integer of any size: sign and little-endian magnitude without trailing zero bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Int {
    /// True for values below zero (never for zero itself).
    pub negative: bool,
    /// The absolute value, little-endian, with no trailing zero bytes (zero is empty).
    pub magnitude: Vec<u8>,
}

impl Int {
    /// The integer `v`.
    pub fn from_i128(v: i128) -> Int {
        Int::from_parts(v < 0, v.unsigned_abs().to_le_bytes().to_vec())
    }

    /// Normalises a sign and a little-endian magnitude.
    pub fn from_parts(negative: bool, mut magnitude: Vec<u8>) -> Int {
        while magnitude.last() == Some(&0) {
            magnitude.pop();
        }
        Int {
            negative: negative && !magnitude.is_empty(),
            magnitude,
        }
    }

    fn magnitude_u128(&self) -> Option<u128> {
        if self.magnitude.len() > 16 {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..self.magnitude.len()].copy_from_slice(&self.magnitude);
        Some(u128::from_le_bytes(buf))
    }

    /// The value as an `i128`, or `None` outside its range.
    pub fn to_i128(&self) -> Option<i128> {
        let m = self.magnitude_u128()?;
        if self.negative {
            if m <= 1u128 << 127 {
                Some((m as i128).wrapping_neg())
            } else {
                None
            }
        } else {
            i128::try_from(m).ok()
        }
    }

    /// The value as a `u128`, or `None` outside its range.
    pub fn to_u128(&self) -> Option<u128> {
        if self.negative {
            return None;
        }
        self.magnitude_u128()
    }

    /// The number of bits of the magnitude, as Python's `int.bit_length`.
    pub fn bit_length(&self) -> usize {
        match self.magnitude.last() {
            None => 0,
            Some(top) => (self.magnitude.len() - 1) * 8 + (8 - top.leading_zeros() as usize),
        }
    }

    /// The value correctly rounded to the nearest `f64` (ties to even), as Python's `float(int)`;
    /// `None` where Python raises OverflowError.
    pub fn to_f64(&self) -> Option<f64> {
        let bits = self.bit_length();
        let abs = if bits <= 128 {
            self.magnitude_u128().unwrap_or(0) as f64
        } else {
            // Keep the top 128 bits and fold every lower bit into a sticky bit: far below the
            // 53-bit rounding position, so the rounding of `top as f64` is the exact one.
            let shift = bits - 128;
            let mut top: u128 = 0;
            for i in (0..128).rev() {
                top = (top << 1) | u128::from(self.bit(shift + i));
            }
            if (0..shift).any(|i| self.bit(i)) {
                top |= 1;
            }
            (top as f64) * 2f64.powi(shift as i32)
        };
        if abs.is_infinite() {
            None
        } else if self.negative {
            Some(-abs)
        } else {
            Some(abs)
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.magnitude
            .get(i / 8)
            .is_some_and(|byte| (byte >> (i % 8)) & 1 == 1)
    }
}

/// One Python value the harness builds.
#[derive(Debug, Clone)]
pub enum Value {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// an `int` of any size
    Int(Int),
    /// a `float` (any bit pattern: NaN, infinities, -0.0)
    Float(f64),
    /// a `str` given by its code points (lone surrogates included)
    Str(Vec<u32>),
    /// `bytes`
    Bytes(Vec<u8>),
    /// `bytearray`
    ByteArray(Vec<u8>),
    /// `list`
    List(Vec<Value>),
    /// `tuple`
    Tuple(Vec<Value>),
    /// `dict`, entries in insertion order, keys distinct under Python equality
    Dict(Vec<(Value, Value)>),
    /// `set`, elements distinct under Python equality
    Set(Vec<Value>),
    /// `frozenset`, elements distinct under Python equality
    FrozenSet(Vec<Value>),
    /// an instance of the harness's `#[pyclass] Item` holding this number
    Item(i64),
    /// an instance of a plain Python subclass of the inner value's type (int, float, str,
    /// bytes, bytearray, list, tuple, dict, set, frozenset), equal to it
    Sub(Box<Value>),
    /// an object that is not an int but whose `__index__` returns this int
    Index(Int),
    /// an object whose `__index__` raises ValueError
    BadIndex,
    /// an object with only `__len__` and `__getitem__` (a sequence that is no list or tuple),
    /// whose `__getitem__` raises RuntimeError at index `fail_at`
    Seq {
        /// what `__getitem__` returns; `__len__` is their number
        items: Vec<Value>,
        /// the index whose `__getitem__` raises
        fail_at: Option<usize>,
    },
}

impl Value {
    /// The children of a container in the order they are built (dict: key, value, key, ...).
    pub fn children(&self) -> Vec<&Value> {
        match self {
            Value::Sub(inner) => inner.children(),
            Value::Seq { items, .. } => items.iter().collect(),
            Value::List(items)
            | Value::Tuple(items)
            | Value::Set(items)
            | Value::FrozenSet(items) => items.iter().collect(),
            Value::Dict(entries) => entries.iter().flat_map(|(k, v)| [k, v]).collect(),
            _ => Vec::new(),
        }
    }

    /// The value a subclass instance behaves as (itself for everything else).
    pub fn base(&self) -> &Value {
        match self {
            Value::Sub(inner) => inner,
            other => other,
        }
    }

    /// The value as a Python int (`bool` and int subclasses included).
    pub fn as_int(&self) -> Option<Int> {
        match self.base() {
            Value::Int(i) => Some(i.clone()),
            Value::Bool(b) => Some(Int::from_i128(i128::from(*b))),
            _ => None,
        }
    }

    /// The string's text when it has no surrogate code point (else Rust cannot hold it).
    pub fn as_utf8(cps: &[u32]) -> Option<String> {
        cps.iter().map(|&c| char::from_u32(c)).collect()
    }

    /// The hash-equality class of a hashable value (numbers by value, strings by text, ...).
    fn key(&self) -> Key {
        match self {
            Value::None => Key::None,
            Value::Bool(_) | Value::Int(_) => Key::Num(self.as_int().unwrap_or(Int::from_i128(0))),
            Value::Str(cps) => Key::Str(cps.clone()),
            Value::Bytes(b) => Key::Bytes(b.clone()),
            Value::Tuple(items) => Key::Tuple(items.iter().map(Value::key).collect()),
            // Other kinds are never generated as keys; an Item hashes by identity.
            other => Key::Other(format!("{other:?}")),
        }
    }
}

/// Python equality for the hashable values the decoder generates.
#[derive(PartialEq, Eq)]
enum Key {
    None,
    Num(Int),
    Str(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<Key>),
    Other(String),
}

/// One call of a signature-table function: positional arguments and keyword arguments, each an
/// index into the flattened pool of built values.
#[derive(Debug, Clone)]
pub struct Call {
    /// Index into the signature table.
    pub function: usize,
    /// Pool indices passed positionally.
    pub positional: Vec<usize>,
    /// Keyword names with pool indices, in order; a repeated name keeps its first place and
    /// its last value (the call's kwargs dict does that).
    pub keywords: Vec<(KeywordName, usize)>,
}

/// A decoded fuzz input.
#[derive(Debug, Clone)]
pub struct Input {
    /// The top-level values; the pool is these and all their descendants, pre-order.
    pub values: Vec<Value>,
    /// Calls to make; resolved against the pool when it is built.
    pub calls: Vec<RawCall>,
}

/// A keyword name: one of `KEYWORD_NAMES`, or a pool object (any str, surrogates included;
/// a non-str makes CPython refuse the call before it reaches the function).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeywordName {
    /// A fixed name.
    Fixed(&'static str),
    /// The pool object at this index.
    Pool(usize),
}

/// A call before the pool size is known: raw selector bytes.
#[derive(Debug, Clone)]
pub struct RawCall {
    function: u8,
    positional: Vec<u8>,
    keywords: Vec<(u8, u8)>,
}

/// Keyword names the fuzzer picks from: every parameter name in the table, plus unknown ones.
pub const KEYWORD_NAMES: &[&str] = &[
    "a", "b", "c", "k", "m", "n", "s", "x", "y", "z", "value", "args", "kwargs", "zz", "é",
];

impl RawCall {
    /// Resolves the selectors against a pool of `pool_len` (> 0) values and `functions` entries.
    pub fn resolve(&self, pool_len: usize, functions: usize) -> Call {
        let keywords = self
            .keywords
            .iter()
            .map(|&(name, value)| {
                let name = if name & 0x80 != 0 {
                    KeywordName::Pool(usize::from(name & 0x7f) % pool_len)
                } else {
                    KeywordName::Fixed(KEYWORD_NAMES[usize::from(name) % KEYWORD_NAMES.len()])
                };
                (name, usize::from(value) % pool_len)
            })
            .collect();
        Call {
            function: usize::from(self.function) % functions,
            positional: self
                .positional
                .iter()
                .map(|&p| usize::from(p) % pool_len)
                .collect(),
            keywords,
        }
    }
}

/// Caps that keep each input small and fast.
const MAX_DEPTH: usize = 4;
const MAX_NODES: usize = 48;
const MAX_CALLS: usize = 8;

/// Floats worth trying at the boundaries of the conversions.
const SPECIAL_FLOATS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.5,
    0.5,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    f64::MAX,
    f64::MIN_POSITIVE,
    5e-324,
    9007199254740993.0,
    18446744073709551616.0,
    -9223372036854775808.0,
    3.4028235677973366e38,
    3.4028235677973362e38,
    1e39,
];

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    nodes: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.byte()).collect()
    }

    fn exhausted(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn code_point(&mut self) -> u32 {
        let b = self.byte();
        match b % 4 {
            0 => u32::from(b / 4) + 0x20,
            1 => u32::from(self.byte()),
            2 => u32::from(u16::from_le_bytes([self.byte(), self.byte()])),
            _ => {
                let raw = u32::from_le_bytes([self.byte(), self.byte(), self.byte(), 0]);
                match raw % 4 {
                    // lone surrogates, with the surrogateescape range 0xDC80..0xDD00 favoured
                    0 => 0xD800 + raw / 4 % 0x800,
                    1 => 0xDC80 + raw / 4 % 0x80,
                    _ => 0x10000 + raw / 4 % 0x100000,
                }
            }
        }
    }

    fn int(&mut self) -> Int {
        let b = self.byte();
        match b % 4 {
            0 => Int::from_i128(i128::from(self.byte() as i8)),
            1 => Int::from_i128(i128::from(i64::from_le_bytes(
                self.bytes(8).try_into().unwrap_or([0; 8]),
            ))),
            2 => {
                // around a power of two: 2**n + d, both signs
                let n = u32::from(self.byte() % 130);
                let d = i128::from(self.byte() as i8 % 3);
                let neg = b & 0x10 != 0;
                let mut magnitude = vec![0u8; n as usize / 8 + 1];
                magnitude[n as usize / 8] = 1 << (n % 8);
                let base = Int::from_parts(false, magnitude);
                let v = match base.to_i128() {
                    Some(v) if n < 126 => Int::from_i128(v + d),
                    _ => base,
                };
                Int::from_parts(neg, v.magnitude)
            }
            _ => {
                let len = if b & 0x80 != 0 {
                    120 + usize::from(self.byte() % 20)
                } else {
                    usize::from(self.byte() % 48)
                };
                let neg = b & 0x10 != 0;
                Int::from_parts(neg, self.bytes(len))
            }
        }
    }

    fn value(&mut self, depth: usize) -> Value {
        self.nodes += 1;
        let tag = self.byte();
        let container_ok = depth < MAX_DEPTH && self.nodes < MAX_NODES;
        match tag % 18 {
            0 => Value::None,
            1 => Value::Bool(tag & 0x10 != 0),
            2 | 3 => Value::Int(self.int()),
            4 => Value::Float(f64::from_le_bytes(
                self.bytes(8).try_into().unwrap_or([0; 8]),
            )),
            5 => Value::Float(SPECIAL_FLOATS[usize::from(self.byte()) % SPECIAL_FLOATS.len()]),
            6 | 7 => {
                let len = usize::from(self.byte() % 12);
                Value::Str((0..len).map(|_| self.code_point()).collect())
            }
            8 => {
                let len = usize::from(self.byte() % 12);
                Value::Bytes(self.bytes(len))
            }
            9 => {
                let len = usize::from(self.byte() % 6);
                Value::ByteArray(self.bytes(len))
            }
            10 if container_ok => Value::List(self.items(depth)),
            11 if container_ok => Value::Tuple(self.items(depth)),
            12 if container_ok => {
                let len = usize::from(self.byte() % 5);
                let mut entries: Vec<(Value, Value)> = Vec::new();
                for _ in 0..len {
                    let k = self.hashable(depth + 1);
                    let v = self.value(depth + 1);
                    match entries.iter_mut().find(|(old, _)| old.key() == k.key()) {
                        // Python keeps the first key object and the last value.
                        Some(entry) => entry.1 = v,
                        None => entries.push((k, v)),
                    }
                }
                Value::Dict(entries)
            }
            13 if container_ok => {
                let len = usize::from(self.byte() % 5);
                let mut items: Vec<Value> = Vec::new();
                for _ in 0..len {
                    let k = self.hashable(depth + 1);
                    if !items.iter().any(|old| old.key() == k.key()) {
                        items.push(k);
                    }
                }
                if tag & 0x10 != 0 {
                    Value::FrozenSet(items)
                } else {
                    Value::Set(items)
                }
            }
            14 => Value::Item(i64::from(self.byte() as i8)),
            15 => Value::Int(Int::from_i128(i128::from(tag >> 4) - 2)),
            16 if tag & 0x80 != 0 => Value::BadIndex,
            16 => Value::Index(self.int()),
            17 if tag & 0x80 != 0 && container_ok => {
                let items = self.items(depth);
                let k = self.byte();
                let fail_at = (k & 0x80 != 0).then_some(usize::from(k % 5));
                Value::Seq { items, fail_at }
            }
            _ => match self.value(depth) {
                inner @ (Value::Int(_)
                | Value::Float(_)
                | Value::Str(_)
                | Value::Bytes(_)
                | Value::ByteArray(_)
                | Value::List(_)
                | Value::Tuple(_)
                | Value::Dict(_)
                | Value::Set(_)
                | Value::FrozenSet(_)) => Value::Sub(Box::new(inner)),
                other => other,
            },
        }
    }

    fn items(&mut self, depth: usize) -> Vec<Value> {
        let len = usize::from(self.byte() % 5);
        (0..len).map(|_| self.value(depth + 1)).collect()
    }

    fn hashable(&mut self, depth: usize) -> Value {
        self.nodes += 1;
        let tag = self.byte();
        match tag % 6 {
            0 => Value::None,
            1 => Value::Bool(tag & 0x10 != 0),
            2 => Value::Int(self.int()),
            3 => {
                let len = usize::from(self.byte() % 6);
                Value::Str((0..len).map(|_| self.code_point()).collect())
            }
            4 => {
                let len = usize::from(self.byte() % 6);
                Value::Bytes(self.bytes(len))
            }
            _ if depth < MAX_DEPTH && self.nodes < MAX_NODES => {
                let len = usize::from(self.byte() % 3);
                Value::Tuple((0..len).map(|_| self.hashable(depth + 1)).collect())
            }
            _ => Value::Int(Int::from_i128(i128::from(tag))),
        }
    }
}

impl Input {
    /// Decodes any byte string into an input.
    pub fn decode(data: &[u8]) -> Input {
        let mut r = Reader {
            data,
            pos: 0,
            nodes: 0,
        };
        let count = 1 + usize::from(r.byte() % 3);
        let values = (0..count).map(|_| r.value(0)).collect();
        let mut calls = Vec::new();
        while !r.exhausted() && calls.len() < MAX_CALLS {
            let function = r.byte();
            let npos = usize::from(r.byte() % 5);
            let positional = r.bytes(npos);
            let nkw = usize::from(r.byte() % 4);
            let keywords = (0..nkw).map(|_| (r.byte(), r.byte())).collect();
            calls.push(RawCall {
                function,
                positional,
                keywords,
            });
        }
        Input { values, calls }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_ranges() {
        assert_eq!(Int::from_i128(i128::MIN).to_i128(), Some(i128::MIN));
        assert_eq!(Int::from_i128(-1).to_u128(), None);
        assert_eq!(
            Int::from_parts(false, vec![0xff; 16]).to_u128(),
            Some(u128::MAX)
        );
        assert_eq!(Int::from_parts(false, vec![0xff; 16]).to_i128(), None);
        assert_eq!(Int::from_i128(255).bit_length(), 8);
        assert_eq!(Int::from_i128(0).bit_length(), 0);
    }

    #[test]
    fn int_to_float_rounds_and_overflows() {
        // 2**1024 - 2**970 rounds to 2**1024: overflow; one less than the halfway point does not.
        let mut m = vec![0u8; 129];
        m[128] = 1;
        assert_eq!(Int::from_parts(false, m).to_f64(), None);
        let max = Int::from_parts(false, {
            let mut m = vec![0u8; 128];
            m[127] = 0xff;
            m[126] = 0xff;
            m
        });
        assert!(max.to_f64().is_some());
        assert_eq!(
            Int::from_i128(-(1 << 100)).to_f64(),
            Some(-(2f64.powi(100)))
        );
    }
}
