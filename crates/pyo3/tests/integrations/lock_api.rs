//! `MutexExt` / `RwLockExt` for lock_api's locks (through parking_lot), their `Arc` forms
//! (`arc_lock`), and `OnceExt` for `parking_lot::Once`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Barrier};
use std::thread;

use parking_lot::{Mutex, Once, OnceState, ReentrantMutex, RwLock};
use pyo3::prelude::*;
use pyo3::sync::{MutexExt, OnceExt, RwLockExt};
use pyo3::types::PyList;

#[test]
fn mutex_guards_are_returned_directly() {
    Python::attach(|py| {
        let mutex = Mutex::new(PyList::empty(py).unbind());
        {
            let guard: parking_lot::MutexGuard<'_, Py<PyList>> = mutex.lock_py_attached(py);
            guard.bind(py).append(1).unwrap();
        }
        assert!(!mutex.is_locked());
        assert_eq!(mutex.lock().bind(py).len(), 1);

        let reentrant = ReentrantMutex::new(5);
        let outer = reentrant.lock_py_attached(py);
        // The same thread may lock it again while holding it.
        let inner = reentrant.lock_py_attached(py);
        assert_eq!(*outer + *inner, 10);
    });
}

#[test]
fn rwlock_read_and_write() {
    Python::attach(|py| {
        let lock = RwLock::new(1);
        *lock.write_py_attached(py) += 1;
        let first = lock.read_py_attached(py);
        let second = lock.read_py_attached(py);
        assert_eq!(*first + *second, 4);
    });
}

#[test]
fn arc_forms() {
    Python::attach(|py| {
        let mutex = Arc::new(Mutex::new(1));
        let guard: parking_lot::ArcMutexGuard<parking_lot::RawMutex, i32> =
            mutex.lock_py_attached(py);
        assert_eq!(*guard, 1);
        assert_eq!(Arc::strong_count(&mutex), 2);
        drop(guard);
        assert_eq!(Arc::strong_count(&mutex), 1);

        let reentrant = Arc::new(ReentrantMutex::new("r"));
        assert_eq!(*reentrant.lock_py_attached(py), "r");

        let rw = Arc::new(RwLock::new(vec![1]));
        rw.write_py_attached(py).push(2);
        assert_eq!(*rw.read_py_attached(py), [1, 2]);
    });
}

/// Another thread holds the lock and needs the interpreter before it lets go: waiting
/// for the lock while attached would deadlock; `lock_py_attached` waits detached.
#[test]
fn waiting_for_the_lock_detaches() {
    let mutex = Arc::new(Mutex::new(0));
    let (locked_tx, locked_rx) = mpsc::channel();
    let holder = {
        let mutex = Arc::clone(&mutex);
        thread::spawn(move || {
            let mut guard = mutex.lock();
            locked_tx.send(()).unwrap();
            // Needs the interpreter while holding the lock.
            Python::attach(|py| {
                *guard = py.eval(c"40 + 2", None, None).unwrap().extract().unwrap();
            });
        })
    };
    locked_rx.recv().unwrap();
    let value = Python::attach(|py| *mutex.lock_py_attached(py));
    holder.join().unwrap();
    assert_eq!(value, 42);

    let rw = Arc::new(RwLock::new(0));
    let (locked_tx, locked_rx) = mpsc::channel();
    let holder = {
        let rw = Arc::clone(&rw);
        thread::spawn(move || {
            let mut guard = rw.write();
            locked_tx.send(()).unwrap();
            Python::attach(|_| *guard = 7);
        })
    };
    locked_rx.recv().unwrap();
    let value = Python::attach(|py| *rw.read_py_attached(py));
    holder.join().unwrap();
    assert_eq!(value, 7);
}

#[test]
fn parking_lot_once_runs_once_and_detaches() {
    static ONCE: Once = Once::new();
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let barrier = Arc::new(Barrier::new(4));
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                barrier.wait();
                Python::attach(|py| {
                    ONCE.call_once_py_attached(py, || {
                        // The initialiser runs attached: it may use the interpreter.
                        Python::attach(|py| {
                            py.eval(c"1", None, None).unwrap();
                        });
                        CALLS.fetch_add(1, Ordering::SeqCst);
                    });
                });
            })
        })
        .collect();
    for thread in threads {
        thread.join().unwrap();
    }
    assert_eq!(CALLS.load(Ordering::SeqCst), 1);
    assert!(ONCE.state().done());
}

#[test]
fn parking_lot_once_force_sees_poisoning() {
    let once = Once::new();
    let poisoned = std::panic::catch_unwind(|| {
        Python::attach(|py| once.call_once_py_attached(py, || panic!("boom")));
    });
    assert!(poisoned.is_err());
    assert!(once.state().poisoned());
    let mut seen = None;
    Python::attach(|py| {
        once.call_once_force_py_attached(py, |state: &OnceState| seen = Some(state.poisoned()));
    });
    assert_eq!(seen, Some(true));
    assert!(once.state().done());
    // Done: a further call does nothing.
    Python::attach(|py| once.call_once_force_py_attached(py, |_| unreachable!()));
}
