//! The leak report (`PYO3_LEAK_REPORT=1`, a feature of this implementation that PyO3 lacks):
//! at interpreter finalisation, the `#[pyclass]` instances still alive, per class, and the
//! decrements deferred from unattached threads that were never applied, printed to stderr.
//!
//! The variable is read once, at the first module initialisation, interpreter start or
//! type-object creation, and the answer is cached in [`STATE`]. The per-instance paths never
//! look at it: each class's type object is created with counting `tp_alloc`/`tp_dealloc`
//! slots when the report is on ([`alloc_counted`], [`freed`]), and with the ordinary ones when
//! it is off, so an instance of a class costs nothing extra when the report is off. When it
//! is on, each class has a [`LiveCounter`] (kept in its `LazyTypeObject`), registered here on
//! its first allocation, and a `Py_AtExit` hook prints the non-zero ones once `Py_FinalizeEx`
//! has run every destructor it is going to run. A process that never finalises (`os._exit`,
//! or an embedding program that does not call `Py_FinalizeEx`) prints nothing.

use std::cell::Cell;
use std::io::Write;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};

use crate::ffi;
use crate::impl_::pyclass::PyClassInfo;

/// The environment variable that switches the report on (`1`).
pub(crate) const VARIABLE: &str = "PYO3_LEAK_REPORT";

/// Not read yet.
const UNKNOWN: u8 = 0;
/// Read; the report is off.
const OFF: u8 = 1;
/// Read; the report is on and the exit hook is registered.
const ON: u8 = 2;

/// The cached answer: [`UNKNOWN`], [`OFF`] or [`ON`]. Once decided it never changes.
static STATE: AtomicU8 = AtomicU8::new(UNKNOWN);

/// The classes that have allocated at least one instance while the report was on.
static CLASSES: Mutex<Vec<(&'static LiveCounter, &'static PyClassInfo)>> = Mutex::new(Vec::new());

/// The number of live instances of one class (only counted when the report is on).
pub(crate) struct LiveCounter {
    live: AtomicUsize,
    registered: Once,
}

impl LiveCounter {
    /// A zero counter (usable in a `static`).
    pub(crate) const fn new() -> Self {
        LiveCounter {
            live: AtomicUsize::new(0),
            registered: Once::new(),
        }
    }
}

/// Decides whether the report is on (reading the variable on first call) and, if it is,
/// registers the exit hook. Must be called attached (`Py_AtExit` is not thread-safe).
pub(crate) fn init() {
    if STATE.load(Ordering::Relaxed) == UNKNOWN {
        init_slow();
    }
}

#[cold]
#[inline(never)]
fn init_slow() {
    static DECIDE: Once = Once::new();
    DECIDE.call_once(|| {
        // PyPy frees objects at its garbage collector's pace and does not clear modules at
        // exit, so "alive at finalisation" says nothing about leaks there: no report.
        let on = cfg!(not(PyPy)) && std::env::var_os(VARIABLE).is_some_and(|value| value == "1");
        if on {
            // SAFETY: the caller is attached (see `init`), which serialises access to the
            // interpreter's table of exit functions; `report` is a plain `extern "C" fn()`.
            // If the table is full (-1) the report is silently lost, as documented.
            unsafe { ffi::Py_AtExit(Some(report)) };
        }
        STATE.store(if on { ON } else { OFF }, Ordering::Relaxed);
    });
}

thread_local! {
    /// Set while a class's attributes are created: those instances belong to the type
    /// object, which lives for the whole process, so they are not counted as leaks.
    static NOT_COUNTING: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` without counting the instances it creates (see [`NOT_COUNTING`]).
pub(crate) fn not_counted<R>(f: impl FnOnce() -> R) -> R {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            NOT_COUNTING.with(|flag| flag.set(self.0));
        }
    }
    let _restore = Restore(NOT_COUNTING.with(|flag| flag.replace(true)));
    f()
}

/// Whether the report is on (deciding it first if nobody has yet). Read when a class's
/// type object is created, to choose its slots; must be called attached (see [`init`]).
pub(crate) fn is_on() -> bool {
    init();
    STATE.load(Ordering::Relaxed) == ON
}

/// The body of a counting `tp_alloc` (installed only when the report is on): allocates
/// through `PyType_GenericAlloc`, as the slot it replaces does, then counts the instance
/// unless it is a class attribute (see [`not_counted`]).
///
/// # Safety
///
/// Called by CPython (attached) as the `tp_alloc` of a class's own type object, with that
/// type as `subtype`.
#[cold]
#[inline(never)]
pub(crate) unsafe fn alloc_counted(
    subtype: *mut ffi::PyTypeObject,
    nitems: ffi::Py_ssize_t,
    counter: &'static LiveCounter,
    info: fn() -> &'static PyClassInfo,
) -> *mut ffi::PyObject {
    // SAFETY: per the caller, `subtype` is a live type object and the thread is attached;
    // the result is a new reference or NULL with an error set.
    let obj = unsafe { ffi::PyType_GenericAlloc(subtype, nitems) };
    if !obj.is_null() && !NOT_COUNTING.with(Cell::get) {
        counter.registered.call_once(|| {
            CLASSES
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((counter, info()));
        });
        counter.live.fetch_add(1, Ordering::Relaxed);
    }
    obj
}

/// Uncounts a freed instance, from a counting `tp_dealloc` (installed only when the report
/// is on), for the instances [`alloc_counted`] counted. (A class attribute, not counted, is
/// freed only if someone deletes it from the type; the saturating decrement keeps that from
/// wrapping, at the price of possibly hiding one leak of that class.)
#[cold]
#[inline(never)]
pub(crate) fn freed(counter: &'static LiveCounter) {
    let _ = counter
        .live
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1));
}

/// The lines of the report: one per class with live instances, then one for the deferred
/// decrements if any remain.
fn report_lines(pending_decrefs: usize) -> Vec<String> {
    let classes = CLASSES.lock().unwrap_or_else(|e| e.into_inner());
    let mut lines: Vec<String> = classes
        .iter()
        .filter_map(|(counter, info)| {
            let live = counter.live.load(Ordering::Relaxed);
            (live != 0).then(|| {
                let name = match info.module {
                    Some(module) => format!("{module}.{}", info.name),
                    None => info.name.to_owned(),
                };
                let noun = if live == 1 { "instance" } else { "instances" };
                format!("pyo3 leak report: {live} {noun} of class {name} still alive")
            })
        })
        .collect();
    if pending_decrefs != 0 {
        let noun = if pending_decrefs == 1 {
            "decref"
        } else {
            "decrefs"
        };
        lines.push(format!(
            "pyo3 leak report: {pending_decrefs} deferred {noun} never applied"
        ));
    }
    lines
}

/// The `Py_AtExit` hook: runs after the interpreter is finalised, touches only Rust state.
extern "C" fn report() {
    let lines = report_lines(crate::attach::pending_decref_count());
    if lines.is_empty() {
        return;
    }
    let mut stderr = std::io::stderr().lock();
    for line in lines {
        // Nothing can be done about a failed write at exit.
        let _ = writeln!(stderr, "{line}");
    }
}
