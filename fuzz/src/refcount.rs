//! Reference-count snapshots of the objects a tree built, to check that no check leaks or
//! steals a reference.
//!
//! Shared objects are left out: singletons (`None`, `True`, `False`, the empty tuple), the
//! interpreter's caches (small ints, one-character strings, short bytes) and immortal objects
//! (3.12+), whose counts other code may legitimately move.

use crate::value::Value;
use pyo3::prelude::*;

/// A refcount above this is an immortal object's (or one nobody can leak-check).
const HUGE: isize = 1 << 28;

fn is_shared(v: &Value) -> bool {
    match v {
        Value::None | Value::Bool(_) => true,
        Value::Int(i) => i.to_i128().is_some_and(|x| (-5..=256).contains(&x)),
        Value::Str(cps) => cps.len() <= 1,
        Value::Bytes(b) => b.len() <= 1,
        Value::Tuple(items) | Value::FrozenSet(items) => items.is_empty(),
        _ => false,
    }
}

/// The refcounts of the pool's unshared objects, in pool order.
pub fn snapshot(pool: &[(&Value, Bound<'_, PyAny>)]) -> Vec<Option<isize>> {
    pool.iter()
        .map(|(v, obj)| {
            let count = obj.get_refcnt();
            (!is_shared(v) && count < HUGE).then_some(count)
        })
        .collect()
}

/// Panics naming the first object whose count moved between the two snapshots.
pub fn assert_unchanged(
    pool: &[(&Value, Bound<'_, PyAny>)],
    before: &[Option<isize>],
    stage: &str,
) {
    let after = snapshot(pool);
    for (((v, _), b), a) in pool.iter().zip(before).zip(&after) {
        assert_eq!(b, a, "{stage}: refcount of {v:?} changed");
    }
}
