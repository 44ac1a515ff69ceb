//! Builds the Python objects a value tree describes, and the `#[pyclass]` its `Item` nodes use.
//!
//! Integers and strings are made by Python itself (`int.from_bytes`, `chr`), not by the
//! conversions under test, so the oracle's input is independent of them.

use crate::value::Value;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyList, PySet, PyTuple};

/// The class behind `Value::Item`; its method and constructor are also in the signature table.
#[pyclass(module = "fuzz")]
pub struct Item {
    /// The number the instance holds.
    #[pyo3(get)]
    pub value: i64,
}

const HELPERS: &std::ffi::CStr = c"\
def mkint(b, neg):
    v = int.from_bytes(b, 'little')
    return -v if neg else v

def mkstr(cps):
    return ''.join(map(chr, cps))

class SInt(int): pass
class SFloat(float): pass
class SStr(str): pass
class SBytes(bytes): pass
class SByteArray(bytearray): pass
class SList(list): pass
class STuple(tuple): pass
class SDict(dict): pass
class SSet(set): pass
class SFrozenSet(frozenset): pass
SUB = {int: SInt, float: SFloat, str: SStr, bytes: SBytes, bytearray: SByteArray, list: SList,
       tuple: STuple, dict: SDict, set: SSet, frozenset: SFrozenSet}

def mksub(obj):
    return SUB[type(obj)](obj)

class Index:
    __slots__ = ('v',)
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

def mkindex(b, neg):
    return Index(mkint(b, neg))

class BadIndex:
    __slots__ = ()
    def __index__(self):
        raise ValueError('fuzz: failing __index__')

class Seq:
    __slots__ = ('items', 'fail_at')
    def __init__(self, items, fail_at):
        self.items = items
        self.fail_at = fail_at
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if i == self.fail_at:
            raise RuntimeError('fuzz: failing __getitem__')
        return self.items[i]
";

/// The Python helper module (built once per process).
pub fn helpers(py: Python<'_>) -> &Bound<'_, PyModule> {
    static MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();
    MODULE
        .get_or_init(py, || {
            PyModule::from_code(py, HELPERS, c"fuzz_helpers.py", c"fuzz_helpers")
                .expect("helper module")
                .unbind()
        })
        .bind(py)
}

/// A built tree: every node's object, pre-order, beside the node it came from.
pub struct Pool<'v, 'py> {
    /// `(node, object)` for the top-level values and all their descendants.
    pub entries: Vec<(&'v Value, Bound<'py, PyAny>)>,
    /// Indices into `entries` of the top-level values.
    pub roots: Vec<usize>,
}

impl<'v, 'py> Pool<'v, 'py> {
    /// Builds every value of `values`.
    pub fn build(py: Python<'py>, values: &'v [Value]) -> Pool<'v, 'py> {
        let mut pool = Pool {
            entries: Vec::new(),
            roots: Vec::new(),
        };
        for v in values {
            let idx = pool.entries.len();
            pool.roots.push(idx);
            pool.add(py, v);
        }
        pool
    }

    /// Builds `v` (and its children first), records them all, returns the object.
    fn add(&mut self, py: Python<'py>, v: &'v Value) -> Bound<'py, PyAny> {
        let slot = self.entries.len();
        self.entries.push((v, py.None().into_bound(py)));
        let children: Vec<Bound<'py, PyAny>> =
            v.children().into_iter().map(|c| self.add(py, c)).collect();
        let obj = make(py, v, &children).unwrap_or_else(|e| panic!("cannot build {v:?}: {e}"));
        self.entries[slot].1 = obj.clone();
        obj
    }
}

fn make<'py>(
    py: Python<'py>,
    v: &Value,
    children: &[Bound<'py, PyAny>],
) -> PyResult<Bound<'py, PyAny>> {
    let h = helpers(py);
    Ok(match v {
        Value::None => py.None().into_bound(py),
        Value::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Value::Int(i) => h
            .getattr("mkint")?
            .call1((PyBytes::new(py, &i.magnitude), i.negative))?,
        Value::Float(f) => PyFloat::new(py, *f).into_any(),
        Value::Str(cps) => h.getattr("mkstr")?.call1((PyList::new(py, cps)?,))?,
        Value::Bytes(b) => PyBytes::new(py, b).into_any(),
        Value::ByteArray(b) => PyByteArray::new(py, b).into_any(),
        Value::List(_) => PyList::new(py, children)?.into_any(),
        Value::Tuple(_) => PyTuple::new(py, children)?.into_any(),
        Value::Dict(_) => {
            let d = PyDict::new(py);
            for pair in children.chunks(2) {
                d.set_item(&pair[0], &pair[1])?;
            }
            d.into_any()
        }
        Value::Set(_) => PySet::new(py, children)?.into_any(),
        Value::FrozenSet(_) => PyFrozenSet::new(py, children)?.into_any(),
        Value::Item(n) => Bound::new(py, Item { value: *n })?.into_any(),
        Value::Sub(inner) => h.getattr("mksub")?.call1((make(py, inner, children)?,))?,
        Value::BadIndex => h.getattr("BadIndex")?.call0()?,
        Value::Seq { fail_at, .. } => h
            .getattr("Seq")?
            .call1((PyList::new(py, children)?, *fail_at))?,
        Value::Index(i) => h
            .getattr("mkindex")?
            .call1((PyBytes::new(py, &i.magnitude), i.negative))?,
    })
}
